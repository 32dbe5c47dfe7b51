#include "render/sdl_text_measurer.h"
#include "render_fixture.h"

#include <doctest/doctest.h>

#include <string>

using namespace lectern;

TEST_CASE("text measurer: width grows with the text and with the size") {
    SdlTextMeasurer measurer(test::shared_font_catalog());
    const TextStyle style{.px = 40};
    const float one_word = measurer.width_of("Welcome", style);
    const float two_words = measurer.width_of("Welcome back", style);
    CHECK(one_word > 0);
    CHECK(two_words > one_word);
    CHECK(measurer.width_of("Welcome", TextStyle{.px = 80}) > 1.8f * one_word);
    CHECK(measurer.width_of("Welcome", TextStyle{.px = 40.4f}) > one_word); // grows smoothly between sizes
    CHECK(measurer.width_of("", style) == 0);
    CHECK(measurer.width_of("Welcome", TextStyle{.px = 0}) == 0);
}

TEST_CASE("text measurer: bold is wider than regular") {
    SdlTextMeasurer measurer(test::shared_font_catalog());
    CHECK(measurer.width_of(test::english, TextStyle{.bold = true}) >
          measurer.width_of(test::english, TextStyle{}));
    // Chinese comes from Noto Sans CJK's own bold face, whose ideographs are as wide as the regular ones
    CHECK(measurer.width_of(test::chinese, TextStyle{.bold = true}) >=
          measurer.width_of(test::chinese, TextStyle{}));
    FontCatalog& catalog = test::shared_font_catalog();
    const auto bold_chinese = catalog.fallback_face(U'中', TextStyle{.bold = true}, 40);
    REQUIRE(bold_chinese);
    CHECK(catalog.face(*bold_chinese).file.find("Bold") != std::string::npos);
    CHECK_FALSE(catalog.face(*bold_chinese).synthetic_bold);
}

TEST_CASE("text measurer: every script is measured with a real font, and mixed text adds up") {
    SdlTextMeasurer measurer(test::shared_font_catalog());
    const TextStyle style{.px = 36};
    float sum = 0;
    for (const std::string_view part :
         {test::chinese, test::japanese, test::korean, test::polish, test::arabic, test::urdu}) {
        CAPTURE(part);
        const float width = measurer.width_of(part, style);
        CHECK(width > 0.3f * style.px);
        sum += width;
    }
    const float line = measurer.width_of(test::mixed_scripts, style);
    CHECK(line > 0.5f * sum);
}

TEST_CASE("text measurer: the same text and style are measured once") {
    SdlTextMeasurer measurer(test::shared_font_catalog(), 2);
    const TextStyle style{.px = 30};
    const float first = measurer.width_of("again", style);
    CHECK(measurer.memo_misses() == 1);
    CHECK(measurer.width_of("again", style) == first);
    CHECK(measurer.memo_hits() == 1);
    measurer.width_of("again", TextStyle{.bold = true, .px = 30}); // another style: another entry
    measurer.width_of("other", style);
    CHECK(measurer.memo_size() == 2); // bounded
    CHECK(measurer.memo_misses() == 3);
}

TEST_CASE("text measurer: line height is the primary font's line skip, scaled with the size") {
    SdlTextMeasurer measurer(test::shared_font_catalog());
    const float small = measurer.line_height(TextStyle{.px = 20});
    const float large = measurer.line_height(TextStyle{.px = 40});
    CHECK(small >= 20);
    CHECK(large > 1.8f * small);
    CHECK(large < 2.2f * small);
    CHECK(measurer.line_height(TextStyle{.role = FontRole::Heading, .px = 40}) > 0);
}

TEST_CASE("text measurer: invalid UTF-8 is measured without crashing") {
    SdlTextMeasurer measurer(test::shared_font_catalog());
    CHECK(measurer.width_of("ab\xFF\xC3(\xE4\xB8", TextStyle{}) > 0);
    CHECK(measurer.width_of(std::string("\0", 1), TextStyle{}) >= 0);
    CHECK(measurer.width_of("\xF0\x9F\x99", TextStyle{}) > 0);
}
