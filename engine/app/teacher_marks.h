// TeacherMarks: the app's side of the teacher's marks (core/show/slide_marks.h): the audience window's
// mouse and touches turned into slide units, the marks composed for each frame
// (core/compose/marks_composer.h), the countdown's wake-ups, and the session's ink saved when the
// teacher asks (the panel's "Save ink...", a small JSON file beside the deck; nothing is saved otherwise).
// The presentation conducts it: it passes the audience window's events here before the input map, and
// its mark commands (H, S, Z, D, C, U, E, T, Shift+T, and Esc while a mode is on).
#pragma once

#include "audience_view.h"
#include "core/base/expected.h"
#include "core/deck/deck.h"
#include "core/show/navigation.h"
#include "core/show/slide_marks.h"
#include "core/text/text_measurer.h"

#include <SDL2/SDL.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace lectern {

// What an event of the audience window did to the marks.
enum class MarkInput {
    Ignored, // not the marks' (a click that moves on, a wheel that turns pages): it goes to the input map
    Taken,   // the marks' (a pen stroke, a wheel sizing the spotlight); the screen may need drawing
};

class TeacherMarks {
public:
    // After every change of view (slide, build step, reload): the ink and countdown follow it.
    void show_view(const Deck& deck, const NavState& nav, std::uint64_t now_ms);
    // A mark command; false when `command` is not one (it goes on to navigation).
    bool apply(PresenterCommand command, std::uint64_t now_ms) { return m_marks.apply(command, now_ms); }
    // Esc: true when it ended the spotlight, zoom or pen (and must not count towards quitting).
    bool escape() { return m_marks.escape(); }
    // Mouse motion, buttons and wheel of the audience window.
    MarkInput handle(const SDL_Event& event, const AudienceView& view);
    // Whether what the marks show moved since the last frame (the pointer, a stroke, the countdown).
    bool behind(std::uint64_t now_ms) const;

    // This frame's marks over `slide`, and the countdown over the screen (added to `overlay`).
    MarksFrame frame(const DisplayList& slide, const Theme& theme);
    void add_countdown(const DisplayList& slide, const Theme& theme, TextMeasurer& measurer,
                       std::uint64_t now_ms, DisplayList& overlay);
    // After drawing a frame at `now_ms`.
    void drawn(std::uint64_t now_ms);
    std::optional<std::uint64_t> wake_at_ms(std::uint64_t now_ms) const;

    const SlideMarks& marks() const { return m_marks; }
    void pause_countdown(std::uint64_t now_ms) { m_marks.pause_countdown(now_ms); }
    void restart_countdown(std::uint64_t now_ms) { m_marks.restart_countdown(now_ms); }
    // "Save ink...": the session's ink as JSON at ink_file_for(deck); ink_status() then says where, or
    // why it could not.
    void save_ink(const std::filesystem::path& deck_path);
    const std::string& ink_status() const { return m_ink_status; }

private:
    SlideMarks m_marks;
    std::optional<Box> m_corner; // of the countdown on this view, found once
    bool m_moved = true;         // something the marks show changed since the last frame
    std::optional<std::uint64_t> m_next_change_ms;
    std::string m_ink_status;
};

// Where "Save ink..." writes the ink of `deck`: beside it, "lesson.toml" -> "lesson.ink.json".
std::filesystem::path ink_file_for(const std::filesystem::path& deck_path);

} // namespace lectern
