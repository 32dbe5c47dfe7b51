// PresenterWindow: the teacher's panel in a window of its own, drawn with Dear ImGui 1.86 on an
// SDL_Renderer (one ImGui context per window, made current before every ImGui call). Shows the current
// and next slide as thumbnails drawn by the same SlideRenderer as the room's screen, the notes, the
// timer and pace, a slide list and the problems. It never touches the audience window.
// Implemented: thumbnails re-drawn only when the slide or the window size changes (and after render
//   resets), notes with **bold** and list items at an adjustable size, redraws on input (plus the few
//   frames ImGui needs to settle) and once a second for the clock; the deck's words (notes, slide titles,
//   options, written answers) in every script, through the slides' text stack (panel_text.h).
// Missing: the panel's own labels and buttons are English, in ImGui's Latin-only atlas.
#pragma once

#include "core/base/expected.h"
#include "core/compose/display_list.h"
#include "panel_view.h"
#include "render/font_catalog.h"
#include "render/slide_renderer.h"

#include <SDL2/SDL.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

struct ImGuiContext;

namespace lectern {

struct PanelFonts;
class PanelText;

class PresenterWindow {
public:
    // Opens a window filling `bounds` (a display's, or a window-sized rectangle); null with `error` on
    // failure.
    static Expected<std::unique_ptr<PresenterWindow>> open(SDL_Rect bounds, FontCatalog& catalog);
    ~PresenterWindow();
    PresenterWindow(const PresenterWindow&) = delete;
    PresenterWindow& operator=(const PresenterWindow&) = delete;

    std::uint32_t window_id() const { return SDL_GetWindowID(m_window); }
    SDL_Window* window() const { return m_window; }

    // Gives ImGui an event for this window. Returns true when the event was the panel's own (a click
    // on a button, typing) rather than input for the input map.
    bool process_event(const SDL_Event& event, std::uint64_t now_ms);

    // Makes the notes larger (steps > 0) or smaller, by a tenth of their size a step, within limits.
    void change_notes_size(int steps);

    // The slides to show as thumbnails; drawn again only when they change.
    void set_slides(const DisplayList& current, const DisplayList* next);

    // Draws a frame and presents it; returns what the teacher pressed.
    PanelActions frame(const PanelView& view);

    // When the panel next needs a frame: a frame after input, else at the clock's next second.
    std::uint64_t next_frame_ms() const;

    // After SDL_RENDER_TARGETS_RESET or SDL_RENDER_DEVICE_RESET of this window's renderer.
    void reset_textures(bool device_lost);

    // For tests: the thumbnail textures (null until the first frame).
    SDL_Texture* current_thumbnail() const { return m_current_thumbnail; }
    SDL_Texture* next_thumbnail() const { return m_next_thumbnail; }
    SDL_Renderer* renderer() const { return m_renderer; }
    // Draws the thumbnails; its picture cache is set up by the presentation (decoding in background).
    SlideRenderer& slide_renderer() { return *m_slides; }
    // For tests: the deck's text the last frame drew, and where.
    PanelText& text() { return *m_text; }

private:
    PresenterWindow(SDL_Window* window, SDL_Renderer* renderer, FontCatalog& catalog);
    bool load_fonts(FontCatalog& catalog);
    void update_thumbnails(int width, int height);

    SDL_Window* m_window;
    SDL_Renderer* m_renderer;
    ImGuiContext* m_imgui = nullptr;
    std::unique_ptr<PanelFonts> m_fonts;
    std::unique_ptr<SlideRenderer> m_slides;
    std::unique_ptr<PanelText> m_text;
    DisplayList m_current;
    std::optional<DisplayList> m_next;
    bool m_thumbnails_stale = true;
    SDL_Texture* m_current_thumbnail = nullptr;
    SDL_Texture* m_next_thumbnail = nullptr;
    int m_thumbnail_w = 0;
    int m_thumbnail_h = 0;
    int m_settle_frames = 3; // ImGui needs a few frames after input before it can sleep
    std::uint64_t m_last_frame_ms = 0;
};

} // namespace lectern
