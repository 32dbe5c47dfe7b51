// PresenterClock: the teacher's stopwatch and pace against the deck's duration_minutes. Pure; time is
// an input (milliseconds from a steady clock), so every rule has a test.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

namespace lectern {

// A stopwatch that can be paused, resumed and reset.
struct Stopwatch {
    std::uint64_t accumulated_ms = 0;           // time counted before the current run
    std::optional<std::uint64_t> running_since; // set while running

    static Stopwatch started_at(std::uint64_t now_ms) { return {0, now_ms}; }
    std::uint64_t elapsed_ms(std::uint64_t now_ms) const;
    bool running() const { return running_since.has_value(); }
    void pause(std::uint64_t now_ms);
    void resume(std::uint64_t now_ms);
    void reset(std::uint64_t now_ms); // back to 0, keeps running if it was
};

enum class PaceState {
    NoPlan,    // the deck has no duration_minutes
    OnPace,    // within a minute of plan
    Ahead,     // more than a minute ahead
    Behind,    // more than a minute behind
    NearlyOut, // less than 10% of the time left, or less than 3 minutes: a warning before it runs out
    Over,      // the planned time has run out
};

struct Pace {
    PaceState state = PaceState::NoPlan;
    double minutes_ahead = 0;         // negative when behind
    double minutes_left = 0;          // of the planned duration; negative when over
    std::uint64_t planned_end_ms = 0; // on the same clock as now_ms
};

// Progress counts slides passed: on slide `slide` (0-based) of `slide_count`, that share of the deck is done.
Pace pace_of(std::uint64_t elapsed_ms, std::uint64_t now_ms, std::size_t slide, std::size_t slide_count,
             std::optional<int> duration_minutes);

} // namespace lectern
