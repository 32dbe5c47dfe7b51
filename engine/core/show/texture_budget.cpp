#include "texture_budget.h"

#include "core/compose/slide_composer.h"

#include <algorithm>

namespace lectern {

ViewTextureBytes largest_of(ViewTextureBytes a, ViewTextureBytes b) {
    return {std::max(a.text, b.text), std::max(a.pictures, b.pictures)};
}

std::size_t deck_view_count(const Deck& deck) {
    std::size_t views = 0;
    for (const Slide& slide : deck.slides)
        views += build_steps(slide);
    return views;
}

TextureBudgets texture_budgets(int screen_w, int screen_h, std::size_t views, ViewTextureBytes largest) {
    const std::size_t screen_bytes = static_cast<std::size_t>(std::max(screen_w, 0)) *
                                     static_cast<std::size_t>(std::max(screen_h, 0)) * 4u;
    const std::size_t kept = std::clamp<std::size_t>(views, 1, views_kept);
    // A quarter more than `kept` views of the largest: the next view is often a little larger.
    auto room_for = [kept](std::size_t view_bytes) {
        return view_bytes * kept + view_bytes * kept / 4;
    };
    TextureBudgets budgets;
    budgets.text = std::max(std::min(room_for(largest.text), screen_bytes * kept), text_budget_floor_bytes);
    // Pictures never less than a screen a view: one decodes for as long as a slide change waits, so the
    // pictures of the views ahead must all stay, including a view larger than any drawn so far.
    budgets.pictures = std::clamp(std::max(room_for(largest.pictures), screen_bytes * kept),
                                  picture_budget_floor_bytes, picture_budget_ceiling_bytes);
    return budgets;
}

} // namespace lectern
