// MarksComposer: the teacher's marks over a slide (core/show/slide_marks.h) as display-list items in
// slide units, drawn by the same renderer as the slide: the pen's ink, the spotlight and the large pointer
// in that order from the bottom, and the countdown clock over them. Also where the countdown goes (a corner
// with no text) and what part of the slide a zoom shows. Pure.
#pragma once

#include "core/deck/theme.h"
#include "core/show/slide_marks.h"
#include "core/text/text_measurer.h"
#include "display_list.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace lectern {

inline constexpr float pointer_radius = 24;              // slide units: seen from the back of a hall
inline constexpr float ink_width_share = 0.005f;         // of the slide's height
inline constexpr std::uint8_t spotlight_dim_alpha = 191; // 255 * 0.75: the rest of the slide at 25 %

// The pen's four colours: the theme's accent first, then others that stand out from its background
// (3:1, WCAG's contrast for graphics), ending with black or white.
std::array<Colour, ink_colours> ink_palette(const Theme& theme);

// The countdown's box: the first corner of the slide (top right, bottom right, bottom left, top left)
// where it covers no text and no picture of `slide`; the one covering least when every corner does.
Box countdown_corner(const DisplayList& slide, TextMeasurer& measurer);

// `strokes` of the pen over `slide` (its size), in the theme's ink colours: for the screen and for
// `lectern render --ink`.
DisplayList compose_ink(const std::vector<InkStroke>& strokes, const DisplayList& slide, const Theme& theme);

// The marks that belong to the slide (a zoom enlarges them with it): ink, spotlight, pointer; nothing
// when there are none. `slide` gives the size.
std::optional<DisplayList> compose_marks(const SlideMarks& marks, const DisplayList& slide,
                                         const Theme& theme);

// How many of compose_marks' first items are finished strokes, which change only when ink is added or
// taken away (a renderer may keep them drawn with the slide); the stroke in progress is not one.
std::size_t settled_ink_items(const SlideMarks& marks);

// The countdown clock in `corner` (as countdown_corner chose it), added to `overlay`: drawn over the
// screen, never zoomed.
void compose_countdown(const Countdown& countdown, Box corner, const Theme& theme, TextMeasurer& measurer,
                       std::uint64_t now_ms, DisplayList& overlay);

// What a zoom shows: the part of the slide `factor` times smaller, centred on `at` but never past the
// slide's edges.
Box zoom_window(Point at, float factor, float slide_w, float slide_h);

} // namespace lectern
