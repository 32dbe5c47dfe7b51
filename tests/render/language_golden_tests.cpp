// Golden images of one slide per home language of issue 17 (tests/decks/golden/languages.toml), each drawn
// with the deck language set to its own, at 960x540 so that conjuncts, vowel signs and Nastaliq's
// stacking can be checked by eye. Before comparing, every run of each slide is checked: no character
// without a glyph, and the letters of the slide's script drawn in the face made for it (a FreeSans or
// DejaVu fallback would pass a code-point check but show visible viramas or the wrong style).
#include "core/compose/slide_composer.h"
#include "core/deck/deck_loader.h"
#include "core/text/utf8.h"
#include "golden_image.h"
#include "language_slides.h"
#include "render/font_runs.h"
#include "render/offscreen_canvas.h"
#include "render/script_fonts.h"
#include "render/sdl_text_measurer.h"
#include "test_files.h"

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <variant>

using namespace lectern;

namespace {

constexpr int golden_w = 960;
constexpr int golden_h = 540;

const Slide* slide_with_id(const Deck& deck, std::string_view id) {
    for (const Slide& slide : deck.slides) {
        if (slide.id == id)
            return &slide;
    }
    return nullptr;
}

bool has_letter_of(std::string_view utf8, hb_script_t script) {
    for (const char32_t code_point : decode_utf8(utf8)) {
        if (script_of_code_point(code_point) == script)
            return true;
    }
    return false;
}

} // namespace

TEST_CASE("golden images: one slide per home language, each script in the face made for it") {
    const DeckLoadResult loaded = load_deck_file(test::source_dir() / "tests/decks/golden/languages.toml");
    REQUIRE(loaded.ok());
    CHECK(loaded.diagnostics.empty());
    Deck deck = *loaded.deck;
    REQUIRE(deck.slides.size() == test::language_slides.size());
    for (const test::LanguageSlide& language : test::language_slides) {
        const std::string name = test::language_golden_name(language);
        CAPTURE(name);
        const Slide* slide = slide_with_id(deck, language.slide_id);
        REQUIRE(slide);
        deck.info.language = std::string(language.language);
        FontCatalog catalog({deck.theme.body_font, deck.theme.heading_font, deck.info.language});
        SdlTextMeasurer measurer(catalog);
        const ComposedSlide composed = compose_slide(deck, *slide, 0, measurer);
        CHECK(composed.problems.empty());

        const float scale = static_cast<float>(golden_w) / composed.list.width;
        bool script_seen = false;
        for (const DisplayItem& item : composed.list.items) {
            const auto* text = std::get_if<TextRun>(&item);
            if (!text)
                continue;
            const FontRunList runs = split_into_font_runs(
                text->text, text->style, nearest_pixel_size(text->style.px * scale), catalog);
            for (const FontRun& run : runs.runs) {
                CAPTURE(run.text);
                CHECK_FALSE(run.has_missing_glyphs);
                if (has_letter_of(run.text, language.script)) {
                    script_seen = true;
                    CHECK(catalog.face(run.face).family == language.face);
                }
            }
        }
        CHECK(script_seen);

        const auto created = OffscreenCanvas::create(golden_w, golden_h, catalog);
        REQUIRE_MESSAGE(created, (created ? "" : created.error()));
        OffscreenCanvas* canvas = created->get();
        canvas->draw(composed.list);
        const test::GoldenCheck check =
            test::check_golden(*canvas->surface(), name, test::source_dir() / "tests/golden",
                               LECTERN_GOLDEN_FAILURES_DIR, test::golden_mode_from_environment());
        CHECK_MESSAGE(check.passed, check.message);
    }
}
