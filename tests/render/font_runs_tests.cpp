#include "core/text/unicode_script.h"
#include "core/text/utf8.h"
#include "render/font_runs.h"
#include "render/text_rasteriser.h"
#include "render_fixture.h"

#include <doctest/doctest.h>

#include <algorithm>
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

bool same_pixels(const SDL_Surface& a, const SDL_Surface& b) {
    if (a.w != b.w || a.h != b.h)
        return false;
    const auto row_bytes = static_cast<std::size_t>(a.w) * 4;
    for (int y = 0; y < a.h; ++y) {
        const auto* row_a = static_cast<const unsigned char*>(a.pixels) + y * a.pitch;
        const auto* row_b = static_cast<const unsigned char*>(b.pixels) + y * b.pitch;
        if (!std::equal(row_a, row_a + row_bytes, row_b))
            return false;
    }
    return true;
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
    CHECK(runs.runs[0].script.tag() == "Latn");
    CHECK(runs.runs[1].text == "العربية");
    CHECK(runs.runs[1].direction == TextDirection::RightToLeft);
    CHECK(runs.runs[1].script.tag() == "Arab");
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
    for (const char32_t letter : std::u32string(U"aπжաשاܐހߊअবਸગଓதతಕമසกລཀကაᄀሀកᠠあア中한"))
        CHECK(TTF_SetFontScriptName(font, script_of(letter).tag().c_str()) == 0);
    CHECK(TTF_SetFontScriptName(font, common_script.tag().c_str()) == 0);
}

TEST_CASE("font runs: a bracket in a right-to-left run is drawn mirrored, by HarfBuzz") {
    FontCatalog& catalog = test::shared_font_catalog();
    const FontRunList runs = split_into_font_runs("\u200F(", TextStyle{}, pixel_size, catalog);
    REQUIRE(runs.runs.size() == 1);
    CHECK(runs.runs[0].direction == TextDirection::RightToLeft);
    TextRasteriser rasteriser(catalog);
    const Colour ink{0, 0, 0, 255};
    const RasterisedText mirrored_open = rasteriser.render("\u200F(", TextStyle{}, ink, pixel_size);
    const RasterisedText close = rasteriser.render(")", TextStyle{}, ink, pixel_size);
    const RasterisedText open = rasteriser.render("(", TextStyle{}, ink, pixel_size);
    REQUIRE(mirrored_open.surface);
    REQUIRE(close.surface);
    REQUIRE(open.surface);
    CHECK(same_pixels(*mirrored_open.surface, *close.surface));
    CHECK_FALSE(same_pixels(*mirrored_open.surface, *open.surface));
}
