#include "core/text/unicode_script.h"
#include "core/text/utf8.h"
#include "render/font_runs.h"
#include "render_fixture.h"

#include <doctest/doctest.h>

#include <string>

using namespace lectern;

namespace {

constexpr int pixel_size = 32;

bool is_space(char32_t code_point) {
    return code_point == U' ' || code_point == 0x3000;
}

std::string joined_in_logical_order(const FontRunList& runs) {
    std::string text;
    for (const FontRun& run : runs.runs) {
        text += run.text;
    }
    return text;
}

} // namespace

TEST_CASE("font runs: every character of a mixed-script line has a glyph in its run's font") {
    FontCatalog& catalog = test::shared_font_catalog();
    for (const TextStyle style : {TextStyle{}, TextStyle{.bold = true}, TextStyle{.italic = true},
                                  TextStyle{.role = FontRole::Heading, .bold = true, .italic = true}}) {
        const FontRunList runs = split_into_font_runs(test::mixed_scripts, style, pixel_size, catalog);
        REQUIRE_FALSE(runs.runs.empty());
        CHECK(joined_in_logical_order(runs) == test::mixed_scripts);
        for (const FontRun& run : runs.runs) {
            CAPTURE(run.text);
            CAPTURE(catalog.face(run.face).file);
            CHECK_FALSE(run.has_missing_glyphs);
            for (const char32_t code_point : decode_utf8(run.text)) {
                if (!is_space(code_point)) {
                    CHECK(catalog.provides(run.face, code_point, pixel_size));
                }
            }
        }
    }
}

TEST_CASE("font runs: Latin then Arabic makes a left-to-right and a right-to-left run") {
    FontCatalog& catalog = test::shared_font_catalog();
    const FontRunList runs = split_into_font_runs("Hello العربية", TextStyle{}, pixel_size, catalog);
    CHECK(runs.paragraph == TextDirection::LeftToRight);
    REQUIRE(runs.runs.size() == 2);
    CHECK(runs.runs[0].text == "Hello ");
    CHECK(runs.runs[0].direction == TextDirection::LeftToRight);
    CHECK(std::string(iso15924_tag_of(runs.runs[0].script)) == "Latn");
    CHECK(runs.runs[1].text == "العربية");
    CHECK(runs.runs[1].direction == TextDirection::RightToLeft);
    CHECK(std::string(iso15924_tag_of(runs.runs[1].script)) == "Arab");
    CHECK(runs.visual_order == std::vector<std::size_t>{0, 1});
}

TEST_CASE("font runs: a line that starts in Hebrew or Arabic reads right to left") {
    FontCatalog& catalog = test::shared_font_catalog();
    const FontRunList runs = split_into_font_runs("שלום abc", TextStyle{}, pixel_size, catalog);
    CHECK(runs.paragraph == TextDirection::RightToLeft);
    REQUIRE(runs.runs.size() == 2);
    CHECK(runs.runs[0].text == "שלום ");
    CHECK(runs.runs[0].direction == TextDirection::RightToLeft);
    CHECK(runs.runs[1].text == "abc");
    CHECK(runs.runs[1].direction == TextDirection::LeftToRight);
    CHECK(runs.visual_order == std::vector<std::size_t>{1, 0}); // "abc" on the left
}

TEST_CASE("font runs: a number inside Arabic is its own left-to-right run") {
    FontCatalog& catalog = test::shared_font_catalog();
    const FontRunList runs = split_into_font_runs("في 2024 يوم", TextStyle{}, pixel_size, catalog);
    CHECK(runs.paragraph == TextDirection::RightToLeft);
    REQUIRE(runs.runs.size() == 3);
    CHECK(runs.runs[1].text == "2024");
    CHECK(runs.runs[1].direction == TextDirection::LeftToRight);
    CHECK(runs.visual_order == std::vector<std::size_t>{2, 1, 0});
}

