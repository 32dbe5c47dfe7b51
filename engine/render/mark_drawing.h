// MarkDrawing: the display list's ink strokes and spotlight drawn with SDL_RenderGeometry, one batch of
// triangles each, so moving the pointer or drawing a line costs a fraction of a millisecond a frame.
// Implemented: strokes as quads with round joins and ends; the spotlight as a ring of triangles from the
//   circle out past the slide's corners (the letterbox bars are black, so dimming them changes nothing).
// Missing: anti-aliased edges (SDL's geometry has none).
#pragma once

#include "core/compose/display_list.h"

#include <SDL2/SDL.h>

namespace lectern {

// Where slide units land on the screen: screen = origin + slide * scale.
struct SlideToScreen {
    float scale = 1;
    float origin_x = 0;
    float origin_y = 0;
};

void draw_stroke(SDL_Renderer* renderer, const Stroke& stroke, SlideToScreen to_screen);
// `area`: the part of the screen to dim (the slide as shown).
void draw_spotlight(SDL_Renderer* renderer, const Spotlight& spotlight, SlideToScreen to_screen,
                    SDL_FRect area);

} // namespace lectern
