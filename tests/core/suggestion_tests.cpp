#include "core/base/suggestion.h"

#include <doctest/doctest.h>

#include <array>

using namespace lectern;

TEST_CASE("edit distance counts insertions, deletions, substitutions and swaps, ignoring case") {
    CHECK(edit_distance("bullets", "bullets") == 0);
    CHECK(edit_distance("bulets", "bullets") == 1);
    CHECK(edit_distance("bullest", "bullets") == 1);
    CHECK(edit_distance("Title", "title") == 0);
    CHECK(edit_distance("", "abc") == 3);
}

TEST_CASE("a close candidate is suggested and a distant one is not") {
    constexpr std::array<std::string_view, 3> keys{"title", "bullets", "build"};
    CHECK(closest_match("bulets", keys) == "bullets");
    CHECK(closest_match("titel", keys) == "title");
    CHECK_FALSE(closest_match("colour", keys));
    CHECK(join_names(keys) == "title, bullets, build");
}
