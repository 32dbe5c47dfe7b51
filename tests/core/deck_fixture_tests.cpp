// The data tests: every deck in tests/decks/valid loads cleanly, and every deck in tests/decks/invalid
// produces exactly the diagnostic lines of the .expected file beside it (one deck per rule).
#include "core/deck/deck_loader.h"
#include "test_files.h"

#include <doctest/doctest.h>

using namespace lectern;

namespace {

std::vector<std::string> diagnostics_as_lines(const std::filesystem::path& deck,
                                              const std::string& display_name) {
    const DeckLoadResult result = load_deck_text(test::read_text(deck), display_name, deck.parent_path());
    std::vector<std::string> lines;
    for (const Diagnostic& diagnostic : result.diagnostics)
        lines.push_back(format_diagnostic(diagnostic));
    return lines;
}

} // namespace

TEST_CASE("every deck in tests/decks/valid loads with no errors or warnings") {
    const auto decks = test::files_in(test::source_dir() / "tests/decks/valid", ".toml");
    REQUIRE(decks.size() >= 3);
    for (const auto& deck : decks) {
        CAPTURE(deck);
        const std::vector<std::string> lines =
            diagnostics_as_lines(deck, "valid/" + deck.filename().string());
        CHECK(lines == std::vector<std::string>{});
    }
}

TEST_CASE("every deck in tests/decks/invalid reports exactly its expected diagnostics") {
    const auto decks = test::files_in(test::source_dir() / "tests/decks/invalid", ".toml");
    REQUIRE(decks.size() >= 40);
    for (const auto& deck : decks) {
        CAPTURE(deck);
        std::filesystem::path expected_file = deck;
        expected_file.replace_extension(".expected");
        REQUIRE(std::filesystem::exists(expected_file));
        const std::vector<std::string> expected = test::lines_of(test::read_text(expected_file));
        CHECK_FALSE(expected.empty());
        CHECK(diagnostics_as_lines(deck, "invalid/" + deck.filename().string()) == expected);
    }
}
