// PanelText: draws the deck's own words in the presenter panel (notes, slide titles, options, pupils'
// written answers) with the slides' text stack instead of ImGui's font atlas, which holds Latin only and
// draws "?" for every other script. Lines are set by the core's layout (set_text, the same line breaker
// and bidi as the slides), rasterised by the render layer (font runs, a face per script, HarfBuzz
// shaping through SDL_ttf) into textures of the panel's renderer, and shown through ImGui's draw list.
// Private to engine/panel; the ImGui context must be current.
//
// Implemented: wrapped paragraphs with bold and bullets at the width ImGui gives, single lines clipped
//   by the window, textures cached by text, weight, colour and size (TextCache) and layouts by text, size
//   and width; only lines that ImGui will show are rasterised.
// Missing: selecting and copying text; italic (the notes have no italic markup).
#pragma once

#include "core/deck/colour.h"
#include "core/text/text_layout.h"
#include "render/font_catalog.h"
#include "render/lru_cache.h"
#include "render/sdl_text_measurer.h"
#include "render/text_cache.h"
#include "render/text_rasteriser.h"

#include <SDL2/SDL.h>
#include <imgui.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lectern {

// The deck's text as the panel drew it in the last frame, in window pixels (for tests).
struct DrawnPanelText {
    std::string text;
    SDL_Rect where{};
    int pixel_size = 0;
    bool bold = false;
};

class PanelText {
public:
    // The panel's text textures stay within this; a frame's visible text is far smaller, so nothing
    // drawn in a frame is evicted before ImGui renders it.
    static constexpr std::size_t texture_budget_bytes = std::size_t{32} << 20;

    // `renderer` and `catalog` must outlive this object.
    PanelText(SDL_Renderer* renderer, FontCatalog& catalog);

    // Speaker notes: a paragraph a line, "- " for a list item, **bold**; wrapped to the width available,
    // at `px` pixels per em. Moves the ImGui cursor below them.
    void notes(std::string_view text, float px, ImVec4 colour);

    // `utf8` as typed (no markup; a paragraph a line) wrapped to the width available. Moves the cursor
    // below it.
    void wrapped(std::string_view utf8, float px, ImVec4 colour);

    // `utf8` as typed on one line at the cursor, as ImGui::TextUnformatted would put it.
    void line(std::string_view utf8, float px, ImVec4 colour);

    // `utf8` as typed on one line with its top left at `where` (screen pixels), clipped by the window.
    // Returns its width in pixels (0 when it is not visible and so was not drawn).
    int line_at(std::string_view utf8, ImVec2 where, float px, ImVec4 colour);

    // One line's height at `px`, as the slides' layout spaces lines.
    float line_height(float px);

    // Forget what the last frame drew (call at the start of each frame).
    void begin_frame() { m_drawn.clear(); }
    // After SDL_RENDER_DEVICE_RESET: every texture is gone.
    void reset_textures() { m_cache.clear(); }

    const std::vector<DrawnPanelText>& drawn() const { return m_drawn; }
    TextCache& cache() { return m_cache; }

private:
    struct LayoutKey {
        std::string text;
        int px_tenths = 0;
        int width_px = 0;
        friend bool operator==(const LayoutKey&, const LayoutKey&) = default;
    };
    struct LayoutKeyHash {
        std::size_t operator()(const LayoutKey& key) const;
    };

    // The runs of `paragraphs` (built from `source`) set at `px` into `width_px`, cached.
    const FittedText& layout(const std::string& source, const std::vector<Paragraph>& paragraphs, float px,
                             float width_px);
    // Draws `fitted` with its top left at the cursor and moves the cursor below it.
    void draw_fitted(const FittedText& fitted, float px, ImVec4 colour);
    // Draws one run at `x`, `y` (screen pixels, top of its line box); returns its width in pixels.
    int draw_run(const std::string& text, const TextStyle& style, Colour colour, int x, int y);

    SdlTextMeasurer m_measurer;
    TextRasteriser m_rasteriser;
    TextCache m_cache;
    LruCache<LayoutKey, FittedText, LayoutKeyHash> m_layouts;
    std::vector<DrawnPanelText> m_drawn;
};

} // namespace lectern
