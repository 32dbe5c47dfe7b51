#include "sdl_window.h"

namespace lectern {

WindowAndRenderer open_window(const std::string& title, SDL_Rect rect, Uint32 flags, const std::string& what,
                              std::string& error) {
    SDL_Window* window =
        SDL_CreateWindow(title.c_str(), rect.x, rect.y, rect.w, rect.h, flags | SDL_WINDOW_OPENGL);
    if (!window) // no GL here: the software renderer still works
        window = SDL_CreateWindow(title.c_str(), rect.x, rect.y, rect.w, rect.h, flags);
    if (!window) {
        error = "cannot open " + what + ": " + SDL_GetError();
        return {};
    }
    SDL_Renderer* renderer = SDL_CreateRenderer(window, -1, SDL_RENDERER_TARGETTEXTURE);
    if (!renderer)
        renderer = SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE | SDL_RENDERER_TARGETTEXTURE);
    if (!renderer) {
        error = "cannot draw in " + what + ": " + SDL_GetError();
        SDL_DestroyWindow(window);
        return {};
    }
    return {window, renderer};
}

} // namespace lectern
