// BidiLevels: a simplified Unicode bidirectional algorithm (UAX #9) for one line of text: the paragraph
// direction from the first strong character, embedding levels for every code point, and the visual order
// of runs. Pure; no SDL, no fontconfig.
//
// Implemented: rules P2-P3 (paragraph direction), W1-W7 (weak types: marks, European and Arabic digits,
//   separators and terminators between digits), N1-N2 (neutrals), I1-I2 (levels), L1 (trailing white
//   space) and L2 (reordering), so digits inside Arabic or Hebrew stay left to right and punctuation
//   between scripts lands on the right side.
// Missing: explicit embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069 are ignored), bracket
//   pairs (N0), mirroring (HarfBuzz mirrors within a right-to-left run), several paragraphs or lines in
//   one string, and the full Unicode data (classes come from the tables in unicode_script.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace lectern {

enum class TextDirection { LeftToRight, RightToLeft };

struct BidiLevels {
    TextDirection paragraph = TextDirection::LeftToRight; // from the first strong character; LTR if none
    std::vector<std::uint8_t> levels;                     // one per code point: even = LTR, odd = RTL
};

BidiLevels resolve_bidi_levels(std::u32string_view text);

// Indices of runs at `run_levels` in left-to-right display order (rule L2).
std::vector<std::size_t> visual_order(const std::vector<std::uint8_t>& run_levels);

inline TextDirection direction_of_level(std::uint8_t level) {
    return level % 2 == 0 ? TextDirection::LeftToRight : TextDirection::RightToLeft;
}

} // namespace lectern
