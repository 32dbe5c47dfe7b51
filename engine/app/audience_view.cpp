#include "audience_view.h"

#include "core/show/screen_timers.h"
#include "render/sdl_window.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <utility>
#include <variant>

namespace lectern {

namespace {

constexpr int windowed_width = 1280;
constexpr int windowed_height = 720;

SDL_Rect window_rect(const DisplayInfo& display, WindowMode mode) {
    if (mode == WindowMode::FullScreen)
        return display.bounds;
    return {display.bounds.x + (display.bounds.w - windowed_width) / 2,
            display.bounds.y + (display.bounds.h - windowed_height) / 2, windowed_width, windowed_height};
}

} // namespace

Expected<AudienceWindow> AudienceWindow::open(const DisplayInfo& display, WindowMode mode,
                                              const std::string& title) {
    // A borderless window at the display's bounds covers the screen at once; SDL's fullscreen-desktop
    // mode waits on the X server for hundreds of milliseconds (see the platform notes).
    const SDL_Rect rect = window_rect(display, mode);
    const Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI |
                         (mode == WindowMode::FullScreen ? SDL_WINDOW_BORDERLESS : SDL_WINDOW_RESIZABLE);
    const Expected<WindowAndRenderer> opened = open_window(title, rect, flags, "the audience window");
    if (!opened)
        return Failure{opened.error()};
    return AudienceWindow(opened->window, opened->renderer, mode);
}

AudienceWindow::AudienceWindow(AudienceWindow&& other) noexcept
    : m_window(std::exchange(other.m_window, nullptr)), m_renderer(std::exchange(other.m_renderer, nullptr)),
      m_mode(other.m_mode) {
}

AudienceWindow::~AudienceWindow() {
    if (m_renderer)
        SDL_DestroyRenderer(m_renderer);
    if (m_window)
        SDL_DestroyWindow(m_window);
}

AudienceView::AudienceView(AudienceWindow window, FontCatalog& catalog)
    : m_window(std::exchange(window.m_window, nullptr)),
      m_renderer(std::exchange(window.m_renderer, nullptr)), m_mode(window.m_mode),
      m_slides(std::make_unique<SlideRenderer>(m_renderer, catalog)),
      m_backdrop(std::make_unique<SlideBackdrop>(m_renderer, *m_slides)) {
    if (const char* record = std::getenv("LECTERN_RECORD_FRAMES"))
        m_record_frames_to = record;
}

AudienceView::~AudienceView() {
    m_backdrop.reset(); // their textures go before the renderer
    m_slides.reset();
    SDL_DestroyRenderer(m_renderer);
    SDL_DestroyWindow(m_window);
}

SDL_Rect AudienceView::output() const {
    SDL_Rect whole{0, 0, 0, 0};
    SDL_GetRendererOutputSize(m_renderer, &whole.w, &whole.h);
    return whole;
}

void AudienceView::show(const DisplayList& slide, bool fade, std::uint64_t now_ms) {
    m_fade_duration_ms = 0;
    m_outgoing = {};
    if (fade && !m_list.items.empty()) {
        const Fade from_key = Fade::from_key_at(now_ms, fade_duration_ms);
        m_fade_started_ms = from_key.started_ms;
        m_fade_duration_ms = from_key.duration_ms;
        m_fade_plan = plan_cross_fade(m_list, slide);
        m_outgoing = std::move(m_list);
    }
    m_list = slide;
    ++m_shows;
    // Drawn afresh: the same list after a reload may show pictures that changed on disk.
    m_backdrop->forget(TexturesLost::ContentsOnly);
}

DrawResult AudienceView::prepare(const DisplayList& slide) {
    if (slide != m_preparing) {
        m_preparing = slide;
        m_prepared_items = 0;
        m_prepared_pending = false;
    }
    // Up to and including the next item with text or a picture: boxes cost nothing to prepare.
    std::size_t end = m_prepared_items;
    while (end < slide.items.size() && !std::holds_alternative<TextRun>(slide.items[end]) &&
           !std::holds_alternative<Picture>(slide.items[end]))
        ++end;
    end = std::min(end + 1, slide.items.size());
    m_prepared_pending = m_slides->warm(slide, output(), m_prepared_items, end) || m_prepared_pending;
    m_prepared_items = end;
    if (m_prepared_items < slide.items.size())
        return DrawResult::More;
    return m_prepared_pending ? DrawResult::WaitingForPictures : DrawResult::Done;
}

bool AudienceView::fading(std::uint64_t now_ms) const {
    return Fade{m_fade_started_ms, m_fade_duration_ms}.running(now_ms);
}

void AudienceView::finish_fade() {
    m_fade_duration_ms = 0;
}

std::optional<Point> AudienceView::slide_point(int window_x, int window_y) const {
    int window_w = 0;
    int window_h = 0;
    SDL_GetWindowSize(m_window, &window_w, &window_h);
    const SDL_Rect whole = output();
    if (window_w <= 0 || window_h <= 0 || whole.w <= 0)
        return std::nullopt;
    // Output pixels may be more than window points (a high-density screen).
    const float x = static_cast<float>(window_x) * static_cast<float>(whole.w) / static_cast<float>(window_w);
    const float y = static_cast<float>(window_y) * static_cast<float>(whole.h) / static_cast<float>(window_h);
    const SDL_FRect slide = SlideRenderer::letterbox(m_list, whole);
    if (slide.w <= 0 || x < slide.x || y < slide.y || x > slide.x + slide.w || y > slide.y + slide.h)
        return std::nullopt;
    const float scale = m_list.width / slide.w;
    return Point{(x - slide.x) * scale, (y - slide.y) * scale};
}

void AudienceView::present(std::uint64_t now_ms, Blank blank, const DisplayList* overlay,
                           const MarksFrame* marks) {
    const SDL_Rect whole = output();
    m_shown_progress = Fade{m_fade_started_ms, m_fade_duration_ms}.progress(now_ms);
    if (blank != Blank::None) {
        const Uint8 level = blank == Blank::White ? 255 : 0;
        SDL_SetRenderDrawColor(m_renderer, level, level, level, 255);
        SDL_RenderClear(m_renderer);
    } else {
        const Box* zoom = marks && marks->zoom ? &*marks->zoom : nullptr;
        const bool with_marks = marks && marks->marks;
        const bool cross_fading = m_shown_progress < 1.0f && !m_outgoing.items.empty();
        const CrossFadeFrame fade =
            cross_fading ? cross_fade_frame(m_fade_plan, m_shown_progress, with_marks) : CrossFadeFrame{};
        if (with_marks)
            m_backdrop->draw(m_list, &*marks->marks, marks->settled, whole, zoom);
        else
            m_slides->draw(m_list, whole, zoom, fade.to_opacity);
        if (cross_fading)
            m_slides->draw_fading_out(m_outgoing, whole, zoom, fade.from_ground, fade.from_opacity);
    }
    if (overlay)
        m_slides->draw_over(*overlay, whole);
    ++m_frames;
    if (!m_record_frames_to.empty())
        record_frame(whole);
    SDL_RenderPresent(m_renderer);
    if (m_shown_progress >= 1.0f)
        m_outgoing = {}; // nothing kept between fades
}

void AudienceView::record_frame(SDL_Rect whole) {
    SDL_Surface* frame = SDL_CreateRGBSurfaceWithFormat(0, whole.w, whole.h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!frame)
        return;
    if (SDL_RenderReadPixels(m_renderer, nullptr, SDL_PIXELFORMAT_ARGB8888, frame->pixels, frame->pitch) ==
        0) {
        char name[64];
        std::snprintf(name, sizeof name, "/frame-%06llu-%06llu.bmp", static_cast<unsigned long long>(m_shows),
                      static_cast<unsigned long long>(m_frames));
        SDL_SaveBMP(frame, (m_record_frames_to + name).c_str());
    }
    SDL_FreeSurface(frame);
}

void AudienceView::refresh() {
    forget_prepared(); // sizes change with the output: prepared again at the new size
    ++m_textures_generation;
    m_fade_duration_ms = 0;
    m_backdrop->forget(TexturesLost::ContentsOnly);
    m_outgoing = {};
}

void AudienceView::reset_device() {
    m_slides->reset_textures();
    m_backdrop->forget(TexturesLost::Entirely);
    refresh();
}

void AudienceView::move_to(const DisplayInfo& display) {
    const SDL_Rect rect = window_rect(display, m_mode);
    SDL_SetWindowPosition(m_window, rect.x, rect.y);
    SDL_SetWindowSize(m_window, rect.w, rect.h);
    refresh();
}

void AudienceView::set_mode(WindowMode mode, const DisplayInfo& display) {
    m_mode = mode;
    SDL_SetWindowBordered(m_window, mode == WindowMode::Windowed ? SDL_TRUE : SDL_FALSE);
    SDL_SetWindowResizable(m_window, mode == WindowMode::Windowed ? SDL_TRUE : SDL_FALSE);
    move_to(display);
}

} // namespace lectern
