// SlideRenderer: draws the core's DisplayList with one SDL_Renderer, scaled and letterboxed into a
// viewport, so a 16:9 deck fits a 4:3 projector and the reverse. Text is rasterised at the size it is
// shown (crisp at any scale) through the TextCache; pictures come from the ImageCache.
// Implemented: filled and rounded boxes (SDL_RenderGeometry), ink strokes and the spotlight
//   (mark_drawing.h), a zoomed part of the slide, text runs, pictures fitted without
//   distortion, a placeholder with the alt text and the reason for a picture that cannot be loaded (with
//   the alt text only while it is still being decoded), letterbox bars,
//   a record of the pictures that failed (for the presenter panel).
// Implemented too: warming the caches for a list without drawing it (warm()).
// Implemented too: items drawn at a strength each, and a slide fading out over another, for the cross-fade
//   of core/compose/cross_fade.h.
// Missing: chart animation (polls), gradients.
// Depends on SDL2, SDL2_ttf, SDL2_image through the render adapter; the core never includes this.
#pragma once

#include "core/compose/display_list.h"
#include "core/show/texture_budget.h"
#include "font_catalog.h"
#include "image_cache.h"
#include "sdl_text_measurer.h"
#include "text_cache.h"
#include "text_rasteriser.h"

#include <SDL2/SDL.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <span>
#include <string>

namespace lectern {

// How strongly each item of a list is drawn, 0 to 1 (0: not at all): a cross-fade's frame. Empty: every
// item at full strength.
using ItemOpacity = std::span<const float>;

class SlideRenderer {
public:
    // `renderer` and `catalog` must outlive this object.
    SlideRenderer(SDL_Renderer* renderer, FontCatalog& catalog);

    // Draws `list` scaled to fit `viewport` (in output pixels), centred, with black bars around it.
    // With `shown` (slide units), only that part of the slide fills the same place: a zoom, laid out
    // again at the larger size (text rasterised at the size it is shown), never enlarged pixels.
    // With `opacity`, each item at its strength over the background.
    void draw(const DisplayList& list, SDL_Rect viewport, const Box* shown = nullptr,
              ItemOpacity opacity = {});

    // Draws `list` over what is already there, its background at `ground` (0: not drawn) and its items at
    // `opacity`: the slide before, fading out over the one now shown.
    void draw_fading_out(const DisplayList& list, SDL_Rect viewport, const Box* shown, float ground,
                         ItemOpacity opacity);

    // Draws only the items of `list` (those from `first` up to `end`), over what is already there (no
    // background, no bars): overlays.
    void draw_over(const DisplayList& list, SDL_Rect viewport, const Box* shown = nullptr,
                   std::size_t first = 0, std::size_t end = SIZE_MAX);

    // Rasterises the text and decodes the pictures of `list`'s items from `first` up to `end` at the
    // sizes draw() shows them in `viewport`, drawing nothing: a later draw() finds them in the caches (the
    // views a key would show next, prepared while the show is idle). True when a picture is still being
    // decoded.
    bool warm(const DisplayList& list, SDL_Rect viewport, std::size_t first, std::size_t end);

    // Where a slide of `list`'s size lands inside `viewport`, and at what scale.
    static SDL_FRect letterbox(const DisplayList& list, SDL_Rect viewport);

    // After SDL_RENDER_DEVICE_RESET every texture is gone: drop the caches.
    void reset_textures();

    TextCache& text_cache() { return m_text; }
    ImageCache& image_cache() { return m_images; }
    // Pictures that could not be shown: path -> why. Shown to the teacher, never to the room.
    const std::map<std::string, std::string>& picture_problems() const { return m_picture_problems; }
    // Whether a picture drawn since the last draw() was still being decoded (shown as a placeholder
    // that will change): such a frame is not kept.
    bool pictures_pending() const { return m_pictures_pending; }
    // The bytes of the text and picture textures the last draw() of a whole list used (not overlays or a
    // slide fading out): what sizes the caches' budgets (core/show/texture_budget.h).
    ViewTextureBytes drawn_bytes() const { return m_drawn; }

private:
    void draw_items(const DisplayList& list, SDL_FRect slide, const Box* shown, std::size_t first,
                    std::size_t end, ItemOpacity opacity = {});
    // At `opacity` 0 nothing is drawn, but the pen still moves past the run.
    void draw_text(const TextRun& run, float scale, float origin_x, float origin_y, float opacity = 1.0f);
    void draw_picture(const Picture& picture, float scale, float origin_x, float origin_y, Colour background,
                      float opacity);
    void draw_placeholder(const Picture& picture, const LoadedImage& image, SDL_FRect box, float scale,
                          float origin_x, float origin_y, Colour background, float opacity);

    SDL_Renderer* m_renderer;
    SdlTextMeasurer m_measurer;
    TextRasteriser m_rasteriser;
    TextCache m_text;
    ImageCache m_images;
    std::map<std::string, std::string> m_picture_problems;
    int m_pen_x = 0; // where the last text run drawn ended, in output pixels
    bool m_pictures_pending = false;
    bool m_counting = false; // inside draw(): what is drawn counts in m_drawn
    ViewTextureBytes m_drawn;
};

// Fills `box` with `colour`, its corners rounded by `radius` pixels.
void fill_rounded_box(SDL_Renderer* renderer, SDL_FRect box, float radius, Colour colour);

} // namespace lectern
