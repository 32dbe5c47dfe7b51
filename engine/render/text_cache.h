// TextCache: the textures of rasterised text for one SDL_Renderer, so unchanged text is never drawn
// twice. Keyed by text, role, weight, slant, colour and integer pixel size; least recently used textures
// go once their bytes pass a budget. Part of the SDL adapter: depends on SDL2 (renderer, textures) and the
// TextRasteriser; the core never sees it. Not thread-safe: use it on the render thread.
//
// Implemented: lookups that rasterise at most once per key while it stays cached; a byte budget (width x
//   height x 4 per texture, 64 MiB by default; the room's screen sets it from its size, the deck and the
//   largest view drawn, core/show/texture_budget.h) with LRU eviction; counters for tests and the soak tool;
//   clear() for SDL_RENDER_DEVICE_RESET (and before the renderer is destroyed).
// Missing: sharing between renderers (SDL textures belong to one renderer: make one cache per window),
//   pre-rasterising the next slide in the background, colour as a texture colour mod instead of a key.
#pragma once

#include "core/compose/display_list.h"
#include "core/deck/colour.h"
#include "lru_cache.h"
#include "sdl_handles.h"
#include "text_rasteriser.h"

#include <SDL.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace lectern {

struct TextTexture {
    SDL_Texture* texture = nullptr; // owned by the cache; null when the text draws nothing or SDL failed
    int width_px = 0;
    int height_px = 0;
    int offset_y_px = 0; // where the texture's top goes, from the top of the line box (see RasterisedText)
};

struct TextCacheCounters {
    std::uint64_t hits = 0;
    std::uint64_t rasterisations = 0; // misses: each one rasterised the text once
    std::uint64_t evictions = 0;
    std::uint64_t failures = 0; // textures SDL would not create (not cached: tried again next time)
    std::size_t live_textures = 0;
    std::size_t live_bytes = 0;
};

class TextCache {
public:
    static constexpr std::size_t default_budget_bytes = std::size_t{64} << 20;

    // `renderer` must outlive the cache, or clear() must run before it is destroyed.
    TextCache(SDL_Renderer* renderer, TextRasteriser& rasteriser,
              std::size_t budget_bytes = default_budget_bytes);
    TextCache(const TextCache&) = delete;
    TextCache& operator=(const TextCache&) = delete;

    // The texture of `utf8` in `style` (style.px is ignored) and `colour` at `pixel_size` pixels per em.
    // The texture stays valid until a later call evicts it or clear() runs: draw it before asking for more
    // than the budget's worth of other text.
    // Empty text, or text with nothing visible, gives a null texture and is not cached.
    TextTexture texture_for(std::string_view utf8, const TextStyle& style, Colour colour, int pixel_size);

    // A new byte budget; least recently used textures go until the cache fits it.
    void set_budget_bytes(std::size_t budget_bytes) { m_entries.set_budget(budget_bytes); }
    std::size_t budget_bytes() const { return m_entries.budget(); }

    // Destroys every texture (after SDL_RENDER_DEVICE_RESET they are lost anyway).
    void clear();

    TextCacheCounters counters() const;
    SDL_Renderer* renderer() const { return m_renderer; }

private:
    struct Key {
        std::string text;
        std::uint32_t style_bits = 0; // role, bold, italic
        std::uint32_t colour_rgba = 0;
        int pixel_size = 0;
        friend bool operator==(const Key&, const Key&) = default;
    };
    struct KeyHash {
        std::size_t operator()(const Key& key) const;
    };
    struct Entry {
        TexturePtr texture;
        TextTexture view;
    };

    SDL_Renderer* m_renderer;
    TextRasteriser& m_rasteriser;
    LruCache<Key, Entry, KeyHash> m_entries;
    std::uint64_t m_hits = 0;
    std::uint64_t m_rasterisations = 0;
    std::uint64_t m_failures = 0;
};

} // namespace lectern
