// No text of any shipped deck needs to shrink below the legible size of its room, at 16:9 or 4:3,
// measured with the real fonts the presentation uses.
#include "core/deck_loader.h"
#include "core/slide_composer.h"
#include "render/font_catalog.h"
#include "render/sdl_text_measurer.h"
#include "test_files.h"

#include <doctest/doctest.h>

using namespace lectern;

TEST_CASE("every shipped deck's text fits legibly at both aspects, with the join strip showing") {
    const auto decks = test::files_in(test::source_dir() / "slides", ".toml");
    REQUIRE(decks.size() >= 3);
    for (const auto& file : decks) {
        DeckLoadResult result = load_deck_file(file);
        REQUIRE(result.ok());
        Deck deck = std::move(*result.deck);
        FontCatalog catalog({deck.theme.body_font, deck.theme.heading_font});
        SdlTextMeasurer measurer(catalog);
        for (Aspect aspect : {Aspect::Wide16x9, Aspect::Standard4x3}) {
            deck.info.aspect = aspect;
            CAPTURE(file);
            CAPTURE(aspect == Aspect::Wide16x9 ? "16:9" : "4:3");
            for (const Diagnostic& warning : check_text_fits(deck, file.string(), measurer))
                FAIL_CHECK(format_diagnostic(warning));
        }
    }
}
