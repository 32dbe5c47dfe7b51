// BidiLevels: the Unicode Bidirectional Algorithm (UAX #9) through FriBidi: embedding levels of a
// paragraph (explicit embeddings, overrides and isolates, weak and neutral types, bracket pairs N0) and
// the visual order of each line after it is broken (levels per paragraph, reordering per line, rule L1
// applied at each line's end), plus mirrored characters and the direction of a language. Pure; no SDL.
//
// Implemented: everything FriBidi 1.0 implements (UAX #9 of Unicode 6.3 onwards, rules P2-L2); the
//   conformance files BidiTest.txt and BidiCharacterTest.txt run against this wrapper (see
//   tests/core/unicode_conformance_tests.cpp for the pass rate and the known failures).
// Missing: rule L3 (combining marks after their base in right-to-left text: HarfBuzz shapes each run in
//   logical order, so it is not needed) and L4 (mirroring is done by HarfBuzz inside a right-to-left run;
//   mirrored() is here for tests and for anything drawing without HarfBuzz).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace lectern {

enum class TextDirection { LeftToRight, RightToLeft };

// Where a paragraph's direction comes from: its first strong character (rules P2-P3; left to right when
// it has none), or the language it is written in.
enum class ParagraphDirection { FirstStrong, LeftToRight, RightToLeft };

struct BidiParagraph {
    TextDirection direction = TextDirection::LeftToRight;
    std::vector<std::uint8_t> levels; // one per code point: even = LTR, odd = RTL (before line rules)
};

// The levels of `text`, one paragraph (a U+2029 or "\n" inside it counts as a separator at its level).
BidiParagraph resolve_bidi_paragraph(std::u32string_view text,
                                     ParagraphDirection direction = ParagraphDirection::FirstStrong);

struct BidiLine {
    std::vector<std::uint8_t> levels;      // one per code point of the line, after rule L1
    std::vector<std::size_t> visual_order; // the line's logical indices, left to right on screen (L2)
};

// One line of a paragraph: `line` is the line's text and `levels` its slice of the paragraph's levels.
BidiLine reorder_bidi_line(std::u32string_view line, std::span<const std::uint8_t> levels,
                           TextDirection paragraph);

// Indices of runs at `run_levels` in left-to-right display order (rule L2 on whole runs).
std::vector<std::size_t> visual_order(std::span<const std::uint8_t> run_levels);

// The Bidi_Mirroring_Glyph of `code_point` ("(" for ")"), or `code_point` itself when it has none.
char32_t mirrored(char32_t code_point);

// Right to left for a language whose usual script is (ar, ur, fa, ps, ckb, he, yi, dv, sd, ug, pa-Arab,
// ...), from ICU's likely subtags; left to right for any other tag, unknown or malformed ones included.
TextDirection direction_of_language(std::string_view bcp47_tag);

inline TextDirection direction_of_level(std::uint8_t level) {
    return level % 2 == 0 ? TextDirection::LeftToRight : TextDirection::RightToLeft;
}

} // namespace lectern
