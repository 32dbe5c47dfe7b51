#include "core/text/bidi_levels.h"
#include "core/text/utf8.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace lectern;

namespace {

std::vector<std::uint8_t> levels_of(const char* utf8) {
    return resolve_bidi_levels(decode_utf8(utf8)).levels;
}

} // namespace

TEST_CASE("bidi: the first strong character sets the paragraph direction") {
    CHECK(resolve_bidi_levels(decode_utf8("Hello العربية")).paragraph == TextDirection::LeftToRight);
    CHECK(resolve_bidi_levels(decode_utf8("العربية Hello")).paragraph == TextDirection::RightToLeft);
    CHECK(resolve_bidi_levels(decode_utf8("123 שלום")).paragraph == TextDirection::RightToLeft);
    CHECK(resolve_bidi_levels(decode_utf8("123 !?")).paragraph == TextDirection::LeftToRight);
    CHECK(resolve_bidi_levels(U"").levels.empty());
}

TEST_CASE("bidi: Latin is level 0 and Arabic level 1 in a left-to-right line") {
    CHECK(levels_of("ab جد") == std::vector<std::uint8_t>{0, 0, 0, 1, 1});
}

TEST_CASE("bidi: a space between two right-to-left words stays right to left") {
    CHECK(levels_of("a جد هو") == std::vector<std::uint8_t>{0, 0, 1, 1, 1, 1, 1});
}

TEST_CASE("bidi: digits inside Arabic stay left to right, with separators between them") {
    // "في 1,000 يوم": the number is level 2 (left to right inside right-to-left), the spaces level 1.
    const auto levels = levels_of("في 1,000 يوم");
    REQUIRE(levels.size() == 12);
    CHECK(levels[0] == 1);
    CHECK(levels[2] == 1);
    for (std::size_t i = 3; i < 8; ++i) {
        CHECK(levels[i] == 2);
    }
    CHECK(levels[8] == 1);
}

TEST_CASE("bidi: digits after Latin are Latin") {
    CHECK(levels_of("page 12") == std::vector<std::uint8_t>(7, 0));
}

TEST_CASE("bidi: trailing spaces take the paragraph level") {
    CHECK(levels_of("ab جد  ") == std::vector<std::uint8_t>{0, 0, 0, 1, 1, 0, 0});
}

TEST_CASE("bidi: visual order reverses right-to-left runs and keeps numbers inside them in order") {
    CHECK(visual_order({0, 1, 0}) == std::vector<std::size_t>{0, 1, 2});
    CHECK(visual_order({0, 1, 1, 0}) == std::vector<std::size_t>{0, 2, 1, 3});
    CHECK(visual_order({1, 2, 1}) == std::vector<std::size_t>{2, 1, 0});
    CHECK(visual_order({1, 2, 2, 1}) == std::vector<std::size_t>{3, 1, 2, 0});
    CHECK(visual_order({}).empty());
}
