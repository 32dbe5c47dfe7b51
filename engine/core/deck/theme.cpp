#include "theme.h"

namespace lectern {

namespace {

// Okabe and Ito's palette, told apart by the common colour-vision deficiencies.
constexpr std::array<Colour, 6> okabe_ito{{{0, 114, 178, 255},
                                           {230, 159, 0, 255},
                                           {0, 158, 115, 255},
                                           {204, 121, 167, 255},
                                           {86, 180, 233, 255},
                                           {213, 94, 0, 255}}};

Theme classroom() {
    Theme theme;
    theme.name = "classroom";
    theme.background = {250, 249, 245, 255};
    theme.text = {28, 32, 40, 255};
    theme.heading = {14, 58, 110, 255};
    theme.accent = {0, 114, 178, 255};
    theme.muted = {84, 90, 100, 255};
    theme.panel = {232, 236, 242, 255};
    theme.chart = okabe_ito;
    return theme;
}

Theme high_contrast() {
    Theme theme = classroom();
    theme.name = "high-contrast";
    theme.background = {0, 0, 0, 255};
    theme.text = {255, 255, 255, 255};
    theme.heading = {255, 221, 0, 255};
    theme.accent = {255, 221, 0, 255};
    theme.muted = {220, 220, 220, 255};
    theme.panel = {40, 40, 40, 255};
    theme.heading_px = 72;
    theme.body_px = 56;
    return theme;
}

Theme assembly() {
    Theme theme = classroom();
    theme.name = "assembly";
    theme.background = {16, 32, 56, 255};
    theme.text = {246, 247, 250, 255};
    theme.heading = {255, 214, 102, 255};
    theme.accent = {86, 180, 233, 255};
    theme.muted = {200, 208, 220, 255};
    theme.panel = {36, 58, 92, 255};
    theme.title_px = 112;
    theme.heading_px = 76;
    theme.body_px = 60;
    theme.small_px = 44;
    return theme;
}

} // namespace

std::optional<Theme> builtin_theme(std::string_view name) {
    if (name == "classroom")
        return classroom();
    if (name == "high-contrast")
        return high_contrast();
    if (name == "assembly")
        return assembly();
    return std::nullopt;
}

float legible_px(Room room) {
    // See slides/README.md, "How big text must be": 28 px on a 1080-high slide is about 20 mm capitals
    // on a classroom board, read from about 9 m; a hall's larger screen and longer throw need 36 px.
    return room == Room::Hall ? 36.0f : 28.0f;
}

std::string_view name_of(Room room) {
    return room == Room::Hall ? "hall" : "classroom";
}

} // namespace lectern
