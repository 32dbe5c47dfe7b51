// The teacher's marks as one state machine, with the clock as an input: each key's rule, Esc ending a
// mode before it may quit, ink kept per slide and build step, and a countdown that starts with its slide,
// runs on through build steps and starts again when the slide comes back.
#include "core/show/slide_marks.h"

#include <doctest/doctest.h>

using namespace lectern;

namespace {

const InkPlace first{"first", 0};
const InkPlace second{"second", 0};

void draw_line(SlideMarks& marks, InkPoint from, InkPoint to) {
    marks.move_to(from);
    CHECK(marks.press(from));
    marks.move_to({(from.x + to.x) / 2, (from.y + to.y) / 2});
    marks.move_to(to);
    marks.release();
}

} // namespace

TEST_CASE("H shows the large pointer and H again hides it, and it follows the mouse in slide units") {
    SlideMarks marks;
    CHECK_FALSE(marks.pointer_shown());
    CHECK(marks.apply(PresenterCommand::TogglePointer, 0));
    CHECK(marks.pointer_shown());
    marks.move_to({100, 200});
    CHECK(marks.pointer() == InkPoint{100, 200});
    CHECK(marks.apply(PresenterCommand::TogglePointer, 0));
    CHECK_FALSE(marks.pointer_shown());
}

TEST_CASE("spotlight, zoom and pen exclude each other, and the key again or Esc ends each") {
    SlideMarks marks;
    CHECK_FALSE(marks.escape()); // nothing on: Esc goes on to quit
    marks.apply(PresenterCommand::ToggleSpotlight, 0);
    CHECK(marks.mode() == MarkMode::Spotlight);
    marks.apply(PresenterCommand::ToggleZoom, 0);
    CHECK(marks.mode() == MarkMode::Zoom);
    marks.apply(PresenterCommand::ToggleZoom, 0);
    CHECK(marks.mode() == MarkMode::None);
    marks.apply(PresenterCommand::TogglePen, 0);
    CHECK(marks.mode() == MarkMode::Pen);
    CHECK(marks.escape());
    CHECK(marks.mode() == MarkMode::None);
    marks.apply(PresenterCommand::ToggleSpotlight, 0);
    CHECK(marks.escape());
    CHECK(marks.mode() == MarkMode::None);
}

TEST_CASE("the wheel sizes the spotlight's circle and the zoom (1.5x to 4x), and turns pages otherwise") {
    SlideMarks marks;
    CHECK_FALSE(marks.wheel(1));
    marks.apply(PresenterCommand::ToggleSpotlight, 0);
    const double radius = marks.spotlight_radius();
    CHECK(marks.wheel(1));
    CHECK(marks.spotlight_radius() > radius);
    for (int i = 0; i < 50; ++i)
        marks.wheel(-1);
    CHECK(marks.spotlight_radius() == spotlight_min_radius);
    marks.apply(PresenterCommand::ToggleZoom, 0);
    CHECK(marks.zoom() == zoom_default);
    for (int i = 0; i < 50; ++i)
        marks.wheel(1);
    CHECK(marks.zoom() == zoom_max);
    for (int i = 0; i < 50; ++i)
        marks.wheel(-1);
    CHECK(marks.zoom() == zoom_min);
    marks.apply(PresenterCommand::ToggleZoom, 0);
    marks.apply(PresenterCommand::ToggleZoom, 0);
    CHECK(marks.zoom() == zoom_default); // each zoom starts at 2x
}

TEST_CASE("outside pen mode a click is not the marks', and in it a drag draws a stroke in the pen's colour") {
    SlideMarks marks;
    marks.show_slide(first, std::nullopt, 0);
    CHECK_FALSE(marks.press({10, 10}));
    marks.apply(PresenterCommand::TogglePen, 0);
    marks.apply(PresenterCommand::InkColour, 0);
    draw_line(marks, {100, 100}, {300, 100});
    REQUIRE(marks.ink().strokes(first).size() == 1);
    CHECK(marks.ink().strokes(first)[0].colour == 1);
    CHECK(marks.ink().strokes(first)[0].points.size() == 3);
    marks.move_to({500, 500}); // the pen is up: moving draws nothing
    CHECK(marks.ink().strokes(first)[0].points.size() == 3);
    for (int i = 0; i < 3; ++i)
        marks.apply(PresenterCommand::InkColour, 0);
    CHECK(marks.colour() == 0); // four colours, round again
}

