// MarkDrawing: the display list's ink strokes (SDL_RenderGeometry, one batch of triangles each, so drawing
// a line costs a fraction of a millisecond a frame) and the spotlight.
// Implemented: strokes as quads with round joins and ends; the spotlight's circle as rows of whole pixels,
//   the same rows whether the rest is dimmed here or copied from a dimmed picture (slide_backdrop.h).
// Missing: anti-aliased edges (SDL's geometry has none), a soft edge to the spotlight.
#pragma once

#include "core/compose/display_list.h"

#include <SDL2/SDL.h>

#include <vector>

namespace lectern {

// Where slide units land on the screen: screen = origin + slide * scale.
struct SlideToScreen {
    float scale = 1;
    float origin_x = 0;
    float origin_y = 0;
};

void draw_stroke(SDL_Renderer* renderer, const Stroke& stroke, SlideToScreen to_screen);
// The circle of `spotlight` as rows of whole pixels inside `area`, top to bottom (rows of equal span
// merged into one rectangle).
std::vector<SDL_Rect> spotlight_rows(const Spotlight& spotlight, SlideToScreen to_screen, SDL_Rect area);
// The whole pixels `area` covers (its edges rounded).
SDL_Rect whole_pixels(SDL_FRect area);
// Dims `area` (the slide as shown) but the spotlight's circle, blending each pixel: for pictures drawn
// once; a frame of the show copies a dimmed picture instead (slide_backdrop.h).
void draw_spotlight(SDL_Renderer* renderer, const Spotlight& spotlight, SlideToScreen to_screen,
                    SDL_FRect area);

} // namespace lectern
