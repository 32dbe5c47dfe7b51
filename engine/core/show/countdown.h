// Countdown: a slide's `countdown = SECONDS` clock for a class activity ("two minutes with your
// partner"). It starts when the slide appears; T pauses and resumes it, Shift+T starts it again; at zero
// it pulses gently three times (no sound), then says "Time's up" until the slide changes. Pure; time is
// an input (milliseconds from a steady clock), so every rule has a test without waiting.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace lectern {

inline constexpr std::uint64_t countdown_pulse_ms = 600; // one pulse; three of them at zero
inline constexpr int countdown_pulses = 3;
inline constexpr int countdown_max_seconds = 3600;

enum class CountdownPhase { Running, Paused, Pulsing, TimesUp };

class Countdown {
public:
    Countdown(int seconds, std::uint64_t now_ms);

    void toggle_pause(std::uint64_t now_ms); // T
    void restart(std::uint64_t now_ms);      // Shift+T

    std::uint64_t remaining_ms(std::uint64_t now_ms) const;
    CountdownPhase phase(std::uint64_t now_ms) const;
    // What the clock shows: "2:00", "0:09", "Time's up".
    std::string text(std::uint64_t now_ms) const;
    // How far through its pulse the clock is, 0 to 1 and back (0 when not pulsing), for its scale.
    double pulse(std::uint64_t now_ms) const;
    // When the picture next changes (the next second, a pulse frame), for the loop's next wake-up;
    // nothing when only a key can change it (paused, or "Time's up").
    std::optional<std::uint64_t> next_change_ms(std::uint64_t now_ms) const;

private:
    std::uint64_t elapsed_ms(std::uint64_t now_ms) const;

    std::uint64_t m_total_ms;
    std::uint64_t m_started_ms;               // when it last started or resumed
    std::uint64_t m_elapsed_before_ms = 0;    // run before the last pause
    std::optional<std::uint64_t> m_paused_at; // set while paused
};

} // namespace lectern
