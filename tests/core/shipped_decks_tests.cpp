// Every deck Lectern ships under slides/ checks cleanly: no errors and no warnings.
#include "core/deck_loader.h"
#include "test_files.h"

#include <doctest/doctest.h>

using namespace lectern;

TEST_CASE("every deck under slides/ checks with no errors or warnings") {
    const auto decks = test::files_in(test::source_dir() / "slides", ".toml");
    REQUIRE_FALSE(decks.empty());
    for (const auto& deck : decks) {
        CAPTURE(deck);
        const DeckLoadResult result = load_deck_file(deck);
        for (const Diagnostic& diagnostic : result.diagnostics)
            MESSAGE(format_diagnostic(diagnostic));
        CHECK(result.ok());
        CHECK(result.diagnostics.empty());
    }
}
