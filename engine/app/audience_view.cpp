#include "audience_view.h"

#include "core/screen_timers.h"
#include "render/sdl_window.h"

#include <utility>

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

std::unique_ptr<AudienceView> AudienceView::open(const DisplayInfo& display, WindowMode mode,
                                                 const std::string& title, FontCatalog& catalog,
                                                 std::string& error) {
    // A borderless window at the display's bounds covers the screen at once; SDL's fullscreen-desktop
    // mode waits on the X server for hundreds of milliseconds (see the platform notes).
    const SDL_Rect rect = window_rect(display, mode);
    const Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI |
                         (mode == WindowMode::FullScreen ? SDL_WINDOW_BORDERLESS : SDL_WINDOW_RESIZABLE);
    const auto [window, renderer] = open_window(title, rect, flags, "the audience window", error);
    if (!window)
        return nullptr;
    std::unique_ptr<AudienceView> view(new AudienceView(window, renderer, mode, catalog));
    view->make_frames();
    return view;
}

AudienceView::AudienceView(SDL_Window* window, SDL_Renderer* renderer, WindowMode mode, FontCatalog& catalog)
    : m_window(window), m_renderer(renderer), m_mode(mode),
      m_slides(std::make_unique<SlideRenderer>(renderer, catalog)) {
}

AudienceView::~AudienceView() {
    m_slides.reset(); // its textures go before the renderer
    if (m_current)
        SDL_DestroyTexture(m_current);
    if (m_previous)
        SDL_DestroyTexture(m_previous);
    SDL_DestroyRenderer(m_renderer);
    SDL_DestroyWindow(m_window);
}

void AudienceView::make_frames() {
    if (m_current)
        SDL_DestroyTexture(m_current);
    if (m_previous)
        SDL_DestroyTexture(m_previous);
    SDL_GetRendererOutputSize(m_renderer, &m_frame_w, &m_frame_h);
    m_current = SDL_CreateTexture(m_renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, m_frame_w,
                                  m_frame_h);
    m_previous = SDL_CreateTexture(m_renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, m_frame_w,
                                   m_frame_h);
    if (m_previous)
        SDL_SetTextureBlendMode(m_previous, SDL_BLENDMODE_BLEND);
    if (m_current)
        SDL_SetTextureBlendMode(m_current, SDL_BLENDMODE_BLEND);
}

void AudienceView::draw_into(SDL_Texture* target, const DisplayList& list) {
    SDL_SetRenderTarget(m_renderer, target);
    m_slides->draw(list, {0, 0, m_frame_w, m_frame_h});
    SDL_SetRenderTarget(m_renderer, nullptr);
}

void AudienceView::show(const DisplayList& slide, bool fade, std::uint64_t now_ms) {
    if (fade && m_previous && m_current) {
        std::swap(m_current, m_previous);
        m_fade_started_ms = now_ms;
        m_fade_duration_ms = fade_duration_ms;
    } else {
        m_fade_duration_ms = 0;
    }
    m_list = slide;
    draw_into(m_current, m_list);
}

bool AudienceView::fading(std::uint64_t now_ms) const {
    return Fade{m_fade_started_ms, m_fade_duration_ms}.running(now_ms);
}

void AudienceView::finish_fade() {
    m_fade_duration_ms = 0;
}

void AudienceView::present(std::uint64_t now_ms, Blank blank, const DisplayList* overlay) {
    const SDL_Rect whole{0, 0, m_frame_w, m_frame_h};
    m_shown_progress = Fade{m_fade_started_ms, m_fade_duration_ms}.progress(now_ms);
    SDL_SetRenderDrawBlendMode(m_renderer, SDL_BLENDMODE_NONE);
    if (blank != Blank::None) {
        const Uint8 level = blank == Blank::White ? 255 : 0;
        SDL_SetRenderDrawColor(m_renderer, level, level, level, 255);
        SDL_RenderClear(m_renderer);
    } else if (!m_current) {
        m_slides->draw(m_list, whole); // no render targets on this renderer: draw directly
    } else {
        const float progress = m_shown_progress;
        SDL_SetRenderDrawColor(m_renderer, 0, 0, 0, 255);
        SDL_RenderClear(m_renderer);
        if (progress < 1.0f) {
            SDL_SetTextureAlphaMod(m_previous, 255);
            SDL_RenderCopy(m_renderer, m_previous, nullptr, nullptr);
        }
        SDL_SetTextureAlphaMod(m_current, static_cast<Uint8>(255.0f * progress));
        SDL_RenderCopy(m_renderer, m_current, nullptr, nullptr);
    }
    if (overlay)
        m_slides->draw_over(*overlay, whole);
    SDL_RenderPresent(m_renderer);
}

void AudienceView::refresh() {
    make_frames();
    m_fade_duration_ms = 0;
    if (m_current)
        draw_into(m_current, m_list);
}

void AudienceView::reset_device() {
    m_slides->reset_textures();
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
