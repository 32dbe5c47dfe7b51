#include "text_cache.h"

#include <functional>
#include <utility>

namespace lectern {

std::size_t TextCache::KeyHash::operator()(const Key& key) const {
    const std::size_t text_hash = std::hash<std::string>{}(key.text);
    const std::size_t rest = (std::size_t{key.colour_rgba} << 16) ^
                             (static_cast<std::size_t>(key.pixel_size) << 3) ^ key.style_bits;
    return text_hash ^ (rest + 0x9e3779b97f4a7c15ull + (text_hash << 6) + (text_hash >> 2));
}

TextCache::TextCache(SDL_Renderer* renderer, TextRasteriser& rasteriser, std::size_t budget_bytes)
    : m_renderer(renderer), m_rasteriser(rasteriser), m_entries(budget_bytes) {
}

TextTexture TextCache::texture_for(std::string_view utf8, const TextStyle& style, Colour colour,
                                   int pixel_size) {
    if (utf8.empty()) {
        return {};
    }
    Key key{std::string(utf8),
            (style.role == FontRole::Heading ? 4u : 0u) | (style.bold ? 2u : 0u) | (style.italic ? 1u : 0u),
            (std::uint32_t{colour.r} << 24) | (std::uint32_t{colour.g} << 16) |
                (std::uint32_t{colour.b} << 8) | colour.a,
            pixel_size};
    if (const Entry* cached = m_entries.find(key)) {
        ++m_hits;
        return cached->view;
    }
    ++m_rasterisations;
    const RasterisedText drawn = m_rasteriser.render(utf8, style, colour, pixel_size);
    if (!drawn.surface) {
        return {}; // draws nothing (invisible characters only); not cached, as rasterising it costs little
    }
    Entry entry;
    entry.texture.reset(SDL_CreateTextureFromSurface(m_renderer, drawn.surface.get()));
    if (!entry.texture) {
        ++m_failures; // renderer lost or out of memory: draw nothing now, try again next frame
        return {};
    }
    SDL_SetTextureBlendMode(entry.texture.get(), SDL_BLENDMODE_BLEND);
    entry.view = {entry.texture.get(), drawn.surface->w, drawn.surface->h, drawn.offset_y_px};
    const std::size_t bytes =
        static_cast<std::size_t>(drawn.surface->w) * static_cast<std::size_t>(drawn.surface->h) * 4;
    return m_entries.insert(std::move(key), std::move(entry), bytes).view;
}

void TextCache::clear() {
    m_entries.clear();
}

TextCacheCounters TextCache::counters() const {
    TextCacheCounters counters;
    counters.hits = m_hits;
    counters.rasterisations = m_rasterisations;
    counters.evictions = m_entries.evictions();
    counters.failures = m_failures;
    counters.live_textures = m_entries.size();
    counters.live_bytes = m_entries.total_cost();
    return counters;
}

} // namespace lectern
