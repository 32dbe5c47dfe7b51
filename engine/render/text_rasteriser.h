// TextRasteriser: draws one line of text (any mix of scripts) into one transparent ARGB8888 SDL_Surface
// with SDL_ttf, one TTF_RenderUTF8_Blended call per font run. Part of the SDL adapter: depends on SDL2
// surfaces and SDL2_ttf, never on a window or renderer (works headless). Not thread-safe.
//
// Implemented:
//   - runs from font_runs.h, each in its own font, direction and script, placed side by side in visual
//     order (bidi through FriBidi, see font_runs.h; HarfBuzz orders and mirrors the glyphs inside each
//     right-to-left run);
//   - baselines aligned across fonts (TTF_FontAscent plus SDL_ttf's own shift when a glyph rises above
//     the ascent, estimated from the glyphs' metrics when the run's surface is taller than the font);
//   - the surface width equals the SdlTextMeasurer width at the same pixel size (same TTF_SizeUTF8 calls);
//   - empty text, or text that draws nothing, gives no surface; all-space text a transparent one.
// Missing: underline and strike-through, outlines and shadows, subpixel positioning between runs (each run
//   starts on a whole pixel), wrapping (the layout breaks lines).
#pragma once

#include "core/compose/display_list.h"
#include "core/deck/colour.h"
#include "font_catalog.h"
#include "sdl_handles.h"

#include <cstdint>
#include <string_view>

namespace lectern {

struct RasterisedText {
    SurfacePtr surface;  // ARGB8888, transparent background, straight alpha; null when nothing to draw
    int baseline_px = 0; // from the surface's top to the baseline
    int offset_y_px =
        0; // where the surface's top goes, from the top of the line box (the line's ascent,
           // FontCatalog::line_metrics, minus baseline_px: negative when a fallback rises higher)
};

class TextRasteriser {
public:
    explicit TextRasteriser(FontCatalog& catalog) : m_catalog(catalog) {}

    // `utf8` in `style`'s role, weight and slant (style.px is ignored) at `pixel_size` pixels per em.
    RasterisedText render(std::string_view utf8, const TextStyle& style, Colour colour, int pixel_size);

    std::uint64_t rasterisations() const { return m_rasterisations; }

private:
    FontCatalog& m_catalog;
    std::uint64_t m_rasterisations = 0;
};

} // namespace lectern
