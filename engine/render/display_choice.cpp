#include "display_choice.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace lectern {

std::vector<DisplayInfo> list_displays() {
    std::vector<DisplayInfo> displays;
    const int count = SDL_GetNumVideoDisplays();
    for (int i = 0; i < count; ++i) {
        DisplayInfo info;
        info.index = i;
        const char* name = SDL_GetDisplayName(i);
        info.name = name ? name : "display " + std::to_string(i + 1);
        SDL_GetDisplayBounds(i, &info.bounds);
        displays.push_back(info);
    }
    return displays;
}

std::optional<DisplayInfo> choose_display(const std::vector<DisplayInfo>& displays,
                                          const std::string& wanted) {
    if (displays.empty())
        return std::nullopt;
    if (wanted.empty())
        return displays.back();
    int number = 0;
    const auto [end, error] = std::from_chars(wanted.data(), wanted.data() + wanted.size(), number);
    if (error == std::errc{} && end == wanted.data() + wanted.size()) {
        if (number >= 1 && static_cast<std::size_t>(number) <= displays.size())
            return displays[static_cast<std::size_t>(number - 1)];
        return std::nullopt;
    }
    for (const DisplayInfo& display : displays) {
        if (display.name == wanted)
            return display;
    }
    auto lower = [](std::string text) {
        std::ranges::transform(text, text.begin(),
                               [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return text;
    };
    for (const DisplayInfo& display : displays) {
        if (lower(display.name).find(lower(wanted)) != std::string::npos)
            return display;
    }
    return std::nullopt;
}

bool video_driver_is_visible() {
    const char* driver = SDL_GetCurrentVideoDriver();
    if (!driver)
        return false;
    const std::string name = driver;
    return name != "offscreen" && name != "dummy" && name != "evdev";
}

} // namespace lectern
