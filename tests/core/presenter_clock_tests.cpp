#include "core/show/presenter_clock.h"

#include <doctest/doctest.h>

using namespace lectern;

TEST_CASE("the stopwatch counts while running, holds while paused, and resets to zero") {
    Stopwatch watch = Stopwatch::started_at(1000);
    CHECK(watch.elapsed_ms(4000) == 3000);
    watch.pause(4000);
    CHECK(watch.elapsed_ms(9000) == 3000);
    CHECK_FALSE(watch.running());
    watch.resume(10000);
    CHECK(watch.elapsed_ms(11000) == 4000);
    watch.reset(11000);
    CHECK(watch.elapsed_ms(12500) == 1500);
    watch.pause(13000);
    watch.reset(14000);
    CHECK(watch.elapsed_ms(20000) == 0);
}

TEST_CASE("pace compares slides passed with time passed") {
    // 20 slides in 20 minutes: slide 10 (0-based) after 10 minutes is on pace.
    const std::uint64_t minute = 60000;
    CHECK(pace_of(10 * minute, 0, 10, 20, 20).state == PaceState::OnPace);
    const Pace behind = pace_of(10 * minute, 0, 5, 20, 20);
    CHECK(behind.state == PaceState::Behind);
    CHECK(behind.minutes_ahead == doctest::Approx(-5));
    CHECK(pace_of(5 * minute, 0, 10, 20, 20).state == PaceState::Ahead);
    CHECK(pace_of(5 * minute, 0, 10, 20, 20).minutes_ahead == doctest::Approx(5));
}

TEST_CASE("pace warns before the time runs out, then says it has") {
    const std::uint64_t minute = 60000;
    CHECK(pace_of(17 * minute + 1, 0, 19, 20, 20).state == PaceState::NearlyOut); // under 3 minutes left
    CHECK(pace_of(55 * minute, 0, 45, 50, 60).state == PaceState::NearlyOut);     // under 10% of 60 left
    const Pace over = pace_of(21 * minute, 0, 19, 20, 20);
    CHECK(over.state == PaceState::Over);
    CHECK(over.minutes_left == doctest::Approx(-1));
}

TEST_CASE("the planned end is now plus the minutes left, and no plan means no pace") {
    const Pace pace = pace_of(5 * 60000, 1'000'000, 3, 20, 20);
    CHECK(pace.planned_end_ms == 1'000'000 + 15 * 60000);
    CHECK(pace_of(5000, 0, 1, 20, std::nullopt).state == PaceState::NoPlan);
    CHECK(pace_of(5000, 0, 0, 0, 20).state == PaceState::NoPlan);
}
