#include "bidi_levels.h"

#include "unicode_script.h"

#include <algorithm>

namespace lectern {

namespace {

using B = BidiClass;

bool is_strong(BidiClass type) {
    return type == B::L || type == B::R || type == B::AL;
}

bool is_neutral(BidiClass type) {
    return type == B::WS || type == B::ON;
}

// W1-W7 on `types`, in place. `sos` is the paragraph's direction (L or R).
void resolve_weak_types(std::vector<BidiClass>& types, BidiClass sos) {
    const std::size_t count = types.size();
    // W1: a mark takes the type of the character before it.
    for (std::size_t i = 0; i < count; ++i) {
        if (types[i] == B::NSM) {
            types[i] = i == 0 ? sos : types[i - 1];
        }
    }
    // W2 and W3: European digits after an Arabic letter are Arabic digits; Arabic letters become R.
    BidiClass last_strong = sos;
    for (std::size_t i = 0; i < count; ++i) {
        if (is_strong(types[i])) {
            last_strong = types[i];
        } else if (types[i] == B::EN && last_strong == B::AL) {
            types[i] = B::AN;
        }
    }
    for (BidiClass& type : types) {
        if (type == B::AL) {
            type = B::R;
        }
    }
    // W4: one separator between two digits of the same kind joins them.
    for (std::size_t i = 1; i + 1 < count; ++i) {
        const BidiClass before = types[i - 1];
        const BidiClass after = types[i + 1];
        if (types[i] == B::ES && before == B::EN && after == B::EN) {
            types[i] = B::EN;
        } else if (types[i] == B::CS && before == after && (before == B::EN || before == B::AN)) {
            types[i] = before;
        }
    }
    // W5: terminators (%, $, °) next to European digits become digits.
    for (std::size_t i = 0; i < count; ++i) {
        if (types[i] != B::ET) {
            continue;
        }
        std::size_t end = i;
        while (end < count && types[end] == B::ET) {
            ++end;
        }
        const bool touches_digit = (i > 0 && types[i - 1] == B::EN) || (end < count && types[end] == B::EN);
        if (touches_digit) {
            std::fill(types.begin() + static_cast<std::ptrdiff_t>(i),
                      types.begin() + static_cast<std::ptrdiff_t>(end), B::EN);
        }
        i = end - 1;
    }
    // W6: the remaining separators and terminators are neutral.
    for (BidiClass& type : types) {
        if (type == B::ES || type == B::ET || type == B::CS) {
            type = B::ON;
        }
    }
    // W7: European digits in left-to-right text are left-to-right.
    last_strong = sos;
    for (BidiClass& type : types) {
        if (type == B::L || type == B::R) {
            last_strong = type;
        } else if (type == B::EN && last_strong == B::L) {
            type = B::L;
        }
    }
}

// N1 and N2: neutrals between two of the same direction take it, others the paragraph's.
void resolve_neutral_types(std::vector<BidiClass>& types, BidiClass embedding) {
    const auto direction_of = [](BidiClass type) {
        return type == B::L ? B::L : B::R;
    }; // EN and AN count as R
    const std::size_t count = types.size();
    for (std::size_t i = 0; i < count; ++i) {
        if (!is_neutral(types[i])) {
            continue;
        }
        std::size_t end = i;
        while (end < count && is_neutral(types[end])) {
            ++end;
        }
        const BidiClass before = i == 0 ? embedding : direction_of(types[i - 1]);
        const BidiClass after = end == count ? embedding : direction_of(types[end]);
        const BidiClass resolved = before == after ? before : embedding;
        std::fill(types.begin() + static_cast<std::ptrdiff_t>(i),
                  types.begin() + static_cast<std::ptrdiff_t>(end), resolved);
        i = end - 1;
    }
}

} // namespace

BidiLevels resolve_bidi_levels(std::u32string_view text) {
    BidiLevels result;
    std::vector<BidiClass> original(text.size());
    std::transform(text.begin(), text.end(), original.begin(), bidi_class_of);

    // P2, P3: the first strong character sets the paragraph direction.
    const auto first_strong = std::find_if(original.begin(), original.end(), is_strong);
    const bool right_to_left = first_strong != original.end() && *first_strong != B::L;
    result.paragraph = right_to_left ? TextDirection::RightToLeft : TextDirection::LeftToRight;
    const BidiClass embedding = right_to_left ? B::R : B::L;
    const std::uint8_t paragraph_level = right_to_left ? 1 : 0;

    std::vector<BidiClass> types = original;
    resolve_weak_types(types, embedding);
    resolve_neutral_types(types, embedding);

    // I1, I2: levels from the resolved types.
    result.levels.resize(text.size());
    for (std::size_t i = 0; i < types.size(); ++i) {
        const BidiClass type = types[i];
        if (paragraph_level == 0) {
            result.levels[i] = type == B::L ? 0 : (type == B::R ? 1 : 2);
        } else {
            result.levels[i] = type == B::R ? 1 : 2;
        }
    }
    // L1: white space (and invisible format characters) at the end of the line goes back to the paragraph
    // level.
    for (std::size_t i = text.size(); i > 0; --i) {
        if (original[i - 1] != B::WS && !is_default_ignorable(text[i - 1])) {
            break;
        }
        result.levels[i - 1] = paragraph_level;
    }
    return result;
}

std::vector<std::size_t> visual_order(const std::vector<std::uint8_t>& run_levels) {
    std::vector<std::size_t> order(run_levels.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    if (run_levels.empty()) {
        return order;
    }
    const auto [lowest, highest] = std::minmax_element(run_levels.begin(), run_levels.end());
    const int lowest_odd = *lowest | 1;
    // L2: from the highest level down to the lowest odd one, reverse every run of runs at that level or
    // above.
    for (int level = *highest; level >= lowest_odd; --level) {
        std::size_t i = 0;
        while (i < order.size()) {
            if (run_levels[order[i]] < level) {
                ++i;
                continue;
            }
            std::size_t end = i;
            while (end < order.size() && run_levels[order[end]] >= level) {
                ++end;
            }
            std::reverse(order.begin() + static_cast<std::ptrdiff_t>(i),
                         order.begin() + static_cast<std::ptrdiff_t>(end));
            i = end;
        }
    }
    return order;
}

} // namespace lectern
