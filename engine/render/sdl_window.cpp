#include "sdl_window.h"

namespace lectern {

Expected<WindowAndRenderer> open_window(const std::string& title, SDL_Rect rect, Uint32 flags,
                                        const std::string& what) {
    SDL_Window* window =
        SDL_CreateWindow(title.c_str(), rect.x, rect.y, rect.w, rect.h, flags | SDL_WINDOW_OPENGL);
    if (!window) // no GL here: the software renderer still works
        window = SDL_CreateWindow(title.c_str(), rect.x, rect.y, rect.w, rect.h, flags);
    if (!window)
        return Failure{"cannot open " + what + ": " + SDL_GetError()};
    SDL_Renderer* renderer = SDL_CreateRenderer(window, -1, SDL_RENDERER_TARGETTEXTURE);
    if (!renderer)
        renderer = SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE | SDL_RENDERER_TARGETTEXTURE);
    if (!renderer) {
        Failure failure{"cannot draw in " + what + ": " + SDL_GetError()};
        SDL_DestroyWindow(window);
        return failure;
    }
    return WindowAndRenderer{window, renderer};
}

} // namespace lectern
