// The pen's ink: kept per slide and step in slide units, undone and erased, capped, and written to and
// read from the ink file, which refuses whatever Lectern would not have written.
#include "core/show/ink.h"

#include <doctest/doctest.h>

using namespace lectern;

TEST_CASE("ink belongs to its slide and step; undo and erase act there only") {
    InkBook ink;
    const InkPlace intro{"intro", 0};
    const InkPlace later{"intro", 1};
    ink.begin(intro, {100, 100}, 0);
    ink.extend({100.5, 100.5}); // too close to the last point: left out
    ink.extend({110, 100});
    ink.extend({120, 104});
    ink.end();
    ink.begin(later, {5, 5}, 5); // colours cycle through four
    ink.end();
    REQUIRE(ink.strokes(intro).size() == 1);
    CHECK(ink.strokes(intro)[0].points.size() == 3);
    CHECK(ink.strokes(later)[0].colour == 1);
    ink.undo(later);
    CHECK(ink.strokes(later).empty());
    CHECK(ink.strokes(intro).size() == 1);
    ink.erase(intro);
    CHECK(ink.empty());
    ink.undo(intro); // nothing left: nothing happens
}

TEST_CASE("a stroke and a slide's strokes are capped, the oldest stroke going first") {
    InkBook ink;
    const InkPlace place{"s", 0};
    ink.begin(place, {0, 0}, 0);
    for (int i = 1; i < 10000; ++i)
        ink.extend({static_cast<double>(i) * 3, 0});
    ink.end();
    CHECK(ink.strokes(place)[0].points.size() == ink_max_points_per_stroke);
    for (std::size_t i = 0; i < ink_max_strokes_per_slide; ++i) {
        ink.begin(place, {static_cast<double>(i), 1}, 0);
        ink.end();
    }
    CHECK(ink.strokes(place).size() == ink_max_strokes_per_slide);
    CHECK(ink.strokes(place)[0].points.size() == 1); // the long first stroke made room
}

TEST_CASE("the ink file reads back what was saved, and refuses anything else with a reason") {
    InkBook ink;
    ink.begin({"who-sees", 2}, {10.25, 20}, 3);
    ink.extend({30, 40});
    ink.end();
    const std::string json = ink.to_json();
    CHECK(json ==
          R"({"ink":[{"slide":"who-sees","step":3,"strokes":[{"colour":3,"points":[[10.3,20],[30,40]]}]}]})");
    const Expected<InkBook> back = InkBook::from_json(json);
    REQUIRE(back);
    CHECK(back->strokes({"who-sees", 2})[0].points[1] == InkPoint{30, 40});
    CHECK(InkBook::from_json("{}").error().starts_with("the ink file has no \"ink\" list"));
    CHECK_FALSE(InkBook::from_json(R"({"ink":[{"slide":"a","step":0,"strokes":[]}]})"));
    CHECK_FALSE(
        InkBook::from_json(R"({"ink":[{"slide":"a","step":1,"strokes":[{"colour":4,"points":[[1,2]]}]}]})"));
    CHECK_FALSE(InkBook::from_json(
        R"({"ink":[{"slide":"a","step":1,"strokes":[{"colour":0,"points":[[1e99,2]]}]}]})"));
    CHECK_FALSE(
        InkBook::from_json(R"({"ink":[{"slide":"a","step":1,"strokes":[{"colour":0,"points":[]}]}]})"));
    CHECK(InkBook::from_json("[").error().starts_with("the ink file is not valid JSON"));
}
