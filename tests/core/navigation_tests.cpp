#include "core/show/navigation.h"
#include "core/show/quit_guard.h"
#include "core/show/screen_timers.h"

#include <doctest/doctest.h>

using namespace lectern;

namespace {
// Three slides; the second has three build steps.
const DeckShape shape{{1, 3, 1}};

NavState at(std::size_t slide, std::size_t step) {
    return NavState{slide, step, Blank::None, {}};
}
} // namespace

TEST_CASE("next walks build steps, then slides, and stops at the end") {
    NavState s;
    s = navigate(s, PresenterCommand::Next, shape);
    CHECK(s == at(1, 0));
    s = navigate(s, PresenterCommand::Next, shape);
    CHECK(s == at(1, 1));
    s = navigate(navigate(s, PresenterCommand::Next, shape), PresenterCommand::Next, shape);
    CHECK(s == at(2, 0));
    CHECK(navigate(s, PresenterCommand::Next, shape) == at(2, 0));
}

TEST_CASE("previous steps back through build steps, and arrives on a built slide whole") {
    CHECK(navigate(at(1, 2), PresenterCommand::Previous, shape) == at(1, 1));
    CHECK(navigate(at(2, 0), PresenterCommand::Previous, shape) == at(1, 2));
    CHECK(navigate(at(0, 0), PresenterCommand::Previous, shape) == at(0, 0));
}

TEST_CASE("Home and End go to the first and last slides; F5 starts from the first") {
    CHECK(navigate(at(1, 1), PresenterCommand::First, shape) == at(0, 0));
    CHECK(navigate(at(0, 0), PresenterCommand::Last, shape) == at(2, 0));
    CHECK(navigate(at(2, 0), PresenterCommand::StartFromFirst, shape) == at(0, 0));
    CHECK(navigate(at(1, 1), PresenterCommand::StartFromCurrent, shape) == at(1, 1));
}

TEST_CASE("a number then Return jumps to that slide; Return alone is next") {
    NavState s = navigate(at(0, 0), PresenterCommand::Digit, shape, 3);
    CHECK(s.typed_number == "3");
    CHECK(navigate(s, PresenterCommand::Confirm, shape) == at(2, 0));
    s = navigate(navigate(at(0, 0), PresenterCommand::Digit, shape, 9), PresenterCommand::Digit, shape, 9);
    CHECK(navigate(s, PresenterCommand::Confirm, shape) == at(2, 0)); // clamped to the last slide
    CHECK(navigate(at(0, 0), PresenterCommand::Confirm, shape) == at(1, 0));
    s = navigate(at(0, 0), PresenterCommand::Digit, shape, 2);
    CHECK(navigate(s, PresenterCommand::Next, shape).typed_number.empty()); // any other key forgets it
}

TEST_CASE("black and white screens come back with any key, which then does nothing else") {
    NavState s = navigate(at(1, 0), PresenterCommand::BlackScreen, shape);
    CHECK(s.blank == Blank::Black);
    s = navigate(s, PresenterCommand::Next, shape);
    CHECK(s == at(1, 0));
    s = navigate(s, PresenterCommand::WhiteScreen, shape);
    CHECK(s.blank == Blank::White);
    CHECK(navigate(s, PresenterCommand::WhiteScreen, shape).blank == Blank::None);
}

TEST_CASE("a deck that shrinks keeps the presentation on a slide that exists") {
    CHECK(clamp_to(at(2, 0), DeckShape{{1, 2}}) == at(1, 0));
    CHECK(clamp_to(at(1, 2), DeckShape{{1, 2}}) == at(1, 1));
    CHECK(clamp_to(at(1, 0), DeckShape{}) == at(0, 0));
}

TEST_CASE("quitting takes two presses within 2 seconds") {
    QuitGuard guard;
    CHECK_FALSE(guard.press(1000));
    CHECK(guard.waiting_for_second_press(2500));
    CHECK(guard.expires_at_ms() == 3000u);
    CHECK(guard.press(2900));
    CHECK_FALSE(guard.press(10000));
    CHECK_FALSE(guard.press(12001)); // too late: this press arms it again
    CHECK(guard.press(12500));
}

TEST_CASE("a fade runs for its duration and input finishes it at once") {
    Fade fade = Fade::starting_at(1000, fade_duration_ms);
    CHECK(fade.progress(1000) == 0.0f);
    CHECK(fade.progress(1100) == doctest::Approx(0.5));
    CHECK_FALSE(fade.running(1200));
    fade = Fade::starting_at(1000, fade_duration_ms);
    fade.finish();
    CHECK_FALSE(fade.running(1001));
    CHECK(fade_duration_ms <= 250);
}

TEST_CASE("the pointer hides 2 seconds after it stops moving") {
    CursorHider cursor;
    CHECK_FALSE(cursor.visible(0));
    cursor.moved(5000);
    CHECK(cursor.visible(6999));
    CHECK(cursor.hide_at_ms(6000) == 7000u);
    CHECK_FALSE(cursor.visible(7000));
    CHECK_FALSE(cursor.hide_at_ms(7000));
}

TEST_CASE("the presenter's preview is the next build step or slide, and nothing at the end") {
    CHECK(following(at(0, 0), shape) == at(1, 0));
    CHECK(following(at(1, 0), shape) == at(1, 1));
    CHECK_FALSE(following(at(2, 0), shape));
    NavState blanked = at(1, 2);
    blanked.blank = Blank::Black;
    CHECK(following(blanked, shape) == at(2, 0));
}

TEST_CASE("jumping from the slide list goes to the start of that slide and unblanks") {
    NavState blanked = at(0, 0);
    blanked.blank = Blank::White;
    CHECK(go_to_slide(blanked, 1, shape) == at(1, 0));
    CHECK(go_to_slide(at(0, 0), 99, shape) == at(2, 0));
}

TEST_CASE("after a reload the presentation stays on the slide with the same id, wherever it moved") {
    const std::vector<std::string> before{"welcome", "friends", "quiz"};
    const std::vector<std::string> after{"welcome", "new-slide", "friends", "quiz"};
    const DeckShape new_shape{{1, 1, 3, 1}};
    CHECK(after_reload(at(1, 2), before, after, new_shape) == at(2, 2));
    // The slide is gone: stay at the same position, clamped to the new deck.
    CHECK(after_reload(at(2, 0), before, {"welcome", "friends"}, DeckShape{{1, 3}}) == at(1, 0));
    // It lost build steps: its last one.
    CHECK(after_reload(at(1, 2), before, {"welcome", "friends"}, DeckShape{{1, 2}}) == at(1, 1));
}
