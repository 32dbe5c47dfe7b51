#include "core/show/kiosk_clock.h"

#include <doctest/doctest.h>

using namespace lectern;

TEST_CASE("a kiosk slide gives way after its seconds") {
    KioskClock clock;
    clock.slide_changed(10'000);
    CHECK(clock.advance_at_ms(15, 60) == 25'000);
    CHECK(clock.advance_at_ms(12.5, 60) == 22'500);
}

TEST_CASE("input pauses auto-advance until nobody has touched anything for resume_after_seconds") {
    KioskClock clock;
    clock.slide_changed(0);
    clock.input(5'000);
    CHECK(clock.advance_at_ms(15, 60) == 65'000);
    clock.input(70'000); // still being used
    CHECK(clock.advance_at_ms(15, 60) == 130'000);
    clock.slide_changed(130'000); // resumed: the next slide has its own seconds, input long past
    CHECK(clock.advance_at_ms(15, 60) == 145'000);
}