TEST_CASE("font runs: Urdu that the primary font only partly covers is shaped in one fallback font") {
    FontCatalog& catalog = test::shared_font_catalog();
    const FontRunList runs = split_into_font_runs(test::urdu, TextStyle{}, pixel_size, catalog);
    REQUIRE(runs.runs.size() == 1); // one font, so the letters join across ے and ہ
    CHECK(runs.runs[0].direction == TextDirection::RightToLeft);
    CHECK(runs.runs[0].face != *catalog.primary_face(TextStyle{}));
}

TEST_CASE("font runs: Chinese, Japanese and Korean use a fallback font; spaces stay in the run") {
    FontCatalog& catalog = test::shared_font_catalog();
    const FontRunList runs =
        split_into_font_runs("Hi 日本語のテキスト 한국어", TextStyle{}, pixel_size, catalog);
    REQUIRE(runs.runs.size() == 3);
    CHECK(runs.runs[0].text == "Hi ");
    CHECK(runs.runs[1].text == "日本語のテキスト "); // kana and kanji in one run
    CHECK(runs.runs[2].text == "한국어");
    CHECK(runs.runs[1].face != runs.runs[0].face);
}

TEST_CASE("font runs: invalid UTF-8 and control characters never crash and draw as U+FFFD and spaces") {
    FontCatalog& catalog = test::shared_font_catalog();
    const std::string broken = "ab\xFF\xC3(\xE4\xB8\n\t\xF0\x9F\x99";
    const FontRunList runs = split_into_font_runs(broken, TextStyle{}, pixel_size, catalog);
    CHECK(joined_in_logical_order(runs) == "ab\uFFFD\uFFFD(\uFFFD  \uFFFD");
    CHECK(split_into_font_runs("", TextStyle{}, pixel_size, catalog).runs.empty());
    CHECK(split_into_font_runs(std::string("\0\0", 2), TextStyle{}, pixel_size, catalog).runs.size() == 1);
}

TEST_CASE("font runs: SDL_ttf accepts the script tag of every script the runs can carry") {
    TTF_Font* font =
        test::shared_font_catalog().font(*test::shared_font_catalog().primary_face(TextStyle{}), 20);
    REQUIRE(font != nullptr);
    for (int script = static_cast<int>(Script::Common); script <= static_cast<int>(Script::Other); ++script) {
        CAPTURE(script);
        CHECK(TTF_SetFontScriptName(font, iso15924_tag_of(static_cast<Script>(script))) == 0);
    }
}

TEST_CASE("unicode script: the scripts and bidi classes the runs rely on") {
    CHECK(script_of(U'a') == Script::Latin);
    CHECK(script_of(U'ł') == Script::Latin);
    CHECK(script_of(U'中') == Script::Han);
    CHECK(script_of(U'の') == Script::Hiragana);
    CHECK(script_of(U'テ') == Script::Katakana);
    CHECK(script_of(U'한') == Script::Hangul);
    CHECK(script_of(U'ے') == Script::Arabic);
    CHECK(script_of(0xFEFB) == Script::Arabic); // presentation form of lam-alef
    CHECK(script_of(U'ש') == Script::Hebrew);
    CHECK(script_of(U'،') == Script::Common);
    CHECK(script_of(0x064E) == Script::Inherited); // fatha
    CHECK(script_of(U' ') == Script::Common);
    CHECK(script_of(0x20000) == Script::Han);
    CHECK(bidi_class_of(U'ے') == BidiClass::AL);
    CHECK(bidi_class_of(U'ש') == BidiClass::R);
    CHECK(bidi_class_of(0x0710) == BidiClass::AL); // Syriac
    CHECK(bidi_class_of(0x0790) == BidiClass::AL); // Thaana
    CHECK(bidi_class_of(0xFB50) == BidiClass::AL);
    CHECK(bidi_class_of(U'7') == BidiClass::EN);
    CHECK(bidi_class_of(0x0663) == BidiClass::AN);
    CHECK(bidi_class_of(0x06F3) == BidiClass::EN); // Urdu digits are European-like
    CHECK(bidi_class_of(U' ') == BidiClass::WS);
    CHECK(bidi_class_of(U'!') == BidiClass::ON);
    CHECK(bidi_class_of(U'中') == BidiClass::L);
    CHECK(is_right_to_left(Script::Arabic));
    CHECK_FALSE(is_right_to_left(Script::Han));
}
