// Every deck Lectern ships under slides/ checks cleanly: no errors, and no warnings but the one each
// lesson is meant to give until the school fills in its safeguarding lead.
#include "core/deck/deck_loader.h"
#include "test_files.h"

#include <doctest/doctest.h>

#include <regex>

using namespace lectern;

namespace {

const std::string placeholder_warning =
    "safeguarding_lead in the [deck] table still has a [part in square brackets] to fill in; write the "
    "name of your school's designated safeguarding lead and how to reach them";

} // namespace

TEST_CASE("every deck under slides/ checks with no errors, and warns only that its safeguarding lead is "
          "not filled in") {
    const auto decks = test::files_in(test::source_dir() / "slides", ".toml");
    REQUIRE(decks.size() >= 4);
    for (const auto& deck : decks) {
        CAPTURE(deck);
        const DeckLoadResult result = load_deck_file(deck);
        for (const Diagnostic& diagnostic : result.diagnostics)
            MESSAGE(format_diagnostic(diagnostic));
        CHECK(result.ok());
        REQUIRE(result.diagnostics.size() == 1);
        const Diagnostic& warning = result.diagnostics.front();
        CHECK(warning.severity == Severity::Warning);
        CHECK(warning.message == placeholder_warning);
        CHECK(test::lines_of(test::read_text(deck))[warning.position.line - 1].starts_with(
            "safeguarding_lead = "));
    }
}

TEST_CASE("every deck under slides/ checks with no errors or warnings once the school fills in its "
          "safeguarding lead") {
    const std::regex placeholder(R"(safeguarding_lead = "\[[^\n]*")");
    for (const auto& deck : test::files_in(test::source_dir() / "slides", ".toml")) {
        CAPTURE(deck);
        const std::string text = test::read_text(deck);
        const std::string filled =
            std::regex_replace(text, placeholder, R"(safeguarding_lead = "Ms Rahman, Room 12")");
        REQUIRE(filled != text);
        const DeckLoadResult result = load_deck_text(filled, deck.string(), deck.parent_path());
        for (const Diagnostic& diagnostic : result.diagnostics)
            MESSAGE(format_diagnostic(diagnostic));
        CHECK(result.ok());
        CHECK(result.diagnostics.empty());
    }
}

TEST_CASE("the parents' talk ships in six languages and the assembly in three, each marked for a native "
          "speaker's review, with every slide translated") {
    const std::vector<std::pair<std::string, std::vector<std::string>>> shipped{
        {"qzone-parents.toml", {"en-GB", "pl", "ur", "bn", "zh-Hans", "ar"}},
        {"qzone-assembly.toml", {"en-GB", "pl", "ur"}}};
    for (const auto& [file, languages] : shipped) {
        CAPTURE(file);
        const DeckLoadResult result = load_deck_file(test::source_dir() / "slides" / file);
        REQUIRE(result.deck);
        CHECK(result.deck->info.languages == languages);
        CHECK(result.deck->info.translation_note.find("native speaker") != std::string::npos);
        for (const Slide& slide : result.deck->slides) {
            CAPTURE(slide.id);
            CHECK(slide.translations.size() == languages.size() - 1);
        }
    }
}
