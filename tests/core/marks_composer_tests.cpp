// The teacher's marks as display-list items: the pointer a red disc with a white rim, the spotlight, ink
// in the theme's colours at 0.5 % of the slide's height, a zoom's window kept on the slide, and the
// countdown in a corner with no text.
#include "core/compose/marks_composer.h"
#include "core/compose/slide_composer.h"
#include "core/deck/deck_loader.h"
#include "fake_text_measurer.h"
#include "test_files.h"

#include <doctest/doctest.h>

#include <variant>

using namespace lectern;

namespace {

DisplayList empty_slide() {
    return DisplayList{};
}

Theme theme_named(std::string_view name) {
    const std::optional<Theme> theme = builtin_theme(name);
    REQUIRE(theme);
    return *theme;
}

TextRun text_at(float x, float y, std::string text) {
    TextRun run;
    run.x = x;
    run.y = y;
    run.text = std::move(text);
    run.style.px = 40;
    return run;
}

// What is drawn over an empty slide once `command` is pressed and the mouse is at `at`.
std::optional<DisplayList> drawn_after(PresenterCommand command, InkPoint at) {
    SlideMarks marks;
    marks.apply(command, 0);
    marks.move_to(at);
    return compose_marks(marks, empty_slide(), theme_named("classroom"));
}

} // namespace

TEST_CASE("nothing is drawn over the slide without a pointer, spotlight or ink") {
    SlideMarks marks;
    marks.show_slide({"a", 0}, std::nullopt, 0);
    CHECK_FALSE(compose_marks(marks, empty_slide(), theme_named("classroom")));
    marks.apply(PresenterCommand::TogglePen, 0); // pen mode alone draws nothing yet
    CHECK_FALSE(compose_marks(marks, empty_slide(), theme_named("classroom")));
}

TEST_CASE("the pointer is a soft red disc with a white rim, centred where the mouse is") {
    const std::optional<DisplayList> drawn = drawn_after(PresenterCommand::TogglePointer, {400, 300});
    REQUIRE(drawn);
    REQUIRE(drawn->items.size() == 2);
    const auto* rim = std::get_if<FilledBox>(&drawn->items[0]);
    const auto* dot = std::get_if<FilledBox>(&drawn->items[1]);
    REQUIRE((rim && dot));
    CHECK(rim->colour.r == 255);
    CHECK(rim->colour.g == 255);
    CHECK(dot->colour.r > 200);
    CHECK(dot->colour.g < 100);
    CHECK(dot->colour.a < 255); // soft: the slide shows through a little
    CHECK(dot->box.x + dot->box.w / 2 == doctest::Approx(400));
    CHECK(dot->box.y + dot->box.h / 2 == doctest::Approx(300));
    CHECK(dot->corner_radius == doctest::Approx(dot->box.w / 2));
}

TEST_CASE("the spotlight dims all but a circle around the pointer to 25 %") {
    const std::optional<DisplayList> drawn = drawn_after(PresenterCommand::ToggleSpotlight, {800, 500});
    REQUIRE(drawn);
    const auto* spot = std::get_if<Spotlight>(&drawn->items.front());
    REQUIRE(spot);
    CHECK(spot->centre.x == 800);
    CHECK(spot->radius == doctest::Approx(spotlight_default_radius));
    CHECK(spot->dim.a == 191);
}

TEST_CASE("ink is drawn in slide units, 0.5 % of the slide's height wide, in the theme's accent first") {
    const Theme theme = theme_named("classroom");
    const std::vector<InkStroke> strokes{{0, {{10, 20}, {30, 40}}}, {2, {{50, 60}}}};
    const DisplayList ink = compose_ink(strokes, empty_slide(), theme);
    REQUIRE(ink.items.size() == 2);
    const auto* line = std::get_if<Stroke>(&ink.items[0]);
    REQUIRE(line);
    CHECK(line->width == doctest::Approx(1080 * 0.005));
    CHECK(line->colour == Colour{theme.accent.r, theme.accent.g, theme.accent.b, 255});
    CHECK(line->points.front().x == 10);
    CHECK(line->points.back().x == 30);
    CHECK(std::get_if<Stroke>(&ink.items[1])->colour == ink_palette(theme)[2]);
}

TEST_CASE("a stroke is drawn smooth: a spline through its points, straight where they are close") {
    const Theme theme = theme_named("classroom");
    const std::vector<InkStroke> corner{{0, {{0, 0}, {100, 0}, {100, 100}}}};
    const DisplayList drawn = compose_ink(corner, empty_slide(), theme);
    const auto* curve = std::get_if<Stroke>(&drawn.items[0]);
    REQUIRE(curve);
    CHECK(curve->points.size() == 3 + 2 * 3); // three points between each pair far apart
    // The curve passes through every point the pen gave, and bulges past the corner, as a hand does.
    CHECK(curve->points[4].x == 100);
    CHECK(curve->points[3].x > 0);
    CHECK(curve->points[6].x > 100);
    const std::vector<InkStroke> close{{0, {{0, 0}, {5, 0}, {10, 5}}}};
    const DisplayList straight = compose_ink(close, empty_slide(), theme);
    CHECK(std::get_if<Stroke>(&straight.items[0])->points.size() == 3);
}

