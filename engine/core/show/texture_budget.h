// How many bytes of text and picture textures the room's screen keeps, from the screen's size, the deck
// and the views drawn so far, instead of a fixed 64 MiB of text and 96 MiB of pictures: room for the
// views the show draws next (the slide on screen, the one before and after it and its next build step),
// each as large as the largest view drawn so far, and a quarter more. Text is never more than a screen's
// worth a view (a slide's lines do not overlap), pictures never less (a picture decodes for as long as a
// slide change waits, so none the next views need may go), and never more views than the deck has. Pure.
#pragma once

#include "core/deck/deck.h"

#include <cstddef>

namespace lectern {

// Views whose textures the screen keeps ready: the one shown, the previous, the next and the next build step.
inline constexpr std::size_t views_kept = 4;
// Never below these, so a tiny window or an empty deck still keeps its hints, badge and a picture.
inline constexpr std::size_t text_budget_floor_bytes = std::size_t{4} << 20;
inline constexpr std::size_t picture_budget_floor_bytes = std::size_t{8} << 20;
// Never above this for pictures (a view's pictures may overlap, so the screen does not bound them).
inline constexpr std::size_t picture_budget_ceiling_bytes = std::size_t{96} << 20;

// What one view's text and pictures took as textures when the screen drew it (width x height x 4 each).
struct ViewTextureBytes {
    std::size_t text = 0;
    std::size_t pictures = 0;

    friend bool operator==(const ViewTextureBytes&, const ViewTextureBytes&) = default;
};

// The larger of each.
ViewTextureBytes largest_of(ViewTextureBytes a, ViewTextureBytes b);

struct TextureBudgets {
    std::size_t text = 0;
    std::size_t pictures = 0;
};

// The slides and build steps of `deck`, each shown once.
std::size_t deck_view_count(const Deck& deck);

// The budgets for a `screen_w` x `screen_h` screen (4 bytes a pixel) showing a deck of `views` views,
// whose largest view drawn so far took `largest`: min(views, 4) views of it and a quarter more; text at
// most, pictures at least, min(views, 4) screens. Before any view is drawn, the floors. A view with more
// text than any before raises the text budget once it is drawn (the show calls this again), so the one
// frame that finds it too small only rasterises some text twice.
TextureBudgets texture_budgets(int screen_w, int screen_h, std::size_t views, ViewTextureBytes largest);

} // namespace lectern
