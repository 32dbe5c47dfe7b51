#include "core/show/problems.h"

#include <doctest/doctest.h>

using namespace lectern;

TEST_CASE("every part's problems are listed, in the order of their sources") {
    Problems problems;
    problems.set(ProblemSource::Deck,
                 std::vector<std::string>{"deck.toml:3:1: warning: a", "deck.toml:9:1: warning: b"});
    problems.set(ProblemSource::Voting, "Voting from devices is off: port 8750 is in use");
    problems.set(ProblemSource::Reload, "The edited deck has errors");
    problems.set(ProblemSource::Input, std::vector<std::string>{"input.conf:2:5: error: c"});
    CHECK(problems.all() == std::vector<std::string>{"The edited deck has errors",
                                                     "Voting from devices is off: port 8750 is in use",
                                                     "deck.toml:3:1: warning: a", "deck.toml:9:1: warning: b",
                                                     "input.conf:2:5: error: c"});
    CHECK(problems.count() == 5);
}

TEST_CASE("a source's new report replaces its old one, and an empty report clears it") {
    Problems problems;
    problems.set(ProblemSource::Results, "Results are not being kept: disk full");
    problems.set(ProblemSource::Results, "Results are not being kept: read-only");
    CHECK(problems.of(ProblemSource::Results) ==
          std::vector<std::string>{"Results are not being kept: read-only"});
    problems.set(ProblemSource::Results, "");
    CHECK(problems.of(ProblemSource::Results).empty());
    problems.set(ProblemSource::Pictures, std::vector<std::string>{"a", "b"});
    problems.clear(ProblemSource::Pictures);
    CHECK(problems.count() == 0);
}

TEST_CASE("a kiosk's badge is for problems that arose while showing, not for the deck's warnings") {
    Problems problems;
    problems.set(ProblemSource::Deck, "deck.toml:1:1: warning: safeguarding_lead is still the placeholder");
    problems.set(ProblemSource::Input, "input.conf:1:1: error: unknown command");
    CHECK_FALSE(problems.any_while_showing());
    for (const ProblemSource source : {ProblemSource::Reload, ProblemSource::Screen, ProblemSource::Results,
                                       ProblemSource::Voting, ProblemSource::Pictures}) {
        Problems one;
        one.set(source, "something");
        CHECK(one.any_while_showing());
    }
}

TEST_CASE("diagnostics are listed as check prints them") {
    Problems problems;
    Diagnostic warning;
    warning.severity = Severity::Warning;
    warning.file = "deck.toml";
    warning.position = {4, 7};
    warning.message = "a warning";
    problems.set(ProblemSource::Deck, std::vector<Diagnostic>{warning});
    CHECK(problems.all() == std::vector<std::string>{format_diagnostic(warning)});
    CHECK(problems.all().front().starts_with("deck.toml:4:7: warning: "));
}
