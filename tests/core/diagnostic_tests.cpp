#include "core/base/diagnostic.h"

#include <doctest/doctest.h>

using namespace lectern;

TEST_CASE("diagnostics print compiler-style, with or without a position") {
    CHECK(format_diagnostic({"deck.toml", {12, 9}, Severity::Error, "bad"}) == "deck.toml:12:9: error: bad");
    CHECK(format_diagnostic({"deck.toml", {3, 1}, Severity::Warning, "hmm"}) ==
          "deck.toml:3:1: warning: hmm");
    CHECK(format_diagnostic({"deck.toml", {}, Severity::Error, "gone"}) == "deck.toml: error: gone");
}

TEST_CASE("sorting by position keeps the order of diagnostics at the same place") {
    std::vector<Diagnostic> list{{"f", {5, 1}, Severity::Error, "b"},
                                 {"f", {2, 3}, Severity::Error, "a"},
                                 {"f", {5, 1}, Severity::Warning, "c"}};
    sort_by_position(list);
    CHECK(list[0].message == "a");
    CHECK(list[1].message == "b");
    CHECK(list[2].message == "c");
    CHECK(has_errors(list));
    CHECK(count_of(list, Severity::Warning) == 1);
}
