// PanelBridge: the presentation's side of the teacher's presenter panel. Decides where the panel opens
// (the display the slides are not on; with one display only when asked), owns its window and the
// teacher's timer, gives it the events of its window, fills what it shows each frame (the time, the
// pace, the problems) and applies its own actions (the timer's buttons); the rest go back to the
// presentation.
#pragma once

#include "core/show/presenter_clock.h"
#include "panel/presenter_window.h"
#include "render/display_choice.h"
#include "render/font_catalog.h"

#include <SDL2/SDL.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lectern {

// Whether the teacher's panel opens: by default only when there is a second display for it, so a
// laptop mirrored to a projector never shows the notes to the room.
enum class PanelChoice { Auto, On, Off };

// What became of an event given to the panel.
enum class PanelEvent {
    NotThePanels, // for the audience window or the whole program
    Taken,        // the panel's own: a click on a button, a size change, closing it
    Key,          // a key typed in the panel: it works as in the audience window
};

class PanelBridge {
public:
    // Opens the panel as `choice` and `display` ("" = the first display the audience is not on) say,
    // given the displays and the one the audience is on. When it cannot open, the show goes on without.
    void open(PanelChoice choice, const std::string& display, const std::vector<DisplayInfo>& displays,
              const DisplayInfo& audience, FontCatalog& catalog);
    // Closing the panel leaves the show running.
    void close() { m_window.reset(); }
    bool is_open() const { return m_window != nullptr; }

    // The panel's thumbnails decode pictures as the room's screen does (see ImageCache).
    void decode_pictures_in_background(int wait_ms, std::function<void()> wake);

    PanelEvent handle(const SDL_Event& event, std::uint64_t now_ms);

    void start_timer(std::uint64_t now_ms) { m_stopwatch = Stopwatch::started_at(now_ms); }
    // The teacher's timer, which runs (and can be paused on the panel) whether the panel is open or not.
    const Stopwatch& stopwatch() const { return m_stopwatch; }
    void change_notes_size(int steps);
    void set_slides(const DisplayList& current, const DisplayList* next);

    // When the panel next needs a frame; nothing while it is closed.
    std::optional<std::uint64_t> next_frame_ms() const;
    // Draws a frame of `view` with the timer, the clock and the pace filled in, applies the timer's
    // buttons and returns the rest of what the teacher pressed.
    PanelActions draw(PanelView view, std::uint64_t now_ms);

private:
    std::unique_ptr<PresenterWindow> m_window;
    Stopwatch m_stopwatch;
};

} // namespace lectern
