#include "text_rasteriser.h"

#include "core/text/utf8.h"
#include "font_runs.h"

#include <algorithm>
#include <optional>
#include <vector>

namespace lectern {

namespace {

// SDL_ttf moves a run down by as much as its highest glyph rises above the font's ascent, and makes the
// surface that much taller (TTF_Size_Internal's "ystart"). It does not report the shift, so estimate it
// from the glyphs' own tops, bounded by the extra height the surface really has (exact when there is none).
int top_overflow_px(TTF_Font* font, const std::string& text, int run_height) {
    const int extra = run_height - TTF_FontHeight(font);
    if (extra <= 0) {
        return 0;
    }
    int highest = 0;
    for (const char32_t code_point : decode_utf8(text)) {
        int min_x = 0, max_x = 0, min_y = 0, max_y = 0, advance = 0;
        if (TTF_GlyphMetrics32(font, code_point, &min_x, &max_x, &min_y, &max_y, &advance) == 0) {
            highest = std::max(highest, max_y);
        }
    }
    return std::clamp(highest - TTF_FontAscent(font), 0, extra);
}

struct Placement {
    std::size_t run = 0;
    int width = 0;
    int height = 0;
    int baseline = 0; // from the run surface's top
};

} // namespace

RasterisedText TextRasteriser::render(std::string_view utf8, const TextStyle& style, Colour colour,
                                      int pixel_size) {
    RasterisedText result;
    const int size = std::clamp(pixel_size, min_pixel_size, max_pixel_size);
    const FontRunList runs = split_into_font_runs(utf8, style, size, m_catalog);
    if (runs.runs.empty()) {
        return result;
    }

    // Measure every run in visual order first: the line's baseline is the lowest of theirs.
    std::vector<Placement> placements;
    int width = 0;
    int baseline = 0;
    for (const std::size_t index : runs.visual_order) {
        const FontRun& run = runs.runs[index];
        TTF_Font* font = m_catalog.font(run.face, size);
        if (font == nullptr) {
            continue;
        }
        prepare_font_for_run(font, run);
        int run_width = 0;
        int run_height = 0;
        if (TTF_SizeUTF8(font, run.text.c_str(), &run_width, &run_height) != 0 || run_width <= 0 ||
            run_height <= 0) {
            continue; // only invisible characters: SDL_ttf would refuse to render it
        }
        const int run_baseline = TTF_FontAscent(font) + top_overflow_px(font, run.text, run_height);
        placements.push_back({index, run_width, run_height, run_baseline});
        width += run_width;
        baseline = std::max(baseline, run_baseline);
    }
    int height = 0;
    for (const Placement& placement : placements) {
        height = std::max(height, baseline - placement.baseline + placement.height);
    }
    if (width <= 0 || height <= 0) {
        return result;
    }
    SurfacePtr target(SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888));
    if (!target) {
        return result;
    }

    // Runs sit side by side without overlapping, so each is copied (not blended) onto the transparent
    // target: blending onto transparent black would darken the anti-aliased edges.
    const SDL_Color foreground{colour.r, colour.g, colour.b, colour.a};
    int x = 0;
    for (const Placement& placement : placements) {
        const FontRun& run = runs.runs[placement.run];
        if (TTF_Font* font = m_catalog.font(run.face, size)) {
            prepare_font_for_run(font, run);
            const SurfacePtr drawn(TTF_RenderUTF8_Blended(font, run.text.c_str(), foreground));
            if (drawn) {
                SDL_SetSurfaceBlendMode(drawn.get(), SDL_BLENDMODE_NONE);
                SDL_Rect where{x, baseline - placement.baseline, placement.width, placement.height};
                SDL_BlitSurface(drawn.get(), nullptr, target.get(), &where);
            }
        }
        x += placement.width;
    }
    ++m_rasterisations;

    // The line box's baseline: where the layout's line height (SdlTextMeasurer) expects it.
    const std::optional<LineMetrics> metrics = m_catalog.line_metrics(style, size);
    result.surface = std::move(target);
    result.baseline_px = baseline;
    result.offset_y_px = (metrics ? metrics->ascent : baseline) - baseline;
    return result;
}

} // namespace lectern
