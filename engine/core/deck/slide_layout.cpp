#include "slide_layout.h"

#include <cstddef>

namespace lectern {

std::string_view name_of(SlideLayout layout) {
    return slide_layout_names[static_cast<std::size_t>(layout)];
}

std::optional<SlideLayout> slide_layout_from_name(std::string_view name) {
    for (std::size_t i = 0; i < slide_layout_names.size(); ++i) {
        if (slide_layout_names[i] == name)
            return static_cast<SlideLayout>(i);
    }
    return std::nullopt;
}

bool is_interactive(SlideLayout layout) {
    switch (layout) {
    case SlideLayout::Poll:
    case SlideLayout::Quiz:
    case SlideLayout::Scale:
    case SlideLayout::Words:
        return true;
    default:
        return false;
    }
}

} // namespace lectern
