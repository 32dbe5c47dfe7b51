#include "slide_backdrop.h"

#include "mark_drawing.h"

#include <algorithm>

namespace lectern {

namespace {

// Draws into `target`, then back to where drawing went before.
class DrawingInto {
public:
    DrawingInto(SDL_Renderer* renderer, SDL_Texture* target)
        : m_renderer(renderer), m_before(SDL_GetRenderTarget(renderer)) {
        SDL_SetRenderTarget(renderer, target);
    }
    ~DrawingInto() { SDL_SetRenderTarget(m_renderer, m_before); }
    DrawingInto(const DrawingInto&) = delete;
    DrawingInto& operator=(const DrawingInto&) = delete;

private:
    SDL_Renderer* m_renderer;
    SDL_Texture* m_before;
};

SDL_Texture* make_target(SDL_Renderer* renderer, int w, int h) {
    SDL_Texture* texture =
        SDL_CreateTexture(renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, w, h);
    if (texture)
        SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_NONE); // copied opaque: nothing to blend
    return texture;
}

} // namespace

SlideBackdrop::SlideBackdrop(SDL_Renderer* renderer, SlideRenderer& slides)
    : m_renderer(renderer), m_slides(slides) {
}

SlideBackdrop::~SlideBackdrop() {
    destroy();
}

void SlideBackdrop::destroy() {
    if (m_bright)
        SDL_DestroyTexture(m_bright);
    if (m_dimmed)
        SDL_DestroyTexture(m_dimmed);
    m_bright = m_dimmed = nullptr;
    m_bright_current = m_dimmed_current = false;
}

void SlideBackdrop::forget(TexturesLost lost) {
    if (lost == TexturesLost::Entirely)
        m_bright = m_dimmed = nullptr;
    m_bright_current = m_dimmed_current = false;
}

bool SlideBackdrop::keep(const DisplayList& slide, const DisplayList& marks, std::size_t settled,
                         SDL_Rect viewport) {
    const bool same_settled =
        m_settled.size() == settled && std::equal(m_settled.begin(), m_settled.end(), marks.items.begin());
    if (m_bright_current && viewport.w == m_w && viewport.h == m_h && same_settled && slide == m_slide)
        return true;
    if (!m_bright || viewport.w != m_w || viewport.h != m_h) {
        destroy();
        if (SDL_RenderTargetSupported(m_renderer) != SDL_TRUE)
            return false;
        m_bright = make_target(m_renderer, viewport.w, viewport.h);
        if (!m_bright)
            return false;
        m_w = viewport.w;
        m_h = viewport.h;
    }
    {
        const DrawingInto into(m_renderer, m_bright);
        m_slides.draw(slide, viewport);
        m_slides.draw_over(marks, viewport, nullptr, 0, settled);
    }
    m_slide = slide;
    m_settled.assign(marks.items.begin(), marks.items.begin() + static_cast<std::ptrdiff_t>(settled));
    // A placeholder for a picture still being decoded will change: drawn again next frame.
    m_bright_current = !m_slides.pictures_pending();
    m_dimmed_current = false;
    return true;
}

bool SlideBackdrop::keep_dimmed(const Spotlight& spotlight, const DisplayList& marks, SDL_Rect viewport) {
    if (m_dimmed_current && m_dimmed && spotlight.dim == m_dim)
        return true;
    if (!m_dimmed)
        m_dimmed = make_target(m_renderer, m_w, m_h);
    if (!m_dimmed)
        return false;
    const DrawingInto into(m_renderer, m_dimmed);
    SDL_RenderCopy(m_renderer, m_bright, nullptr, nullptr);
    // What draw_spotlight dims, the slide as shown, each pixel blended as it blends it.
    const SDL_Rect area = whole_pixels(SlideRenderer::letterbox(marks, viewport));
    SDL_SetRenderDrawBlendMode(m_renderer, SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(m_renderer, spotlight.dim.r, spotlight.dim.g, spotlight.dim.b, spotlight.dim.a);
    SDL_RenderFillRect(m_renderer, &area);
    m_dim = spotlight.dim;
    m_dimmed_current = m_bright_current;
    return true;
}

void SlideBackdrop::draw(const DisplayList& slide, const DisplayList* marks, std::size_t settled,
                         SDL_Rect viewport, const Box* zoom) {
    settled = marks ? std::min(settled, marks->items.size()) : 0;
    const Spotlight* spotlight =
        marks && settled < marks->items.size() ? std::get_if<Spotlight>(&marks->items[settled]) : nullptr;
    // A zoom moves everything each frame; a pointer alone costs less than a copy of the screen.
    const bool worth_keeping = marks && !zoom && (settled > 0 || spotlight);
    if (!worth_keeping || !keep(slide, *marks, settled, viewport) ||
        (spotlight && !keep_dimmed(*spotlight, *marks, viewport))) {
        m_slides.draw(slide, viewport, zoom);
        if (marks)
            m_slides.draw_over(*marks, viewport, zoom);
        return;
    }
    if (!spotlight) {
        SDL_RenderCopy(m_renderer, m_bright, nullptr, &viewport);
        m_slides.draw_over(*marks, viewport, nullptr, settled);
        return;
    }
    SDL_RenderCopy(m_renderer, m_dimmed, nullptr, &viewport);
    const SDL_FRect area = SlideRenderer::letterbox(*marks, viewport);
    const SlideToScreen to_screen{area.w / marks->width, area.x, area.y};
    for (const SDL_Rect& row : spotlight_rows(*spotlight, to_screen, whole_pixels(area)))
        SDL_RenderCopy(m_renderer, m_bright, &row, &row);
    m_slides.draw_over(*marks, viewport, nullptr, settled + 1);
}

} // namespace lectern
