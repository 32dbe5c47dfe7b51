#include "image_cache.h"

#include <SDL2/SDL_image.h>

#include <algorithm>

namespace lectern {

namespace {
bool is_svg(const std::filesystem::path& path) {
    std::string extension = path.extension().string();
    std::ranges::transform(extension, extension.begin(),
                           [](char c) { return static_cast<char>(std::tolower(c)); });
    return extension == ".svg";
}
} // namespace

std::string picture_decode_problem(const std::filesystem::path& path) {
    SDL_Surface* surface = is_svg(path) ? nullptr : IMG_Load(path.c_str());
    if (is_svg(path)) {
        if (SDL_RWops* file = SDL_RWFromFile(path.c_str(), "rb")) {
            surface = IMG_LoadSizedSVG_RW(file, 64, 64);
            SDL_RWclose(file);
        }
    }
    if (!surface)
        return std::string("it could not be decoded (") + IMG_GetError() + ")";
    SDL_FreeSurface(surface);
    return {};
}

ImageCache::ImageCache(SDL_Renderer* renderer, std::size_t budget_bytes)
    : m_renderer(renderer), m_budget_bytes(budget_bytes) {
}

ImageCache::~ImageCache() {
    clear();
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

LoadedImage ImageCache::decode(const std::filesystem::path& path, int box_w, int box_h) {
    ++m_decodes;
    LoadedImage image;
    SDL_Surface* surface = nullptr;
    if (is_svg(path)) {
        // nanosvg keeps the picture's shape inside the requested size.
        if (SDL_RWops* file = SDL_RWFromFile(path.c_str(), "rb")) {
            surface = IMG_LoadSizedSVG_RW(file, std::max(box_w, 1), std::max(box_h, 1));
            SDL_RWclose(file);
        }
    } else {
        surface = IMG_Load(path.c_str());
    }
    if (!surface) {
        image.problem = IMG_GetError();
        if (image.problem.empty())
            image.problem = "the picture could not be decoded";
        return image;
    }
    image.width = surface->w;
    image.height = surface->h;
    image.texture = SDL_CreateTextureFromSurface(m_renderer, surface);
    SDL_FreeSurface(surface);
    if (!image.texture)
        image.problem = SDL_GetError();
    else
        SDL_SetTextureScaleMode(image.texture, SDL_ScaleModeBest);
    return image;
}

const LoadedImage& ImageCache::get(const std::filesystem::path& path, int box_w, int box_h) {
    // Raster pictures are the same at every size; SVGs are keyed by the size they are drawn at.
    const bool sized = is_svg(path);
    Key key{path.string(), sized ? box_w : 0, sized ? box_h : 0};
    if (auto found = m_entries.find(key); found != m_entries.end()) {
        m_recency.splice(m_recency.begin(), m_recency, found->second.recency);
        return found->second.image;
    }
    Entry entry;
    entry.image = decode(path, box_w, box_h);
    entry.bytes =
        static_cast<std::size_t>(entry.image.width) * static_cast<std::size_t>(entry.image.height) * 4u;
    m_recency.push_front(key);
    entry.recency = m_recency.begin();
    m_bytes += entry.bytes;
    auto [inserted, ok] = m_entries.emplace(std::move(key), std::move(entry));
    evict_to_budget();
    return inserted->second.image;
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
