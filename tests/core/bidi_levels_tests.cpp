#include "core/text/bidi_levels.h"
#include "core/text/utf8.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace lectern;

namespace {

std::vector<std::uint8_t> levels_of(const char* utf8,
                                    ParagraphDirection direction = ParagraphDirection::FirstStrong) {
    return resolve_bidi_paragraph(decode_utf8(utf8), direction).levels;
}

// The line's code points in the order they appear on screen, left to right.
std::u32string on_screen(const char* utf8, ParagraphDirection direction = ParagraphDirection::FirstStrong) {
    const std::u32string text = decode_utf8(utf8);
    const BidiParagraph paragraph = resolve_bidi_paragraph(text, direction);
    const BidiLine line = reorder_bidi_line(text, paragraph.levels, paragraph.direction);
    std::u32string shown;
    for (const std::size_t i : line.visual_order)
        shown.push_back(line.levels[i] % 2 == 1 ? mirrored(text[i]) : text[i]);
    return shown;
}

} // namespace

TEST_CASE("bidi: the first strong character sets the paragraph direction, unless the language does") {
    CHECK(resolve_bidi_paragraph(decode_utf8("Hello العربية")).direction == TextDirection::LeftToRight);
    CHECK(resolve_bidi_paragraph(decode_utf8("العربية Hello")).direction == TextDirection::RightToLeft);
    CHECK(resolve_bidi_paragraph(decode_utf8("123 שלום")).direction == TextDirection::RightToLeft);
    CHECK(resolve_bidi_paragraph(decode_utf8("123 !?")).direction == TextDirection::LeftToRight);
    CHECK(resolve_bidi_paragraph(U"").levels.empty());
    CHECK(resolve_bidi_paragraph(U"", ParagraphDirection::RightToLeft).direction ==
          TextDirection::RightToLeft);
    // An Urdu slide whose bullet starts with an English word still reads right to left.
    CHECK(resolve_bidi_paragraph(decode_utf8("iPhone پر"), ParagraphDirection::RightToLeft).direction ==
          TextDirection::RightToLeft);
}

TEST_CASE("bidi: the direction of a deck's language comes from its usual script") {
    for (const char* tag :
         {"ar", "ur", "fa", "ps", "ckb", "he", "yi", "dv", "sd", "ug", "pa-Arab", "ar-EG"}) {
        CAPTURE(tag);
        CHECK(direction_of_language(tag) == TextDirection::RightToLeft);
    }
    for (const char* tag : {"en", "en-GB", "pl", "ro", "pa", "bn", "gu", "ta", "so", "ti", "uk", "zh-Hans",
                            "tr", "ku", "", "not a tag"}) {
        CAPTURE(tag);
        CHECK(direction_of_language(tag) == TextDirection::LeftToRight);
    }
}

TEST_CASE("bidi: Latin is level 0 and Arabic level 1 in a left-to-right line") {
    CHECK(levels_of("ab جد") == std::vector<std::uint8_t>{0, 0, 0, 1, 1});
    CHECK(levels_of("a جد هو") == std::vector<std::uint8_t>{0, 0, 1, 1, 1, 1, 1});
}

TEST_CASE("bidi: an Urdu line with numbers keeps the numbers left to right") {
    // "کلاس 7 میں 30 بچے ہیں": class 7 has 30 children; the digits read left to right inside it.
    CHECK(on_screen("کلاس 7 میں 30 بچے ہیں") == decode_utf8("ںیہ ےچب 30 ںیم 7 سالک"));
    // Arabic-Indic digits and a decimal number in Arabic: "في 1,000 يوم".
    const auto levels = levels_of("في 1,000 يوم");
    REQUIRE(levels.size() == 12);
    CHECK(levels[0] == 1);
    for (std::size_t i = 3; i < 8; ++i)
        CHECK(levels[i] == 2);
    CHECK(on_screen("في ١٢٣ يوم") == decode_utf8("موي ١٢٣ يف"));
}

TEST_CASE("bidi: brackets pair up (N0) and are mirrored in right-to-left text") {
    // Hebrew with a Latin word in brackets: the brackets take the paragraph's direction and show mirrored
    // so that they still open towards their content.
    CHECK(on_screen("שלום (abc) עולם") == decode_utf8("םלוע (abc) םולש"));
    CHECK(levels_of("שלום (abc) עולם")[5] == 1);
    // Latin in brackets at the end of an Arabic line: the closing bracket is not stranded on the far side.
    CHECK(on_screen("مرحبا (world)") == decode_utf8("(world) ابحرم"));
    CHECK(mirrored(U'(') == U')');
    CHECK(mirrored(U'«') == U'»');
    CHECK(mirrored(U'a') == U'a');
}

TEST_CASE("bidi: isolates keep a name's direction from spilling into the sentence") {
    // Without isolation the number after a Hebrew name joins its right-to-left run and shows before it;
    // inside U+2068 ... U+2069 (first strong isolate) the number stays with the English sentence.
    const char* plain = "Winner: שלום 5 stars";
    const char* isolated = "Winner: \u2068שלום\u2069 5 stars";
    CHECK(levels_of(plain)[13] == 2);
    CHECK(levels_of(isolated)[15] == 0);
    CHECK(on_screen(plain).find(U"5") < on_screen(plain).find(decode_utf8("םולש")));
    CHECK(on_screen(isolated).find(decode_utf8("םולש")) < on_screen(isolated).find(U"5 stars"));
}

TEST_CASE("bidi: trailing spaces of a line take the paragraph level (L1)") {
    const std::u32string text = decode_utf8("ab جد  ");
    const BidiParagraph paragraph = resolve_bidi_paragraph(text);
    const BidiLine line = reorder_bidi_line(text, paragraph.levels, paragraph.direction);
    CHECK(line.levels == std::vector<std::uint8_t>{0, 0, 0, 1, 1, 0, 0});
    CHECK(line.visual_order == std::vector<std::size_t>{0, 1, 2, 4, 3, 5, 6});
}

TEST_CASE("bidi: visual order reverses right-to-left runs and keeps numbers inside them in order") {
    CHECK(visual_order(std::vector<std::uint8_t>{0, 1, 0}) == std::vector<std::size_t>{0, 1, 2});
    CHECK(visual_order(std::vector<std::uint8_t>{0, 1, 1, 0}) == std::vector<std::size_t>{0, 2, 1, 3});
    CHECK(visual_order(std::vector<std::uint8_t>{1, 2, 1}) == std::vector<std::size_t>{2, 1, 0});
    CHECK(visual_order(std::vector<std::uint8_t>{1, 2, 2, 1}) == std::vector<std::size_t>{3, 1, 2, 0});
    CHECK(visual_order(std::vector<std::uint8_t>{}).empty());
}
