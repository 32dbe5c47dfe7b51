// No text of any shipped deck needs to shrink below the legible size of its room, at 16:9 or 4:3,
// measured with the real fonts the presentation uses: as shipped, and once a school has written a
// long name for its safeguarding lead where the deck holds a placeholder.
#include "core/compose/slide_composer.h"
#include "core/deck/deck_loader.h"
#include "render/font_catalog.h"
#include "render/sdl_text_measurer.h"
#include "test_files.h"

#include <doctest/doctest.h>

#include <regex>

using namespace lectern;

namespace {

void check_fits_at_both_aspects(Deck deck, const std::filesystem::path& file) {
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

} // namespace

TEST_CASE("every shipped deck's text fits legibly at both aspects, with the join strip showing") {
    const auto decks = test::files_in(test::source_dir() / "slides", ".toml");
    REQUIRE(decks.size() >= 3);
    for (const auto& file : decks) {
        DeckLoadResult result = load_deck_file(file);
        REQUIRE(result.ok());
        check_fits_at_both_aspects(std::move(*result.deck), file);
    }
}

TEST_CASE("every shipped deck still fits legibly with a long safeguarding lead filled in") {
    const std::regex placeholder(R"(safeguarding_lead = "\[[^\n]*")");
    for (const auto& file : test::files_in(test::source_dir() / "slides", ".toml")) {
        const std::string filled =
            std::regex_replace(test::read_text(file), placeholder,
                               R"(safeguarding_lead = "Mrs Okonkwo-Whitfield, Pastoral Office")");
        DeckLoadResult result = load_deck_text(filled, file.string(), file.parent_path());
        REQUIRE(result.ok());
        CHECK(result.diagnostics.empty());
        check_fits_at_both_aspects(std::move(*result.deck), file);
    }
}
