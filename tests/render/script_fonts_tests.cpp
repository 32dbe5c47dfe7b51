// Fonts per script: each script of issue 17 gets the face made for it, the deck's language chooses Han
// forms and Nastaliq, a face made for a script wins over one that merely has its code points, and conjuncts
// really form (a string that makes a conjunct draws differently from the same string with ZWNJ after the
// virama, which asks for the visible virama: a font with incomplete Indic tables draws both alike).
#include "golden_image.h"
#include "render/script_fonts.h"
#include "render/text_rasteriser.h"
#include "render_fixture.h"

#include <doctest/doctest.h>

#include <string>

using namespace lectern;

namespace {

constexpr int test_px = 48;
constexpr Colour ink{20, 20, 20, 255};

std::string family_for(FontCatalog& catalog, char32_t code_point) {
    const auto face = catalog.fallback_face(code_point, TextStyle{}, test_px);
    return face ? catalog.face(*face).family : "(none)";
}

} // namespace

TEST_CASE("script fonts: the deck's language picks Han forms and Nastaliq; other scripts need no hint") {
    CHECK(script_fonts(HB_SCRIPT_HAN, "").families.front() == "Noto Sans CJK SC");
    CHECK(script_fonts(HB_SCRIPT_HAN, "zh-Hans").families.front() == "Noto Sans CJK SC");
    CHECK(script_fonts(HB_SCRIPT_HAN, "zh-Hant-TW").families.front() == "Noto Sans CJK TC");
    CHECK(script_fonts(HB_SCRIPT_HAN, "zh_TW").families.front() == "Noto Sans CJK TC");
    CHECK(script_fonts(HB_SCRIPT_HAN, "zh-HK").families.front() == "Noto Sans CJK HK");
    CHECK(script_fonts(HB_SCRIPT_HAN, "ja").families.front() == "Noto Sans CJK JP");
    CHECK(script_fonts(HB_SCRIPT_HAN, "ja").fc_lang == "ja");
    CHECK(script_fonts(HB_SCRIPT_HIRAGANA, "en").families.front() == "Noto Sans CJK JP");
    CHECK(script_fonts(HB_SCRIPT_HANGUL, "").families.front() == "Noto Sans CJK KR");
    CHECK(script_fonts(HB_SCRIPT_ARABIC, "ur").families.front() == "Noto Nastaliq Urdu");
    CHECK(script_fonts(HB_SCRIPT_ARABIC, "pa-Arab").families.front() == "Noto Nastaliq Urdu");
    CHECK(script_fonts(HB_SCRIPT_ARABIC, "pnb").families.front() == "Noto Nastaliq Urdu");
    CHECK(script_fonts(HB_SCRIPT_ARABIC, "ar").families.front() == "Noto Naskh Arabic");
    CHECK(script_fonts(HB_SCRIPT_ARABIC, "fa").fc_lang == "fa");
    CHECK(script_fonts(HB_SCRIPT_ARABIC, "ckb").fc_lang == "ku-iq");
    CHECK(script_fonts(HB_SCRIPT_ETHIOPIC, "ti").fc_lang == "ti-er");
    CHECK(script_fonts(HB_SCRIPT_BENGALI, "").families.front() == "Noto Sans Bengali");
    CHECK(script_fonts(HB_SCRIPT_LATIN, "pl").families.empty()); // the theme's font draws Latin
    CHECK(script_fonts(HB_SCRIPT_COMMON, "ur").families.empty());
}

TEST_CASE("font catalog: each script of the issue falls back to the Noto face made for it") {
    FontCatalog& catalog = test::shared_font_catalog();
    CHECK(family_for(catalog, U'ক') == "Noto Sans Bengali");
    CHECK(family_for(catalog, U'ਸ') == "Noto Sans Gurmukhi");
    CHECK(family_for(catalog, U'ક') == "Noto Sans Gujarati");
    CHECK(family_for(catalog, U'த') == "Noto Sans Tamil");
    CHECK(family_for(catalog, U'क') == "Noto Sans Devanagari");
    CHECK(family_for(catalog, U'ሰ') == "Noto Sans Ethiopic");
    CHECK(family_for(catalog, U'ب') == "Noto Naskh Arabic");
    CHECK(family_for(catalog, U'ے') == "Noto Naskh Arabic");
    CHECK(family_for(catalog, U'中') == "Noto Sans CJK SC"); // no language hint: Simplified forms
    CHECK(family_for(catalog, U'한') == "Noto Sans CJK KR");
}

TEST_CASE("font catalog: a face made for a script wins over the theme's font that has its code points") {
    FontCatalog& catalog = test::shared_font_catalog();
    const auto primary = catalog.primary_face(TextStyle{});
    REQUIRE(primary);
    REQUIRE(catalog.face(*primary).family == "DejaVu Sans");
    CHECK(catalog.has_glyph(*primary, U'ب', test_px));      // DejaVu Sans has Arabic letters ...
    CHECK_FALSE(catalog.provides(*primary, U'ب', test_px)); // ... but Noto Naskh Arabic draws them
    CHECK(catalog.provides(*primary, U'ą', test_px));       // Latin stays with the theme's font
    CHECK(catalog.provides(*primary, U' ', test_px));
}

TEST_CASE("font catalog: a theme font made for the script keeps it, whatever the language prefers") {
    FontCatalog catalog(
        FontFamilies{.body = "Noto Sans Arabic", .heading = "Noto Sans Arabic", .language = "ur"});
    const auto primary = catalog.primary_face(TextStyle{});
    REQUIRE(primary);
    REQUIRE(catalog.face(*primary).family == "Noto Sans Arabic");
    CHECK(catalog.provides(*primary, U'ب', test_px));
}

