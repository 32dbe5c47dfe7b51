#include "offscreen_canvas.h"

namespace lectern {

Expected<std::unique_ptr<OffscreenCanvas>> OffscreenCanvas::create(int width, int height,
                                                                   FontCatalog& catalog) {
    SurfacePtr surface(SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888));
    SDL_Renderer* renderer = surface ? SDL_CreateSoftwareRenderer(surface.get()) : nullptr;
    if (!renderer)
        return Failure{std::string("cannot make a ") + std::to_string(width) + "x" + std::to_string(height) +
                       " picture to draw on: " + SDL_GetError()};
    return std::unique_ptr<OffscreenCanvas>(new OffscreenCanvas(std::move(surface), renderer, catalog));
}

OffscreenCanvas::OffscreenCanvas(SurfacePtr surface, SDL_Renderer* renderer, FontCatalog& catalog)
    : m_surface(std::move(surface)), m_renderer(renderer),
      m_slides(std::make_unique<SlideRenderer>(renderer, catalog)) {
}

OffscreenCanvas::~OffscreenCanvas() {
    m_slides.reset(); // its textures go before the renderer
    SDL_DestroyRenderer(m_renderer);
}

void OffscreenCanvas::draw(const DisplayList& list, const DisplayList* over, const Box* shown) {
    m_slides->draw(list, {0, 0, m_surface->w, m_surface->h}, shown);
    if (over)
        m_slides->draw_over(*over, {0, 0, m_surface->w, m_surface->h}, shown);
    SDL_RenderPresent(m_renderer);
}

Expected<void> OffscreenCanvas::save_png(const std::filesystem::path& file) {
    return m_png.write(*m_surface, file);
}

Expected<std::string> OffscreenCanvas::png() {
    return m_png.encode(*m_surface);
}

} // namespace lectern
