// AudienceView: the window the room sees. Owns the SDL window and renderer, draws the current slide
// straight into the window (the fastest path from key to screen; the views a key would show next have
// their text rasterised and pictures decoded ahead, prepare(), so that draw only copies textures),
// cross-fades from the previous slide item by item (core/compose/cross_fade.h: no picture of the old slide
// is taken, so a fade's first frame costs about what a cut's does; with ink or the spotlight the slide is
// kept in a texture, slide_backdrop.h), blanks to black or white, and draws small overlays (the typed
// slide number, "press Esc again to quit").
// Implemented: borderless window at a display's bounds (fast to appear, no desktop showing), windowed
//   mode, moving to another display, resize and render-target/device resets, a hidden pointer.
// For tests: with LECTERN_RECORD_FRAMES=DIR in the environment, every frame presented is also written to
// DIR/frame-S-F.bmp (S: how many pictures show() was given so far, F: frames so far, both 6 digits), so a
// test can look at the very frame after a key.
// Missing: the presenter panel (a second window, see presenter_panel), vsync-paced animation beyond the
//   fade.
#pragma once

#include "core/base/expected.h"
#include "core/compose/cross_fade.h"
#include "core/compose/display_list.h"
#include "core/show/navigation.h"
#include "core/show/slides_ahead.h"
#include "render/display_choice.h"
#include "render/font_catalog.h"
#include "render/slide_backdrop.h"
#include "render/slide_renderer.h"

#include <SDL2/SDL.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace lectern {

enum class WindowMode { FullScreen, Windowed };

// The audience's window and its renderer, opened before the fonts are ready: X and GL take about 100 ms
// of one core at a start, while the fonts are found and the first slide measured on the other
// (Presentation::run). Owns both until an AudienceView takes them.
class AudienceWindow {
public:
    // Opens the window on `display`; a Failure says why it could not.
    static Expected<AudienceWindow> open(const DisplayInfo& display, WindowMode mode,
                                         const std::string& title);
    AudienceWindow(AudienceWindow&& other) noexcept;
    AudienceWindow& operator=(AudienceWindow&&) = delete;
    AudienceWindow(const AudienceWindow&) = delete;
    AudienceWindow& operator=(const AudienceWindow&) = delete;
    ~AudienceWindow();

private:
    friend class AudienceView;
    AudienceWindow(SDL_Window* window, SDL_Renderer* renderer, WindowMode mode)
        : m_window(window), m_renderer(renderer), m_mode(mode) {}

    SDL_Window* m_window = nullptr;
    SDL_Renderer* m_renderer = nullptr;
    WindowMode m_mode = WindowMode::FullScreen;
};

// The teacher's marks that belong to the slide (ink, spotlight, pointer) and the part of the slide a zoom
// shows; both in slide units (core/compose/marks_composer.h).
struct MarksFrame {
    std::optional<DisplayList> marks;
    std::size_t settled = 0; // the first items of `marks` that change only with the ink (settled_ink_items)
    std::optional<Box> zoom;
};

class AudienceView {
public:
    // Draws in `window` with `catalog`'s fonts; `catalog` must outlive the view.
    AudienceView(AudienceWindow window, FontCatalog& catalog);
    ~AudienceView();
    AudienceView(const AudienceView&) = delete;
    AudienceView& operator=(const AudienceView&) = delete;

    std::uint32_t window_id() const { return SDL_GetWindowID(m_window); }
    SDL_Window* window() const { return m_window; }
    WindowMode mode() const { return m_mode; }

    // Shows a new picture; with `fade`, the previous one fades out until fade_duration_ms after now_ms,
    // its first frame already a visible step in (Fade::from_key_at).
    void show(const DisplayList& slide, bool fade, std::uint64_t now_ms);

    // Prepares a little more of `slide` (a view a key would show next): the text of one item is
    // rasterised, or its picture decoded, into the renderer's caches (SlideRenderer::warm). More until
    // every item is; WaitingForPictures when a picture was still being decoded.
    DrawResult prepare(const DisplayList& slide);
    // Starts prepare() afresh (a reload: pictures may have changed on disk, and the cache was emptied).
    void forget_prepared() { m_preparing = {}; }
    // Counts refresh() and reset_device(): sizes and caches changed, so views are prepared again.
    std::uint64_t textures_generation() const { return m_textures_generation; }

    // Draws the frame at `now_ms` and presents it: the slide (zoomed with `marks`' zoom), the marks over
    // it, zoomed with it, then `overlay` over the screen.
    void present(std::uint64_t now_ms, Blank blank, const DisplayList* overlay,
                 const MarksFrame* marks = nullptr);
    // Where a point of the window (as SDL's mouse events give it) is on the slide, in slide units,
    // as if it were not zoomed; nothing outside the slide.
    std::optional<Point> slide_point(int window_x, int window_y) const;

    bool fading(std::uint64_t now_ms) const;
    // Whether the screen is behind: a fade is running or the last frame shown was taken mid-fade.
    bool needs_frame(std::uint64_t now_ms) const { return fading(now_ms) || m_shown_progress < 1.0f; }
    void finish_fade();

    // After a resize, a display change or lost render targets: redraw the frame textures.
    void refresh();
    // After SDL_RENDER_DEVICE_RESET: every texture is gone.
    void reset_device();

    void move_to(const DisplayInfo& display);
    void set_mode(WindowMode mode, const DisplayInfo& display);

    SlideRenderer& slide_renderer() { return *m_slides; }
    // The slide on show (for what is drawn over it).
    const DisplayList& slide() const { return m_list; }

private:
    SDL_Rect output() const;
    // Writes the frame about to be presented to m_record_frames_to.
    void record_frame(SDL_Rect whole);

    SDL_Window* m_window;
    SDL_Renderer* m_renderer;
    WindowMode m_mode;
    std::unique_ptr<SlideRenderer> m_slides;
    std::unique_ptr<SlideBackdrop> m_backdrop; // the slide and its ink kept while marks move over it
    DisplayList m_list;     // the slide on show, drawn each frame (its text and pictures are cached)
    DisplayList m_outgoing; // the slide fading out, while a fade runs
    CrossFadePlan m_fade_plan;
    std::uint64_t m_fade_started_ms = 0;
    std::uint64_t m_fade_duration_ms = 0;
    float m_shown_progress = 1.0f;    // of the fade, in the last frame presented
    DisplayList m_preparing;          // the view prepare() was given last
    std::size_t m_prepared_items = 0; // how many of its items are in the caches
    bool m_prepared_pending = false;  // a picture of it was still being decoded
    std::string m_record_frames_to;   // LECTERN_RECORD_FRAMES, for tests; "" for none
    std::uint64_t m_shows = 0;
    std::uint64_t m_textures_generation = 0;
    std::uint64_t m_frames = 0;
};

} // namespace lectern
