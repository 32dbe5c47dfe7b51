#include "texture_budget.h"

#include "core/compose/slide_composer.h"

#include <algorithm>

namespace lectern {

std::size_t deck_view_count(const Deck& deck) {
    std::size_t views = 0;
    for (const Slide& slide : deck.slides)
        views += build_steps(slide);
    return views;
}

std::size_t text_texture_budget_bytes(int screen_w, int screen_h, std::size_t views) {
    const std::size_t screen_bytes = static_cast<std::size_t>(std::max(screen_w, 0)) *
                                     static_cast<std::size_t>(std::max(screen_h, 0)) * 4u;
    const std::size_t kept = std::clamp<std::size_t>(views, 1, text_views_kept);
    return std::max(screen_bytes * kept, text_budget_floor_bytes);
}

} // namespace lectern
