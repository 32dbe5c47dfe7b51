#include "image_cache.h"

#include <climits>

namespace lectern {

ImageCache::ImageCache(SDL_Renderer* renderer, std::size_t budget_bytes)
    : m_renderer(renderer), m_budget_bytes(budget_bytes) {
}

ImageCache::~ImageCache() {
    if (m_waker)
        m_waker->switch_off(); // decoding threads may outlive the cache, and the loop they would wake
    clear();
}

void ImageCache::decode_in_background(int wait_ms, std::function<void()> picture_ready) {
    m_wait_ms = wait_ms;
    if (m_waker)
        m_waker->switch_off();
    m_waker = std::make_shared<PictureWaker>(std::move(picture_ready));
}

void ImageCache::clear() {
    for (auto& [key, entry] : m_entries) {
        if (entry.image.texture)
            SDL_DestroyTexture(entry.image.texture);
    }
    m_entries.clear();
    m_recency.clear();
    m_bytes = 0;
}

void ImageCache::finish_if_decoded(Entry& entry, int wait_ms) {
    if (!entry.job->wait_for(wait_ms)) {
        entry.image.loading = true;
        return;
    }
    const DecodedPicture decoded = entry.job->take();
    entry.job.reset();
    make_texture(entry, decoded);
}

void ImageCache::make_texture(Entry& entry, const DecodedPicture& decoded) {
    LoadedImage& image = entry.image;
    image.loading = false;
    if (!decoded.surface) {
        image.problem = decoded.problem;
        return;
    }
    image.width = decoded.surface->w;
    image.height = decoded.surface->h;
    image.texture = SDL_CreateTextureFromSurface(m_renderer, decoded.surface.get());
    if (!image.texture) {
        image.problem = SDL_GetError();
        return;
    }
    SDL_SetTextureScaleMode(image.texture, SDL_ScaleModeBest);
    entry.bytes = static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) * 4u;
    m_bytes += entry.bytes;
}

const LoadedImage& ImageCache::get(const std::filesystem::path& path, int box_w, int box_h) {
    // Raster pictures are the same at every size; SVGs are keyed by the size they are drawn at.
    Key key = picture_key(path, box_w, box_h);
    auto found = m_entries.find(key);
    if (found != m_entries.end()) {
        m_recency.splice(m_recency.begin(), m_recency, found->second.recency);
    } else if (const DecodedPicture* decoded = m_decoded ? m_decoded->find(key) : nullptr) {
        ++m_decodes_shared;
        Entry entry;
        m_recency.push_front(key);
        entry.recency = m_recency.begin();
        found = m_entries.emplace(std::move(key), std::move(entry)).first;
        make_texture(found->second, *decoded);
        evict_to_budget();
    } else {
        ++m_decodes;
        Entry entry;
        entry.job = std::make_unique<PictureJob>(path, box_w, box_h, m_waker);
        m_recency.push_front(key);
        entry.recency = m_recency.begin();
        found = m_entries.emplace(std::move(key), std::move(entry)).first;
    }
    if (found->second.job) {
        // A new picture gets the wait a slide change allows; one still loading is only looked at.
        const bool is_new = !found->second.image.loading;
        finish_if_decoded(found->second, is_new ? m_wait_ms.value_or(INT_MAX) : 0);
        evict_to_budget();
    }
    return found->second.image;
}

void ImageCache::set_budget_bytes(std::size_t budget_bytes) {
    m_budget_bytes = budget_bytes;
    evict_to_budget();
}

void ImageCache::evict_to_budget() {
    // Never evicts the entry just used (the front), so the caller's reference stays valid.
    while (m_bytes > m_budget_bytes && m_recency.size() > 1) {
        const Key oldest = m_recency.back();
        m_recency.pop_back();
        auto found = m_entries.find(oldest);
        if (found->second.image.texture)
            SDL_DestroyTexture(found->second.image.texture);
        m_bytes -= found->second.bytes;
        m_entries.erase(found);
    }
}

} // namespace lectern
