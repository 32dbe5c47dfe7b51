// SlidesAhead: which views are prepared before a key, in what order, and when (core/show/slides_ahead.h).
#include "core/show/screen_timers.h"
#include "core/show/slides_ahead.h"

#include <doctest/doctest.h>

using namespace lectern;

namespace {

const DeckShape three_slides_middle_builds{{1, 3, 1}};

NavState at(std::size_t slide, std::size_t step) {
    NavState nav;
    nav.slide = slide;
    nav.step = step;
    return nav;
}

} // namespace

TEST_CASE("the views ahead are what Next and then Previous would show") {
    CHECK(views_ahead(at(0, 0), three_slides_middle_builds) == std::vector<ViewAt>{{1, 0}});
    CHECK(views_ahead(at(1, 0), three_slides_middle_builds) == std::vector<ViewAt>{{1, 1}, {0, 0}});
    CHECK(views_ahead(at(1, 2), three_slides_middle_builds) == std::vector<ViewAt>{{2, 0}, {1, 1}});
    CHECK(views_ahead(at(2, 0), three_slides_middle_builds) == std::vector<ViewAt>{{1, 2}});
}

TEST_CASE("nothing is prepared on a blanked screen, while a number is typed, or for an empty deck") {
    NavState blanked = at(1, 0);
    blanked.blank = Blank::Black;
    CHECK(views_ahead(blanked, three_slides_middle_builds).empty());
    NavState typing = at(1, 0);
    typing.typed_number = "3";
    CHECK(views_ahead(typing, three_slides_middle_builds).empty());
    CHECK(views_ahead(at(0, 0), DeckShape{}).empty());
    CHECK(views_ahead(at(0, 0), DeckShape{{1}}).empty());
}

TEST_CASE("every view is composed, then drawn piece by piece, the most likely one first") {
    SlidesAhead ahead;
    ahead.restart({{1, 1}, {0, 0}}, 1000);
    CHECK(ahead.next(1000, false) == AheadPiece{0, AheadWork::Compose});
    ahead.composed(0);
    CHECK(ahead.next(1000, false) == AheadPiece{1, AheadWork::Compose});
    ahead.composed(1);
    CHECK(ahead.next(1000, false) == AheadPiece{0, AheadWork::Draw});
    ahead.drew(0, DrawResult::More);
    CHECK(ahead.next(1000, false) == AheadPiece{0, AheadWork::Draw});
    ahead.drew(0, DrawResult::Done);
    CHECK(ahead.next(1000, false) == AheadPiece{1, AheadWork::Draw});
    ahead.drew(1, DrawResult::Done);
    CHECK_FALSE(ahead.next(1000, false)); // all done: the loop sleeps
    CHECK_FALSE(ahead.work_left(5000));
}

TEST_CASE("nothing is prepared while a fade runs or a frame is due") {
    SlidesAhead ahead;
    ahead.restart({{1, 0}}, 1200);
    CHECK_FALSE(ahead.next(1199, false));
    CHECK(ahead.next(1200, false));
    CHECK_FALSE(ahead.next(1300, true));
}

TEST_CASE("a view waiting for a picture is not polled for, and is drawn again when one arrives") {
    SlidesAhead ahead;
    ahead.restart({{1, 0}}, 0);
    ahead.composed(0);
    ahead.drew(0, DrawResult::WaitingForPictures);
    CHECK_FALSE(ahead.work_left(10));
    ahead.pictures_arrived();
    CHECK(ahead.next(10, false) == AheadPiece{0, AheadWork::Draw});
}

TEST_CASE("a reload or resize forgets every view until the next restart") {
    SlidesAhead ahead;
    ahead.restart({{1, 0}}, 0);
    ahead.clear();
    CHECK_FALSE(ahead.work_left(0));
    ahead.composed(0); // a piece finished after the clear changes nothing
    ahead.drew(0, DrawResult::Done);
    CHECK(ahead.views().empty());
}

TEST_CASE("a fade from a key shows a visible step at once and still ends on time") {
    const Fade fade = Fade::from_key_at(5000, fade_duration_ms);
    CHECK(fade.progress(5000) > 0.05f);
    CHECK(fade.running(5000));
    CHECK_FALSE(fade.running(5000 + fade_duration_ms));
    CHECK(Fade::from_key_at(3, fade_duration_ms).progress(3) >= 0.0f); // no wrap at the clock's start
}
