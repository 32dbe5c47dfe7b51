// Opening a window that Lectern can draw in: with OpenGL when the machine has it (fastest first
// frame, see the platform notes), else without, and a renderer that can draw into textures, falling
// back to SDL's software renderer. Shared by the audience window and the presenter panel.
#pragma once

#include "core/base/expected.h"

#include <SDL2/SDL.h>

#include <string>

namespace lectern {

struct WindowAndRenderer {
    SDL_Window* window = nullptr;
    SDL_Renderer* renderer = nullptr; // owned by the caller with the window
};

// `flags` are SDL window flags besides SDL_WINDOW_OPENGL. A Failure says why, starting with `what` ("the
// presenter window", ...).
Expected<WindowAndRenderer> open_window(const std::string& title, SDL_Rect rect, Uint32 flags,
                                        const std::string& what);

} // namespace lectern
