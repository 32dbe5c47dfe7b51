// SdlHandles: unique_ptr aliases that free SDL surfaces and textures, so no path leaks one. SDL adapter only.
#pragma once

#include <SDL.h>

#include <memory>

namespace lectern {

struct SurfaceDeleter {
    void operator()(SDL_Surface* surface) const { SDL_FreeSurface(surface); }
};
using SurfacePtr = std::unique_ptr<SDL_Surface, SurfaceDeleter>;

// A texture must go before the renderer that made it (SDL_DestroyRenderer frees its textures itself).
struct TextureDeleter {
    void operator()(SDL_Texture* texture) const { SDL_DestroyTexture(texture); }
};
using TexturePtr = std::unique_ptr<SDL_Texture, TextureDeleter>;

} // namespace lectern
