// Theme: the colours, fonts and sizes slides are drawn with. Three are built in (classroom,
// high-contrast, assembly); a deck may name a theme file instead (see slides/README.md, "Themes").
// Pure data and rules: no SDL.
#pragma once

#include "colour.h"
#include "deck_options.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace lectern {

struct Theme {
    std::string name;
    Colour background;
    Colour text;                 // body text
    Colour heading;              // titles and headings
    Colour accent;               // rules, bullets' marks, highlights
    Colour muted;                // captions, attributions
    Colour panel;                // boxes behind options and placeholders
    std::array<Colour, 6> chart; // one per poll option; colour-blind-safe, never the only cue
    std::string body_font = "DejaVu Sans";
    std::string heading_font = "DejaVu Sans";
    float title_px = 100;  // title and section slides
    float heading_px = 68; // slide titles
    float body_px = 52;    // bullets, options, quotes
    float small_px = 36;   // captions, attributions, labels
};

inline constexpr std::array<std::string_view, 3> builtin_theme_names{"classroom", "high-contrast",
                                                                     "assembly"};

// The built-in theme of that name, if there is one.
std::optional<Theme> builtin_theme(std::string_view name);

// The smallest font size, in slide units (1080 high), that counts as legible in this room.
float legible_px(Room room);
std::string_view name_of(Room room);

// WCAG AA asks for 4.5:1 between text and its background.
inline constexpr double minimum_text_contrast = 4.5;

} // namespace lectern