TEST_CASE("U takes the last stroke back, E erases the slide's ink, and neither touches another slide") {
    SlideMarks marks;
    marks.apply(PresenterCommand::TogglePen, 0);
    marks.show_slide(second, std::nullopt, 0);
    draw_line(marks, {0, 0}, {100, 100});
    marks.show_slide(first, std::nullopt, 0);
    draw_line(marks, {0, 0}, {100, 100});
    draw_line(marks, {200, 200}, {300, 300});
    marks.apply(PresenterCommand::InkUndo, 0);
    CHECK(marks.ink().strokes(first).size() == 1);
    marks.apply(PresenterCommand::InkErase, 0);
    CHECK(marks.ink().strokes(first).empty());
    CHECK(marks.ink().strokes(second).size() == 1);
}

TEST_CASE("ink belongs to its slide and build step: going back shows it again") {
    SlideMarks marks;
    marks.apply(PresenterCommand::TogglePen, 0);
    marks.show_slide({"first", 0}, std::nullopt, 0);
    draw_line(marks, {0, 0}, {100, 100});
    marks.show_slide({"first", 1}, std::nullopt, 0);
    CHECK(marks.ink().strokes(marks.place()).empty());
    marks.show_slide(second, std::nullopt, 0);
    marks.show_slide({"first", 0}, std::nullopt, 0);
    CHECK(marks.ink().strokes(marks.place()).size() == 1);
}

TEST_CASE("a slide change lifts the pen: a stroke never runs on to the next slide") {
    SlideMarks marks;
    marks.apply(PresenterCommand::TogglePen, 0);
    marks.show_slide(first, std::nullopt, 0);
    marks.press({0, 0});
    marks.show_slide(second, std::nullopt, 0);
    marks.move_to({500, 500});
    CHECK(marks.ink().strokes(first)[0].points.size() == 1);
    CHECK(marks.ink().strokes(second).empty());
}

TEST_CASE(
    "a countdown starts when its slide appears, runs on through build steps, and starts again on return") {
    SlideMarks marks;
    marks.show_slide(first, 60, 1000);
    REQUIRE(marks.countdown());
    CHECK(marks.countdown()->text(1000) == "1:00");
    marks.show_slide({"first", 1}, 60, 11000); // a build step: the same activity
    CHECK(marks.countdown()->text(11000) == "0:50");
    marks.show_slide(second, std::nullopt, 12000);
    CHECK_FALSE(marks.countdown());
    CHECK_FALSE(marks.next_change_ms(12000)); // no countdown: no wake-ups
    marks.show_slide(first, 60, 20000);
    CHECK(marks.countdown()->text(20000) == "1:00");
}

TEST_CASE("T pauses and resumes the countdown, Shift+T restarts it, and the loop wakes only as it changes") {
    SlideMarks marks;
    marks.show_slide(first, 30, 0);
    CHECK(marks.next_change_ms(0) == 1000u);
    CHECK(marks.apply(PresenterCommand::CountdownPause, 5000));
    CHECK(marks.countdown()->phase(9000) == CountdownPhase::Paused);
    CHECK_FALSE(marks.next_change_ms(9000));
    marks.apply(PresenterCommand::CountdownPause, 9000);
    CHECK(marks.countdown()->text(9000) == "0:25");
    marks.apply(PresenterCommand::CountdownRestart, 10000);
    CHECK(marks.countdown()->text(10000) == "0:30");
    // At zero: three pulses, then "Time's up" until the slide changes, with no more wake-ups.
    CHECK(marks.countdown()->phase(40000) == CountdownPhase::Pulsing);
    CHECK(marks.countdown()->text(40000 + 3 * countdown_pulse_ms) == "Time's up");
    CHECK_FALSE(marks.next_change_ms(40000 + 3 * countdown_pulse_ms));
}

TEST_CASE("T and Shift+T on a slide without a countdown do nothing, and are still the marks' keys") {
    SlideMarks marks;
    marks.show_slide(first, std::nullopt, 0);
    CHECK(marks.apply(PresenterCommand::CountdownPause, 0));
    CHECK(marks.apply(PresenterCommand::CountdownRestart, 0));
    CHECK_FALSE(marks.countdown());
    CHECK_FALSE(marks.apply(PresenterCommand::Next, 0));
}
