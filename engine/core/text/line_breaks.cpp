#include "line_breaks.h"

#include <memory>
#include <unicode/brkiter.h>
#include <unicode/unistr.h>

namespace lectern {

namespace {

// The text as UTF-16 for ICU, with the code point index of every UTF-16 unit.
struct Utf16Text {
    icu::UnicodeString text;
    std::vector<std::size_t> code_point_at; // one per UTF-16 unit, plus one for the end
};

Utf16Text utf16_of(std::u32string_view text) {
    Utf16Text out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char32_t c = text[i] > 0x10FFFF ? U'\uFFFD' : text[i];
        out.text.append(static_cast<UChar32>(c));
        out.code_point_at.resize(static_cast<std::size_t>(out.text.length()), i);
    }
    out.code_point_at.push_back(text.size());
    return out;
}

// ICU's iterators are costly to build and not thread-safe to share: one of each kind per thread.
icu::BreakIterator* iterator(bool lines) {
    thread_local std::unique_ptr<icu::BreakIterator> line_iterator;
    thread_local std::unique_ptr<icu::BreakIterator> character_iterator;
    std::unique_ptr<icu::BreakIterator>& kept = lines ? line_iterator : character_iterator;
    if (!kept) {
        UErrorCode status = U_ZERO_ERROR;
        kept.reset(lines ? icu::BreakIterator::createLineInstance(icu::Locale::getRoot(), status)
                         : icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
        if (U_FAILURE(status))
            kept.reset();
    }
    return kept.get();
}

} // namespace

std::vector<LineBreak> line_breaks(std::u32string_view text) {
    std::vector<LineBreak> breaks(text.size() + 1, LineBreak::Prohibited);
    breaks[text.size()] = LineBreak::Mandatory;
    icu::BreakIterator* lines = iterator(true);
    if (lines == nullptr || text.empty())
        return breaks;
    const Utf16Text utf16 = utf16_of(text);
    lines->setText(utf16.text);
    for (int32_t at = lines->following(0); at != icu::BreakIterator::DONE; at = lines->next()) {
        const std::size_t index = utf16.code_point_at[static_cast<std::size_t>(at)];
        const int32_t status = lines->getRuleStatus();
        breaks[index] = status >= UBRK_LINE_HARD && status < UBRK_LINE_HARD_LIMIT ? LineBreak::Mandatory
                                                                                  : LineBreak::Allowed;
    }
    breaks[text.size()] = LineBreak::Mandatory;
    return breaks;
}

std::vector<bool> grapheme_starts(std::u32string_view text) {
    std::vector<bool> starts(text.size() + 1, false);
    starts[0] = true;
    starts[text.size()] = true;
    icu::BreakIterator* characters = iterator(false);
    if (characters == nullptr) {
        std::fill(starts.begin(), starts.end(), true);
        return starts;
    }
    const Utf16Text utf16 = utf16_of(text);
    characters->setText(utf16.text);
    for (int32_t at = characters->first(); at != icu::BreakIterator::DONE; at = characters->next())
        starts[utf16.code_point_at[static_cast<std::size_t>(at)]] = true;
    return starts;
}

} // namespace lectern
