// SlideBackdrop: a frame of the show with the teacher's marks, cheap even on SDL's software renderer. The
// slide and its finished ink are drawn once into a texture at the output's size (again only when the
// slide, the ink or the size changes); each frame copies it unblended and draws only what moves (the
// stroke in progress, the pointer). With the spotlight on, a dimmed copy of that texture is made once,
// and a frame copies it, then the circle's rows from the bright one: no pixel is blended in a frame.
// The pixels are the same as SlideRenderer::draw and then draw_over with the same lists.
// Implemented: the kept slide with ink, the spotlight from two kept pictures; the plain path (the slide,
//   then the marks) when there is nothing to keep, when zoomed, without render targets, and while a
//   picture is still being decoded.
// Missing: a soft edge to the spotlight.
#pragma once

#include "core/compose/display_list.h"
#include "slide_renderer.h"

#include <SDL2/SDL.h>

#include <cstddef>
#include <vector>

namespace lectern {

enum class TexturesLost { ContentsOnly, Entirely }; // render targets reset / the device reset

class SlideBackdrop {
public:
    // `renderer` and `slides` must outlive this object.
    SlideBackdrop(SDL_Renderer* renderer, SlideRenderer& slides);
    ~SlideBackdrop();
    SlideBackdrop(const SlideBackdrop&) = delete;
    SlideBackdrop& operator=(const SlideBackdrop&) = delete;

    // Draws `slide` filling `viewport` (the whole output: its top left is 0, 0) and `marks` over it, both
    // zoomed to `zoom` when given. The first `settled` items of `marks` change only with the ink
    // (finished strokes): they are kept with the slide.
    void draw(const DisplayList& slide, const DisplayList* marks, std::size_t settled, SDL_Rect viewport,
              const Box* zoom = nullptr);
    // After SDL_RENDER_TARGETS_RESET (ContentsOnly) or SDL_RENDER_DEVICE_RESET (Entirely: the textures
    // are gone and must not be destroyed).
    void forget(TexturesLost lost);

private:
    // Makes m_bright show `slide` with the settled marks; false when it cannot be kept.
    bool keep(const DisplayList& slide, const DisplayList& marks, std::size_t settled, SDL_Rect viewport);
    bool keep_dimmed(const Spotlight& spotlight, const DisplayList& marks, SDL_Rect viewport);
    void destroy();

    SDL_Renderer* m_renderer;
    SlideRenderer& m_slides;
    SDL_Texture* m_bright = nullptr; // the slide and its finished ink
    SDL_Texture* m_dimmed = nullptr; // the same, dimmed as the spotlight dims it
    int m_w = 0;
    int m_h = 0;
    bool m_bright_current = false;
    bool m_dimmed_current = false;
    DisplayList m_slide;                // what m_bright shows
    std::vector<DisplayItem> m_settled; // and over it
    Colour m_dim;                       // what m_dimmed is dimmed with
};

} // namespace lectern