TEST_CASE("font catalog: the deck's language chooses Urdu Nastaliq and the Han forms of its locale") {
    const auto family_in = [](std::string language, char32_t code_point) {
        FontCatalog catalog(FontFamilies{.language = std::move(language)});
        return family_for(catalog, code_point);
    };
    CHECK(family_in("ur", U'ب') == "Noto Nastaliq Urdu");
    CHECK(family_in("pa-Arab", U'ڈ') == "Noto Nastaliq Urdu");
    CHECK(family_in("fa", U'پ') == "Noto Naskh Arabic");
    CHECK(family_in("zh-Hans", U'直') == "Noto Sans CJK SC");
    CHECK(family_in("zh-Hant", U'直') == "Noto Sans CJK TC");
    CHECK(family_in("ja", U'直') == "Noto Sans CJK JP");
    CHECK(family_in("ja", U'の') == "Noto Sans CJK JP");
}

TEST_CASE("text rasteriser: Han in a ja deck takes Japanese forms, not Chinese ones") {
    // 直, 骨 and 角 are drawn differently in Japan and in mainland China.
    const auto drawn_in = [](std::string language) {
        FontCatalog catalog(FontFamilies{.language = std::move(language)});
        TextRasteriser rasteriser(catalog);
        return rasteriser.render("直骨角", TextStyle{}, ink, test_px);
    };
    const RasterisedText japanese = drawn_in("ja");
    const RasterisedText chinese = drawn_in("zh-Hans");
    REQUIRE(japanese.surface);
    REQUIRE(chinese.surface);
    CHECK_FALSE(test::compare_images(*japanese.surface, *chinese.surface).within_tolerance());
}

TEST_CASE("text rasteriser: conjuncts form (a visible virama would draw like the string with ZWNJ)") {
    // Each pair: a string whose virama joins two consonants, and the same with ZWNJ (U+200C) after the
    // virama, which asks for the explicit (visible) virama instead.
    struct Pair {
        const char* script;
        std::string conjunct;
        std::string with_zwnj;
    };
    const Pair pairs[] = {
        {"Bengali ক্ষ", "ক্ষ", "ক্\u200Cষ"},
        {"Bengali বন্ধু (issue 17)", "বন্ধু", "বন্\u200Cধু"},
        {"Bengali হ্যালো (issue 17)", "হ্যালো", "হ্\u200Cযালো"},
        {"Gurmukhi ਸ੍ਰੀ (issue 17)", "ਸ੍ਰੀ", "ਸ੍\u200Cਰੀ"},
        {"Gujarati ક્ષ", "ક્ષ", "ક્\u200Cષ"},
        {"Devanagari क्ष", "क्ष", "क्\u200Cष"},
        {"Tamil க்ஷ", "க்ஷ", "க்\u200Cஷ"},
    };
    FontCatalog& catalog = test::shared_font_catalog();
    TextRasteriser rasteriser(catalog);
    for (const Pair& pair : pairs) {
        CAPTURE(pair.script);
        const RasterisedText conjunct = rasteriser.render(pair.conjunct, TextStyle{}, ink, test_px);
        const RasterisedText visible_virama = rasteriser.render(pair.with_zwnj, TextStyle{}, ink, test_px);
        REQUIRE(conjunct.surface);
        REQUIRE(visible_virama.surface);
        const bool same_size = conjunct.surface->w == visible_virama.surface->w &&
                               conjunct.surface->h == visible_virama.surface->h;
        CHECK_FALSE((same_size &&
                     test::compare_images(*conjunct.surface, *visible_virama.surface).within_tolerance()));
    }
}

TEST_CASE("script fonts: the script a deck's language is written in") {
    CHECK(script_of_language("ur") == HB_SCRIPT_ARABIC);
    CHECK(script_of_language("pa") == HB_SCRIPT_GURMUKHI);
    CHECK(script_of_language("pa-Arab") == HB_SCRIPT_ARABIC);
    CHECK(script_of_language("bn") == HB_SCRIPT_BENGALI);
    CHECK(script_of_language("ti") == HB_SCRIPT_ETHIOPIC);
    CHECK(script_of_language("ckb") == HB_SCRIPT_ARABIC);
    CHECK(script_of_language("zh-Hant") == HB_SCRIPT_HAN);
    CHECK(script_of_language("uk") == HB_SCRIPT_CYRILLIC);
    CHECK(script_of_language("en-GB") == HB_SCRIPT_LATIN);
    CHECK(script_of_language("") == HB_SCRIPT_UNKNOWN);
}

TEST_CASE("font catalog: an Urdu deck's lines are spaced for Nastaliq, which stands taller than DejaVu") {
    FontCatalog urdu(FontFamilies{.language = "ur"});
    FontCatalog& english = test::shared_font_catalog();
    const auto spaced_for_urdu = urdu.line_metrics(TextStyle{}, test_px);
    const auto spaced_for_english = english.line_metrics(TextStyle{}, test_px);
    REQUIRE(spaced_for_urdu);
    REQUIRE(spaced_for_english);
    CHECK(spaced_for_urdu->line_skip > spaced_for_english->line_skip);
    CHECK(spaced_for_urdu->ascent > spaced_for_english->ascent);
    // An Urdu line drawn in its line box stays (nearly) inside it, so the next line does not overlap it.
    TextRasteriser rasteriser(urdu);
    const RasterisedText line = rasteriser.render("تصویر بھیجنے سے پہلے پوچھیں", TextStyle{}, ink, test_px);
    REQUIRE(line.surface);
    const int slack = spaced_for_urdu->line_skip / 10;
    CHECK(line.offset_y_px >= -slack);
    CHECK(line.offset_y_px + line.surface->h <= spaced_for_urdu->line_skip + slack);
}
