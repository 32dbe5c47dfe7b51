// TextMeasurer: the one thing the layout needs from a font engine. The SDL_ttf adapter implements it
// with real fonts (and per-character fallback); tests use a fake with fixed advances. Interface only.
#pragma once

#include "core/compose/display_list.h"

#include <string_view>

namespace lectern {

class TextMeasurer {
public:
    virtual ~TextMeasurer() = default;

    // Advance width of `utf8` set in `style`, in the same units as style.px.
    virtual float width_of(std::string_view utf8, const TextStyle& style) = 0;

    // Distance from one line's top to the next line's top at this style.
    virtual float line_height(const TextStyle& style) = 0;
};

} // namespace lectern
