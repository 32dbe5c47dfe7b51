// ImageCache: pictures as textures of one SDL_Renderer, decoded once per file and size.
// Implemented: PNG and JPEG through IMG_Load, SVG rasterised at the size it is drawn (crisp at any
// scale) through IMG_LoadSizedSVG_RW; failures remembered so a broken file is not retried each frame;
// a byte budget with least-recently-used eviction; counters for tests and the soak tool.
// Missing: animated formats; watching files for changes (the reload path clears the cache instead).
// Depends on SDL2 and SDL2_image; nothing in engine/core depends on this.
#pragma once

#include <SDL2/SDL.h>

#include <cstdint>
#include <filesystem>
#include <list>
#include <map>
#include <string>
#include <tuple>

namespace lectern {

struct LoadedImage {
    SDL_Texture* texture = nullptr; // null when the file could not be decoded
    int width = 0;                  // natural size in pixels (SVG: at the requested size)
    int height = 0;
    std::string problem; // why it failed, for the placeholder and the problems list
};

// Decodes the picture for real (SDL_image) and says why it cannot be shown, or "" when it can.
// Used by `lectern check` as the deck loader's image check.
std::string picture_decode_problem(const std::filesystem::path& path);

class ImageCache {
public:
    explicit ImageCache(SDL_Renderer* renderer, std::size_t budget_bytes = 96u << 20);
    ~ImageCache();
    ImageCache(const ImageCache&) = delete;
    ImageCache& operator=(const ImageCache&) = delete;

    // The picture, decoded for drawing at about `box_w` x `box_h` pixels (SVG is rasterised to fit).
    const LoadedImage& get(const std::filesystem::path& path, int box_w, int box_h);

    // Drops every texture (after SDL_RENDER_DEVICE_RESET, or when a new deck is loaded).
    void clear();

    std::size_t live_textures() const { return m_entries.size(); }
    std::size_t live_bytes() const { return m_bytes; }
    std::uint64_t decodes() const { return m_decodes; }

private:
    using Key = std::tuple<std::string, int, int>;
    struct Entry {
        LoadedImage image;
        std::size_t bytes = 0;
        std::list<Key>::iterator recency;
    };
    LoadedImage decode(const std::filesystem::path& path, int box_w, int box_h);
    void evict_to_budget();

    SDL_Renderer* m_renderer;
    std::size_t m_budget_bytes;
    std::size_t m_bytes = 0;
    std::uint64_t m_decodes = 0;
    std::map<Key, Entry> m_entries;
    std::list<Key> m_recency; // front: most recently used
};

} // namespace lectern
