// ImageCache: pictures as textures of one SDL_Renderer, decoded once per file and size.
// Implemented: every picture checked and measured before it is decoded (PictureDecoder: regular files of
// at most 64 MiB, at most 40 megapixels) and decoded on a thread of its own; PNG, JPEG, GIF and WebP
// through IMG_Load, SVG rasterised at the size it is drawn (crisp at any scale) and abandoned after 2 s;
// when presenting, a picture not ready within 50 ms is drawn as a placeholder until it is, and the loop
// is woken to draw it; failures remembered so a broken file is not retried each frame; a byte budget
// with least-recently-used eviction (the room's screen sets it from the largest view drawn,
// core/show/texture_budget.h); counters for tests and the soak tool.
// Missing: animated formats; watching files for changes (the reload path clears the cache instead).
// Depends on SDL2 and SDL2_image; nothing in engine/core depends on this.
#pragma once

#include "core/compose/display_list.h"
#include "picture_decoder.h"

#include <SDL2/SDL.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <list>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <utility>

namespace lectern {

struct LoadedImage {
    SDL_Texture* texture = nullptr; // null when the file could not be decoded, or is not decoded yet
    int width = 0;                  // natural size in pixels (SVG: at the requested size)
    int height = 0;
    std::string problem;  // why it failed, for the placeholder and the problems list
    bool loading = false; // still being decoded: draw a placeholder, the picture comes later
};

// The size in pixels a picture is decoded at when its slide is drawn at `scale` pixels a slide unit.
inline std::pair<int, int> picture_box_px(const Box& box, float scale) {
    return {static_cast<int>(box.w * scale), static_cast<int>(box.h * scale)};
}

// How long a slide change waits for a picture when presenting, before drawing a placeholder.
constexpr int picture_wait_ms = 50;

class ImageCache {
public:
    explicit ImageCache(SDL_Renderer* renderer, std::size_t budget_bytes = 96u << 20);
    ~ImageCache();
    ImageCache(const ImageCache&) = delete;
    ImageCache& operator=(const ImageCache&) = delete;

    // Presenting: get() waits at most `wait_ms` for a new picture, and `picture_ready` runs (on the
    // decoding thread) when a picture is ready, to wake the loop that draws it; it is never called once
    // the cache is gone. Until this is called, get() waits until every picture is decoded (`render`,
    // golden images).
    void decode_in_background(int wait_ms, std::function<void()> picture_ready);

    // Pictures already decoded (`lectern render`, before its workers start): a picture found there is
    // made a texture from them, never decoded again. `pictures` must outlive the cache.
    void use_decoded(const DecodedPictures* pictures) { m_decoded = pictures; }

    // The picture, decoded for drawing at about `box_w` x `box_h` pixels (SVG is rasterised to fit).
    const LoadedImage& get(const std::filesystem::path& path, int box_w, int box_h);

    // Drops every texture (after SDL_RENDER_DEVICE_RESET, or when a new deck is loaded), and the pictures
    // still being decoded without waiting for them.
    void clear();

    // A new byte budget; least recently used pictures go until the cache fits it.
    void set_budget_bytes(std::size_t budget_bytes);
    std::size_t budget_bytes() const { return m_budget_bytes; }

    std::size_t live_textures() const { return m_entries.size(); }
    std::size_t live_bytes() const { return m_bytes; }
    // Pictures decoded by this cache, and those taken from use_decoded()'s.
    std::uint64_t decodes() const { return m_decodes; }
    std::uint64_t decodes_shared() const { return m_decodes_shared; }

private:
    using Key = PictureKey;
    struct Entry {
        LoadedImage image;
        std::size_t bytes = 0;
        std::list<Key>::iterator recency;
        std::unique_ptr<PictureJob> job; // while the picture is being decoded
    };
    void finish_if_decoded(Entry& entry, int wait_ms);
    void make_texture(Entry& entry, const DecodedPicture& decoded);
    void evict_to_budget();

    SDL_Renderer* m_renderer;
    std::size_t m_budget_bytes;
    std::size_t m_bytes = 0;
    std::uint64_t m_decodes = 0;
    std::uint64_t m_decodes_shared = 0;
    const DecodedPictures* m_decoded = nullptr;
    std::optional<int> m_wait_ms;          // none: wait for every picture
    std::shared_ptr<PictureWaker> m_waker; // none: nothing to wake
    std::map<Key, Entry> m_entries;
    std::list<Key> m_recency; // front: most recently used
};

} // namespace lectern
