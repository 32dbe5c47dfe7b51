#include "offscreen_canvas.h"

#include <SDL2/SDL_image.h>

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

void OffscreenCanvas::draw(const DisplayList& list) {
    m_slides->draw(list, {0, 0, m_surface->w, m_surface->h});
    SDL_RenderPresent(m_renderer);
}

Expected<void> OffscreenCanvas::save_png(const std::filesystem::path& file) {
    if (IMG_SavePNG(m_surface.get(), file.c_str()) != 0)
        return Failure{IMG_GetError()};
    return {};
}

namespace {

// An SDL_RWops that appends what is written to a string: SDL_image writes PNGs only through these.
SDL_RWops* appending_to(std::string& bytes) {
    SDL_RWops* out = SDL_AllocRW();
    if (!out)
        return nullptr;
    out->type = SDL_RWOPS_UNKNOWN;
    out->hidden.unknown.data1 = &bytes;
    out->size = [](SDL_RWops* rw) -> Sint64 {
        return static_cast<Sint64>(static_cast<std::string*>(rw->hidden.unknown.data1)->size());
    };
    out->seek = [](SDL_RWops* rw, Sint64 offset, int whence) -> Sint64 {
        const auto size = static_cast<Sint64>(static_cast<std::string*>(rw->hidden.unknown.data1)->size());
        // Only asking where the end is, as a writer may: the string is written in order.
        return whence == RW_SEEK_END || (whence == RW_SEEK_CUR && offset == 0) ? size + offset : -1;
    };
    out->read = [](SDL_RWops*, void*, std::size_t, std::size_t) -> std::size_t {
        return 0;
    };
    out->write = [](SDL_RWops* rw, const void* data, std::size_t size, std::size_t count) -> std::size_t {
        static_cast<std::string*>(rw->hidden.unknown.data1)
            ->append(static_cast<const char*>(data), size * count);
        return count;
    };
    out->close = [](SDL_RWops* rw) -> int {
        SDL_FreeRW(rw);
        return 0;
    };
    return out;
}

} // namespace

Expected<std::string> OffscreenCanvas::png() const {
    std::string bytes;
    SDL_RWops* out = appending_to(bytes);
    if (!out)
        return Failure{SDL_GetError()};
    if (IMG_SavePNG_RW(m_surface.get(), out, 1) != 0) // 1: it closes `out`
        return Failure{IMG_GetError()};
    return bytes;
}

} // namespace lectern
