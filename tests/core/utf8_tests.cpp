#include "core/text/utf8.h"

#include <doctest/doctest.h>

#include <string>

using namespace lectern;

TEST_CASE("utf8: valid text decodes to its code points and encodes back") {
    const std::string text = "a\xC4\x85\xE4\xB8\xAD\xF0\x9F\x99\x82"; // a ą 中 🙂
    const std::u32string decoded = decode_utf8(text);
    CHECK(decoded == U"a\u0105\u4E2D\U0001F642");
    CHECK(encode_utf8(decoded) == text);
}

TEST_CASE("utf8: each malformed sequence becomes one U+FFFD and decoding goes on") {
    CHECK(decode_utf8("a\xFF"
                      "b") == U"a\uFFFDb"); // never a lead byte
    CHECK(decode_utf8("a\x80"
                      "b") == U"a\uFFFDb");        // lone continuation byte
    CHECK(decode_utf8("a\xE4\xB8") == U"a\uFFFD"); // truncated at the end
    CHECK(decode_utf8("\xE4\xB8"
                      "b") == U"\uFFFDb");                                 // truncated before ASCII
    CHECK(decode_utf8("\xC0\xAF") == U"\uFFFD\uFFFD");                     // overlong '/'
    CHECK(decode_utf8("\xED\xA0\x80") == U"\uFFFD\uFFFD\uFFFD");           // UTF-16 surrogate
    CHECK(decode_utf8("\xF4\x90\x80\x80") == U"\uFFFD\uFFFD\uFFFD\uFFFD"); // past U+10FFFF
    CHECK(decode_utf8(std::string("a\0b", 3)) == std::u32string(U"a\0b", 3));
}

TEST_CASE("utf8: code points that cannot be encoded are written as U+FFFD") {
    std::string out;
    append_utf8(out, 0xD800);
    append_utf8(out, 0x110000);
    CHECK(out == "\xEF\xBF\xBD\xEF\xBF\xBD");
}
