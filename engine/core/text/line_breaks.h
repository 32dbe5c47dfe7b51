// LineBreaks: where a line may break (UAX #14) and where a character as a reader sees it (a grapheme
// cluster, UAX #29) begins, both through ICU's BreakIterator: line-breaking classes, CJK kinsoku (no
// line starts with "。", "，" or "）", none ends with "（"), Thai, Lao, Khmer and Burmese words from ICU's
// dictionaries, soft hyphens (a break after U+00AD), URLs broken after "/" rather than inside a name.
// Pure; no SDL.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace lectern {

enum class LineBreak : std::uint8_t {
    Prohibited, // no break here
    Allowed,    // a line may end here
    Mandatory,  // a line must end here (after "\n", U+2028, ...)
};

// One entry per position 0..text.size(): entry i says whether a line may end before text[i]. Entry 0 is
// Prohibited and entry text.size() Mandatory (the end of the text), as in LineBreakTest.txt.
std::vector<LineBreak> line_breaks(std::u32string_view text);

// One entry per position 0..text.size(): true where a grapheme cluster begins (and at the end), so a
// word too long for its line is never split between a letter and its marks, or inside a conjunct.
std::vector<bool> grapheme_starts(std::u32string_view text);

inline constexpr char32_t soft_hyphen = U'\u00AD';

} // namespace lectern
