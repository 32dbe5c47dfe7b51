// A fade from one slide to the next drawn item by item: what both slides share stays, the rest fades in
// or out, and with another background the old slide fades out whole over the new one.
#include "core/compose/cross_fade.h"

#include <doctest/doctest.h>

using namespace lectern;

namespace {

TextRun run_at(float x, float y, std::string text, bool follows = false) {
    TextRun run;
    run.x = x;
    run.y = y;
    run.text = std::move(text);
    run.follows_previous = follows;
    return run;
}

DisplayList slide_of(std::vector<DisplayItem> items, Colour background = {255, 255, 255, 255}) {
    DisplayList list;
    list.background = background;
    list.items = std::move(items);
    return list;
}

const FilledBox bar{{0, 0, 1920, 40}, {20, 60, 120, 255}, 0};

} // namespace

TEST_CASE("items both slides have stay at full strength; the others fade in and out") {
    const DisplayList from = slide_of({bar, run_at(100, 300, "Same words"), run_at(100, 100, "Old title")});
    const DisplayList to = slide_of({bar, run_at(100, 300, "Same words"), run_at(100, 100, "New title")});
    const CrossFadePlan plan = plan_cross_fade(from, to);
    CHECK(plan.same_ground);
    CHECK(plan.to_kept == std::vector<bool>{true, true, false});
    CHECK(plan.from_kept == std::vector<bool>{true, true, false});

    const CrossFadeFrame frame = cross_fade_frame(plan, 0.25f, false);
    CHECK(frame.from_ground == 0.0f); // the background is shared: drawn once
    CHECK(frame.to_opacity == std::vector<float>{1.0f, 1.0f, 0.25f});
    CHECK(frame.from_opacity == std::vector<float>{0.0f, 0.0f, 0.75f});
}

TEST_CASE("a shared item above an old item that changes fades with it, so it is never covered by it") {
    // A highlight moves from the first bullet to the second; the bullets' words are the same.
    const FilledBox first_highlight{{80, 280, 1600, 90}, {250, 230, 120, 255}, 12};
    const FilledBox second_highlight{{80, 380, 1600, 90}, {250, 230, 120, 255}, 12};
    const DisplayList from =
        slide_of({bar, first_highlight, run_at(100, 300, "One"), run_at(100, 400, "Two")});
    const DisplayList to =
        slide_of({bar, second_highlight, run_at(100, 300, "One"), run_at(100, 400, "Two")});
    const CrossFadePlan plan = plan_cross_fade(from, to);
    // The old highlight is drawn over the new slide as it fades: the words above it fade with it.
    CHECK(plan.from_kept == std::vector<bool>{true, false, false, false});
    CHECK(plan.to_kept == std::vector<bool>{true, false, false, false});
}

TEST_CASE("a build step's new bullet fades in while the bullets before it stay") {
    const DisplayList from = slide_of({run_at(100, 100, "Title"), run_at(120, 300, "One")});
    const DisplayList to =
        slide_of({run_at(100, 100, "Title"), run_at(120, 300, "One"), run_at(120, 400, "Two")});
    const CrossFadeFrame frame = cross_fade_frame(plan_cross_fade(from, to), 0.5f, false);
    CHECK(frame.to_opacity == std::vector<float>{1.0f, 1.0f, 0.5f});
    CHECK(frame.from_opacity == std::vector<float>{0.0f, 0.0f});
}

TEST_CASE("a run placed after the run before it is shared only when that run is shared with its partner") {
    // "**Bold** rest": the rest is equal in both lists but starts where a different bold word ended.
    const DisplayList from = slide_of({run_at(100, 100, "Old"), run_at(100, 100, " rest", true)});
    const DisplayList to = slide_of({run_at(100, 100, "Newer"), run_at(100, 100, " rest", true)});
    const CrossFadePlan changed = plan_cross_fade(from, to);
    CHECK(changed.to_kept == std::vector<bool>{false, false});
    CHECK(changed.from_kept == std::vector<bool>{false, false});

    const DisplayList same = slide_of({run_at(100, 100, "Old"), run_at(100, 100, " rest", true)});
    const CrossFadePlan kept = plan_cross_fade(from, same);
    CHECK(kept.to_kept == std::vector<bool>{true, true});
}

TEST_CASE("an item is matched once: a second equal item in the new slide fades in") {
    const DisplayList from = slide_of({bar});
    const DisplayList to = slide_of({bar, bar});
    const CrossFadePlan plan = plan_cross_fade(from, to);
    CHECK(plan.to_kept == std::vector<bool>{true, false});
    CHECK(plan.from_kept == std::vector<bool>{true});
}

TEST_CASE("with another background the new slide is drawn whole and the old one fades out over it") {
    const DisplayList from = slide_of({bar, run_at(100, 100, "Title")});
    const DisplayList to = slide_of({bar, run_at(100, 100, "Title")}, {20, 20, 20, 255});
    const CrossFadePlan plan = plan_cross_fade(from, to);
    CHECK_FALSE(plan.same_ground);
    const CrossFadeFrame frame = cross_fade_frame(plan, 0.25f, false);
    CHECK(frame.to_opacity == std::vector<float>{1.0f, 1.0f});
    CHECK(frame.from_ground == 0.75f);
    CHECK(frame.from_opacity == std::vector<float>{0.75f, 0.75f});
}

TEST_CASE("drawn with the teacher's marks, the new slide is whole and the old fades out over it") {
    const DisplayList from = slide_of({bar, run_at(100, 100, "Old")});
    const DisplayList to = slide_of({bar, run_at(100, 100, "New")});
    const CrossFadeFrame frame = cross_fade_frame(plan_cross_fade(from, to), 0.4f, true);
    CHECK(frame.to_opacity == std::vector<float>{1.0f, 1.0f});
    CHECK(frame.from_ground == doctest::Approx(0.6f));
    CHECK(frame.from_opacity[0] == doctest::Approx(0.6f));
    CHECK(frame.from_opacity[1] == doctest::Approx(0.6f));
}

TEST_CASE("progress outside 0 to 1 is held at the ends") {
    const DisplayList from = slide_of({run_at(0, 0, "A")});
    const DisplayList to = slide_of({run_at(0, 0, "B")});
    const CrossFadePlan plan = plan_cross_fade(from, to);
    CHECK(cross_fade_frame(plan, -1.0f, false).to_opacity == std::vector<float>{0.0f});
    CHECK(cross_fade_frame(plan, 2.0f, false).from_opacity == std::vector<float>{0.0f});
}
