// SdlTextMeasurer: the core's TextMeasurer with real fonts: SDL_ttf (HarfBuzz shaping) plus the font
// fallback and run splitting of font_runs.h. Part of the SDL adapter: depends on SDL2_ttf only, never on a
// window or renderer, so headless tools can lay slides out with it. Not thread-safe.
//
// Implemented:
//   - width_of: sum of TTF_SizeUTF8 over the runs, each with its own font, direction and script, at the
//     integer pixel size nearest style.px, scaled by px / that size so widths grow smoothly with px;
//   - line_height: TTF_FontLineSkip of the role's primary font (same scaling), made room in for the face
//     of the deck language's script (FontCatalog::line_metrics: an Urdu deck's lines are spaced for
//     Nastaliq). Other fallback fonts do not change it, so every line of a style is equally tall whatever
//     its script; a taller fallback in another language's deck may reach a little into the next line;
//   - a bounded memo of widths keyed by text and style (layout measures the same words again and again);
//   - no font installed at all: estimates (0.55 em per character, 1.2 em lines) so layout still works,
//     and the catalog's last_error() says why.
// Missing: kerning and shaping across run boundaries (each run is shaped alone), letter spacing.
#pragma once

#include "core/compose/display_list.h"
#include "core/text/text_measurer.h"
#include "font_catalog.h"
#include "lru_cache.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace lectern {

class SdlTextMeasurer final : public TextMeasurer {
public:
    static constexpr std::size_t default_memo_entries = 8192;

    explicit SdlTextMeasurer(FontCatalog& catalog, std::size_t memo_entries = default_memo_entries);

    float width_of(std::string_view utf8, const TextStyle& style) override;
    float line_height(const TextStyle& style) override;

    std::uint64_t memo_hits() const { return m_memo_hits; }
    std::uint64_t memo_misses() const { return m_memo_misses; }
    std::size_t memo_size() const { return m_memo.size(); }

private:
    struct MemoKey {
        std::string text;
        std::uint32_t style_bits = 0; // role, bold, italic
        std::uint32_t px_bits = 0;    // style.px, bit for bit
        friend bool operator==(const MemoKey&, const MemoKey&) = default;
    };
    struct MemoKeyHash {
        std::size_t operator()(const MemoKey& key) const;
    };

    float measure(std::string_view utf8, const TextStyle& style);

    FontCatalog& m_catalog;
    LruCache<MemoKey, float, MemoKeyHash> m_memo;
    std::uint64_t m_memo_hits = 0;
    std::uint64_t m_memo_misses = 0;
};

} // namespace lectern
