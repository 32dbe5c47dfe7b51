// SlideMarks: what the teacher adds to the slide on show, over it and for the session only: the large
// pointer (H), the spotlight (S), the zoom (Z), the pen's ink (D, with C, U, E) and the slide's
// countdown (T, Shift+T). One state machine for all of them, so the keys agree: spotlight, zoom and pen
// exclude each other, Esc ends whichever is on before it may quit, and a kiosk never gets here (its input
// map binds none of these keys). Positions are in slide units, so nothing moves when the window is
// resized, letterboxed or moved to another display. Pure; time is an input.
#pragma once

#include "core/input/presenter_command.h"
#include "countdown.h"
#include "ink.h"

#include <cstdint>
#include <optional>

namespace lectern {

enum class MarkMode { None, Spotlight, Zoom, Pen };

inline constexpr double spotlight_default_radius = 220; // slide units (1080 high)
inline constexpr double spotlight_min_radius = 80;
inline constexpr double spotlight_max_radius = 600;
inline constexpr double zoom_default = 2.0;
inline constexpr double zoom_min = 1.5;
inline constexpr double zoom_max = 4.0;

class SlideMarks {
public:
    // The view on screen changed. A new slide (not a build step of the same one) starts its countdown
    // afresh, or has none; `countdown_seconds` is the slide's `countdown`. The pen lifts.
    void show_slide(const InkPlace& place, std::optional<int> countdown_seconds, std::uint64_t now_ms);

    // H, S, Z, D, C, U, E, T, Shift+T; false for any other command (it goes on to navigation).
    bool apply(PresenterCommand command, std::uint64_t now_ms);
    // Esc: ends the spotlight, the zoom or the pen; false when none is on (then Esc quits as ever).
    bool escape();

    // The mouse or a touch moved to `at` (slide units); with the pen down it draws.
    void move_to(InkPoint at);
    // The left button or a touch went down at `at`: in pen mode a stroke begins (true); else false, and
    // the click goes on to navigation.
    bool press(InkPoint at);
    void release();
    // A wheel turn of `steps` (up positive): in spotlight or zoom mode it sizes the circle or the zoom
    // (true); else false.
    bool wheel(int steps);

    bool pointer_shown() const { return m_pointer_shown; }
    InkPoint pointer() const { return m_pointer; }
    MarkMode mode() const { return m_mode; }
    double spotlight_radius() const { return m_spotlight_radius; }
    double zoom() const { return m_zoom; }
    std::size_t colour() const { return m_colour; }
    const InkPlace& place() const { return m_place; }
    const InkBook& ink() const { return m_ink; }
    void set_ink(InkBook ink) { m_ink = std::move(ink); }
    const std::optional<Countdown>& countdown() const { return m_countdown; }
    // Pause and Restart on the panel (as T and Shift+T).
    void pause_countdown(std::uint64_t now_ms);
    void restart_countdown(std::uint64_t now_ms);

    // When the picture next changes by itself (the countdown's next second or pulse frame).
    std::optional<std::uint64_t> next_change_ms(std::uint64_t now_ms) const;

private:
    void toggle(MarkMode mode);

    bool m_pointer_shown = false;
    InkPoint m_pointer{960, 540};
    MarkMode m_mode = MarkMode::None;
    double m_spotlight_radius = spotlight_default_radius;
    double m_zoom = zoom_default;
    std::size_t m_colour = 0;
    InkPlace m_place;
    InkBook m_ink;
    std::optional<Countdown> m_countdown;
};

} // namespace lectern
