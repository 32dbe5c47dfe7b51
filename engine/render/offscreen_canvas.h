// OffscreenCanvas: a picture in memory that slides are drawn on with SDL's software renderer, and saved
// as PNG: no display, window or GL needed. Used by `lectern render` and `lectern results --png`.
#pragma once

#include "core/base/expected.h"
#include "core/compose/display_list.h"
#include "font_catalog.h"
#include "png_encoder.h"
#include "sdl_handles.h"
#include "slide_renderer.h"

#include <filesystem>
#include <memory>
#include <string>

namespace lectern {

class OffscreenCanvas {
public:
    // A Failure when SDL cannot make the picture, saying why.
    static Expected<std::unique_ptr<OffscreenCanvas>> create(int width, int height, FontCatalog& catalog);
    ~OffscreenCanvas();
    OffscreenCanvas(const OffscreenCanvas&) = delete;
    OffscreenCanvas& operator=(const OffscreenCanvas&) = delete;

    // `list`, and `over` over it (a session's ink) when given; with `shown`, only that part of the
    // slide, zoomed to fill the picture (as SlideRenderer::draw).
    void draw(const DisplayList& list, const DisplayList* over = nullptr, const Box* shown = nullptr);
    Expected<void> save_png(const std::filesystem::path& file);
    // The picture as the bytes of a PNG file (the teacher's remote asks for slides over the network).
    Expected<std::string> png();

    SlideRenderer& slides() { return *m_slides; }
    SDL_Surface* surface() const { return m_surface.get(); }

private:
    OffscreenCanvas(SurfacePtr surface, SDL_Renderer* renderer, FontCatalog& catalog);

    SurfacePtr m_surface;
    SDL_Renderer* m_renderer;
    std::unique_ptr<SlideRenderer> m_slides;
    PngEncoder m_png; // its buffers kept from one slide to the next
};

} // namespace lectern
