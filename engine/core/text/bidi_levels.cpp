#include "bidi_levels.h"

#include <algorithm>
#include <array>
#include <fribidi.h>
#include <numeric>
#include <string>
#include <unicode/uloc.h>

namespace lectern {

namespace {

std::vector<FriBidiChar> fribidi_text(std::u32string_view text) {
    return {text.begin(), text.end()};
}

std::vector<FriBidiCharType> bidi_types_of(const std::vector<FriBidiChar>& text) {
    std::vector<FriBidiCharType> types(text.size());
    fribidi_get_bidi_types(text.data(), static_cast<FriBidiStrIndex>(text.size()), types.data());
    return types;
}

FriBidiParType fribidi_direction(ParagraphDirection direction) {
    switch (direction) {
    case ParagraphDirection::LeftToRight:
        return FRIBIDI_PAR_LTR;
    case ParagraphDirection::RightToLeft:
        return FRIBIDI_PAR_RTL;
    case ParagraphDirection::FirstStrong:
        break;
    }
    return FRIBIDI_PAR_ON;
}

std::vector<std::uint8_t> unsigned_levels(const std::vector<FriBidiLevel>& levels) {
    std::vector<std::uint8_t> out(levels.size());
    std::transform(levels.begin(), levels.end(), out.begin(), [](FriBidiLevel level) {
        return static_cast<std::uint8_t>(std::max<FriBidiLevel>(level, 0));
    });
    return out;
}

// L1 (with `types`) and L2 on `levels`, in place; returns the logical indices in visual order.
std::vector<std::size_t> reorder(const std::vector<FriBidiCharType>& types, std::vector<FriBidiLevel>& levels,
                                 TextDirection paragraph) {
    std::vector<FriBidiStrIndex> map(levels.size());
    std::iota(map.begin(), map.end(), 0);
    const FriBidiParType base = paragraph == TextDirection::RightToLeft ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
    if (!levels.empty() && fribidi_reorder_line(0, types.data(), static_cast<FriBidiStrIndex>(levels.size()),
                                                0, base, levels.data(), nullptr, map.data()) == 0)
        std::iota(map.begin(), map.end(), 0); // out of memory: logical order rather than nothing
    return {map.begin(), map.end()};
}

} // namespace

BidiParagraph resolve_bidi_paragraph(std::u32string_view text, ParagraphDirection direction) {
    const std::vector<FriBidiChar> chars = fribidi_text(text);
    const std::vector<FriBidiCharType> types = bidi_types_of(chars);
    std::vector<FriBidiBracketType> brackets(chars.size());
    fribidi_get_bracket_types(chars.data(), static_cast<FriBidiStrIndex>(chars.size()), types.data(),
                              brackets.data());
    FriBidiParType base = fribidi_direction(direction);
    std::vector<FriBidiLevel> levels(chars.size());
    if (!chars.empty() && fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(),
                                                              static_cast<FriBidiStrIndex>(chars.size()),
                                                              &base, levels.data()) == 0) {
        std::fill(levels.begin(), levels.end(), FRIBIDI_DIR_TO_LEVEL(base)); // out of memory
    }
    if (chars.empty() && direction == ParagraphDirection::FirstStrong)
        base = FRIBIDI_PAR_LTR;
    BidiParagraph paragraph;
    paragraph.direction = FRIBIDI_IS_RTL(base) ? TextDirection::RightToLeft : TextDirection::LeftToRight;
    paragraph.levels = unsigned_levels(levels);
    return paragraph;
}

BidiLine reorder_bidi_line(std::u32string_view line, std::span<const std::uint8_t> levels,
                           TextDirection paragraph) {
    const std::vector<FriBidiCharType> types = bidi_types_of(fribidi_text(line));
    std::vector<FriBidiLevel> signed_levels(line.size());
    for (std::size_t i = 0; i < line.size() && i < levels.size(); ++i)
        signed_levels[i] = static_cast<FriBidiLevel>(levels[i]);
    BidiLine result;
    result.visual_order = reorder(types, signed_levels, paragraph);
    result.levels = unsigned_levels(signed_levels);
    return result;
}

std::vector<std::size_t> visual_order(std::span<const std::uint8_t> run_levels) {
    // Runs are never trailing white space: every one counts as an "other neutral" for rule L1.
    const std::vector<FriBidiCharType> types(run_levels.size(), FRIBIDI_TYPE_ON);
    std::vector<FriBidiLevel> levels(run_levels.begin(), run_levels.end());
    return reorder(types, levels, TextDirection::LeftToRight);
}

char32_t mirrored(char32_t code_point) {
    FriBidiChar mirror = code_point;
    return fribidi_get_mirror_char(code_point, &mirror) ? static_cast<char32_t>(mirror) : code_point;
}

TextDirection direction_of_language(std::string_view bcp47_tag) {
    std::array<char, ULOC_FULLNAME_CAPACITY> locale{};
    UErrorCode status = U_ZERO_ERROR;
    const std::string tag(bcp47_tag);
    uloc_forLanguageTag(tag.c_str(), locale.data(), static_cast<int32_t>(locale.size()), nullptr, &status);
    if (U_FAILURE(status) || locale[0] == '\0')
        return TextDirection::LeftToRight;
    return uloc_isRightToLeft(locale.data()) ? TextDirection::RightToLeft : TextDirection::LeftToRight;
}

} // namespace lectern
