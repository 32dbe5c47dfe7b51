// How many bytes of text textures the room's screen keeps, from the screen's size and the deck, instead
// of a fixed 64 MiB: the slide on screen, the one before and after it and its next build step (what the
// show draws next), each at most one screen's worth, and never more than the deck has views. Pure.
#pragma once

#include "core/deck/deck.h"

#include <cstddef>

namespace lectern {

// Views whose text the screen keeps ready: the one shown, the previous, the next and the next build step.
inline constexpr std::size_t text_views_kept = 4;
// Never below this, so a tiny window or an empty deck still keeps its hints and badge.
inline constexpr std::size_t text_budget_floor_bytes = std::size_t{4} << 20;

// The slides and build steps of `deck`, each shown once.
std::size_t deck_view_count(const Deck& deck);

// The text texture budget for a `screen_w` x `screen_h` screen (4 bytes a pixel) showing `views` views:
// a slide's lines do not overlap, so its text textures cover at most the screen; min(views, 4) screens,
// at least text_budget_floor_bytes. A 1920x1080 screen and a deck of 4 or more views: 31.6 MiB.
std::size_t text_texture_budget_bytes(int screen_w, int screen_h, std::size_t views);

} // namespace lectern
