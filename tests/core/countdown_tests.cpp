// A slide's countdown with the clock as an input: it runs, pauses, restarts, pulses three times at zero
// and then says "Time's up", and it wakes the loop only when its picture changes.
#include "core/show/countdown.h"

#include <doctest/doctest.h>

using namespace lectern;

TEST_CASE("a countdown runs from its seconds, showing whole seconds rounded up") {
    const Countdown clock(120, 1000);
    CHECK(clock.text(1000) == "2:00");
    CHECK(clock.text(1001) == "2:00");
    CHECK(clock.text(2000) == "1:59");
    CHECK(clock.text(120000) == "0:01");
    CHECK(clock.phase(120999) == CountdownPhase::Running);
    CHECK(clock.remaining_ms(121000) == 0);
    CHECK(clock.phase(121000) == CountdownPhase::Pulsing);
}

TEST_CASE("T pauses and resumes; Shift+T starts again from the top") {
    Countdown clock(60, 0);
    clock.toggle_pause(10000);
    CHECK(clock.phase(30000) == CountdownPhase::Paused);
    CHECK(clock.text(30000) == "0:50");
    CHECK_FALSE(clock.next_change_ms(30000)); // paused: only a key changes it
    clock.toggle_pause(30000);
    CHECK(clock.text(31000) == "0:49");
    clock.restart(40000);
    CHECK(clock.text(40000) == "1:00");
    CHECK(clock.phase(40000) == CountdownPhase::Running);
}

TEST_CASE("at zero: three gentle pulses, then \"Time's up\" until the slide changes") {
    Countdown clock(5, 0);
    CHECK(clock.pulse(4000) == 0);
    CHECK(clock.pulse(5000 + countdown_pulse_ms / 2) == doctest::Approx(1.0));
    CHECK(clock.pulse(5000 + countdown_pulse_ms) == doctest::Approx(0.0));
    CHECK(clock.next_change_ms(5100) == 5116u);
    const std::uint64_t after = 5000 + countdown_pulse_ms * countdown_pulses;
    CHECK(clock.phase(after) == CountdownPhase::TimesUp);
    CHECK(clock.text(after) == "Time's up");
    CHECK_FALSE(clock.next_change_ms(after)); // an idle screen uses no CPU
    clock.toggle_pause(after);                // nothing to pause at zero
    CHECK(clock.phase(after + 1000) == CountdownPhase::TimesUp);
}

TEST_CASE("a running countdown wakes the loop at each change of second, and its seconds are kept in range") {
    const Countdown clock(10, 0);
    CHECK(clock.next_change_ms(0) == 1000u);
    CHECK(clock.next_change_ms(250) == 1000u);
    CHECK(clock.next_change_ms(9999) == 10000u);
    CHECK(Countdown(0, 0).text(0) == "0:01");
    CHECK(Countdown(100000, 0).text(0) == "60:00");
}
