// DisplayChoice: which screen the audience window goes on. By default the last display (with two,
// usually the projector); `--display N|NAME` chooses. Displays are found again by name after a
// hot-plug, because SDL renumbers them. Adapter over SDL's display list.
#pragma once

#include <SDL2/SDL.h>

#include <optional>
#include <string>
#include <vector>

namespace lectern {

struct DisplayInfo {
    int index = 0;
    std::string name;
    SDL_Rect bounds{};
};

std::vector<DisplayInfo> list_displays();

// `wanted` is "" (the last display), a 1-based number, or a name (exact, then a case-insensitive part).
// Nothing when a number or name matches no display.
std::optional<DisplayInfo> choose_display(const std::vector<DisplayInfo>& displays,
                                          const std::string& wanted);

// SDL falls back to an invisible video driver when it finds no screen; this says which one it runs on
// and whether people can see it.
bool video_driver_is_visible();

} // namespace lectern
