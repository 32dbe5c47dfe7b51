// QuitGuard: Esc or Q quits only when pressed twice within 2 s, so a stray key never ends a lesson.
// Pure; time is an input (milliseconds from any steady clock).
#pragma once

#include <cstdint>
#include <optional>

namespace lectern {

inline constexpr std::uint64_t quit_confirm_window_ms = 2000;

struct QuitGuard {
    std::optional<std::uint64_t> armed_at_ms; // when the first press came

    // True when this press confirms the first; otherwise arms the guard.
    bool press(std::uint64_t now_ms);

    // Whether to show "press Esc again to quit" at this time.
    bool waiting_for_second_press(std::uint64_t now_ms) const;

    // When the hint should disappear, for the loop's next wake-up.
    std::optional<std::uint64_t> expires_at_ms() const;
};

} // namespace lectern
