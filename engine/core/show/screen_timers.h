// Timers of the audience screen: the fade between slides and hiding the mouse pointer when still.
// Pure; time is an input (milliseconds from a steady clock). The app asks each for its next deadline
// and sleeps until then, so an idle presentation wakes for nothing.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>

namespace lectern {

inline constexpr std::uint64_t fade_duration_ms = 200; // at most 250 ms, by design
inline constexpr std::uint64_t cursor_hide_after_ms = 2000;
// A fade's first frame is already this far in (one 60 Hz frame): the frame after a key differs visibly
// from the slide before it, and the fade still ends fade_duration_ms after the key.
inline constexpr std::uint64_t fade_first_step_ms = 17;

// A cross-fade from the previous picture to the current one.
struct Fade {
    std::uint64_t started_ms = 0;
    std::uint64_t duration_ms = 0; // 0: no fade (the deck chose transition = "none", or none is running)

    static Fade starting_at(std::uint64_t now_ms, std::uint64_t duration_ms) { return {now_ms, duration_ms}; }
    // A fade from a key at `now_ms` whose first frame, drawn now, is one step in (fade_first_step_ms).
    static Fade from_key_at(std::uint64_t now_ms, std::uint64_t duration_ms) {
        return {now_ms - std::min(now_ms, fade_first_step_ms), duration_ms};
    }
    // 0 at the start, 1 when finished.
    float progress(std::uint64_t now_ms) const;
    bool running(std::uint64_t now_ms) const { return progress(now_ms) < 1.0f; }
    // Any input finishes a fade at once, so a fade never delays the next key.
    void finish() { duration_ms = 0; }
};

// Shows the pointer while it moves and hides it 2 s after it stops.
struct CursorHider {
    std::uint64_t last_motion_ms = 0;
    bool moved_ever = false;

    void moved(std::uint64_t now_ms) {
        last_motion_ms = now_ms;
        moved_ever = true;
    }
    bool visible(std::uint64_t now_ms) const {
        return moved_ever && now_ms - last_motion_ms < cursor_hide_after_ms;
    }
    std::optional<std::uint64_t> hide_at_ms(std::uint64_t now_ms) const {
        if (!visible(now_ms))
            return std::nullopt;
        return last_motion_ms + cursor_hide_after_ms;
    }
};

} // namespace lectern
