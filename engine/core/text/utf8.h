// UTF-8 decoding and encoding that never fails: every malformed or truncated sequence, surrogate or
// overlong form becomes U+FFFD (one per maximal invalid subsequence, as the WHATWG decoder does).
// Pure.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace lectern {

inline constexpr char32_t replacement_character = U'\uFFFD';

// Decodes the code point starting at text[at] and advances `at` past it (at least one byte).
char32_t next_code_point(std::string_view text, std::size_t& at);

std::u32string decode_utf8(std::string_view utf8);

// `code_point` appended to `out` as UTF-8; values past U+10FFFF and surrogates are written as U+FFFD.
void append_utf8(std::string& out, char32_t code_point);

std::string encode_utf8(std::u32string_view code_points);

// True when every byte belongs to a well-formed UTF-8 sequence (no overlongs, surrogates or cut ends).
bool is_valid_utf8(std::string_view text);

// How many code points the text holds (each malformed sequence counts as one).
std::size_t code_point_count(std::string_view text);

} // namespace lectern
