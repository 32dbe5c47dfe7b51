// UTF-8 decoding for layout: one code point at a time, never failing (bad bytes become U+FFFD). Pure.
#pragma once

#include <cstddef>
#include <string_view>

namespace lectern {

inline constexpr char32_t replacement_character = 0xFFFD;

// Decodes the code point starting at text[at] and advances `at` past it (at least one byte).
char32_t next_code_point(std::string_view text, std::size_t& at);

// Ideographs, kana and Hangul: text written without spaces, breakable between any two characters.
bool is_break_anywhere_script(char32_t c);

} // namespace lectern