TEST_CASE("the pen's four colours differ and each stands out from the theme's background (3:1)") {
    for (std::string_view name : builtin_theme_names) {
        CAPTURE(name);
        const Theme theme = theme_named(name);
        const auto palette = ink_palette(theme);
        for (std::size_t i = 0; i < palette.size(); ++i) {
            CHECK(contrast_ratio(palette[i], theme.background) >= 3.0);
            for (std::size_t j = 0; j < i; ++j)
                CHECK_FALSE(palette[i] == palette[j]);
        }
    }
}

TEST_CASE("a zoom shows the part of the slide around the pointer, never past its edges") {
    const Box middle = zoom_window({960, 540}, 2, 1920, 1080);
    CHECK(middle.x == 480);
    CHECK(middle.y == 270);
    CHECK(middle.w == 960);
    CHECK(middle.h == 540);
    const Box corner = zoom_window({10, 1070}, 4, 1920, 1080);
    CHECK(corner.x == 0);
    CHECK(corner.y == doctest::Approx(1080 - 270));
}

TEST_CASE("the countdown goes to the first corner with no text: top right, bottom right, bottom left") {
    test::FakeTextMeasurer measurer;
    DisplayList slide;
    const Box top_right = countdown_corner(slide, measurer);
    CHECK(top_right.x > 960);
    CHECK(top_right.y < 540);
    slide.items.emplace_back(text_at(1500, 60, "A title that reaches the right"));
    const Box bottom_right = countdown_corner(slide, measurer);
    CHECK(bottom_right.x > 960);
    CHECK(bottom_right.y > 540);
    slide.items.emplace_back(text_at(1500, 950, "A caption at the bottom right"));
    const Box bottom_left = countdown_corner(slide, measurer);
    CHECK(bottom_left.x < 960);
    CHECK(bottom_left.y > 540);
}

TEST_CASE("on every slide of the lesson deck with room, the countdown covers no text") {
    test::FakeTextMeasurer measurer;
    const DeckLoadResult loaded =
        load_deck_file(test::source_dir() / "tests/decks/valid/every-layout.toml", DeckLoadOptions{});
    REQUIRE(loaded.deck);
    for (const Slide& slide : loaded.deck->slides) {
        CAPTURE(slide.id);
        const DisplayList list = compose_slide(*loaded.deck, slide, 0, measurer).list;
        const Box corner = countdown_corner(list, measurer);
        std::size_t covered = 0;
        for (const DisplayItem& item : list.items) {
            const auto* run = std::get_if<TextRun>(&item);
            if (!run)
                continue;
            const float w = measurer.width_of(run->text, run->style);
            const float h = measurer.line_height(run->style);
            if (run->x < corner.x + corner.w && corner.x < run->x + w && run->y < corner.y + corner.h &&
                corner.y < run->y + h)
                ++covered;
        }
        CHECK(covered == 0);
    }
}

TEST_CASE("the countdown shows its time, greys while paused, and pulses then says Time's up at zero") {
    test::FakeTextMeasurer measurer;
    const Theme theme = theme_named("classroom");
    const Countdown clock(90, 0);
    const Box corner{1464, 36, 420, 170};
    auto text_of = [&](const Countdown& countdown, std::uint64_t now_ms) {
        DisplayList overlay;
        compose_countdown(countdown, corner, theme, measurer, now_ms, overlay);
        std::string text;
        for (const DisplayItem& item : overlay.items)
            if (const auto* run = std::get_if<TextRun>(&item))
                text += run->text;
        return std::make_pair(text, overlay);
    };
    CHECK(text_of(clock, 0).first == "1:30");
    Countdown paused = clock;
    paused.toggle_pause(1000);
    const DisplayList grey = text_of(paused, 2000).second;
    CHECK(std::get_if<TextRun>(&grey.items[1])->colour.r < 255);
    const DisplayList pulsing = text_of(clock, 90000 + countdown_pulse_ms / 2).second;
    const auto* box = std::get_if<FilledBox>(&pulsing.items[0]);
    REQUIRE(box);
    CHECK(box->box.w > corner.w); // the gentle pulse: the clock grows a little
    CHECK(text_of(clock, 90000 + 3 * countdown_pulse_ms).first == "Time's up");
}
