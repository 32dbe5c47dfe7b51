#include "picture_decoder.h"

#include "core/base/concat.h"
#include "core/base/file_check.h"
#include "core/deck/image_probe.h"

#include <SDL2/SDL_image.h>

#include <algorithm>
#include <chrono>
#include <climits>
#include <memory>
#include <optional>
#include <thread>

namespace lectern {

namespace {

// Runs `work` on a thread of its own and waits at most `limit_ms` for it. When the limit passes first,
// the thread is left to finish alone: what it makes is kept by `shared` and freed with it.
std::optional<SurfacePtr> run_with_time_limit(std::function<SurfacePtr()> work, int limit_ms) {
    struct Shared {
        std::mutex mutex;
        std::condition_variable finished;
        std::optional<SurfacePtr> result;
    };
    auto shared = std::make_shared<Shared>();
    std::thread([shared, work = std::move(work)] {
        SurfacePtr surface = work();
        const std::lock_guard lock(shared->mutex);
        shared->result = std::move(surface);
        shared->finished.notify_all();
    }).detach();
    std::unique_lock lock(shared->mutex);
    if (!shared->finished.wait_for(lock, std::chrono::milliseconds(limit_ms),
                                   [&shared] { return shared->result.has_value(); }))
        return std::nullopt;
    return std::move(shared->result);
}

DecodedPicture failed(std::string problem) {
    return {nullptr, std::move(problem), false};
}

std::string decoder_error() {
    const std::string error = IMG_GetError();
    return error.empty() ? std::string("it could not be decoded")
                         : concat("it could not be decoded (", error, ")");
}

} // namespace

bool is_svg_path(const std::filesystem::path& path) {
    std::string extension = path.extension().string();
    std::ranges::transform(extension, extension.begin(), [](char c) {
        return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    });
    return extension == ".svg";
}

SurfacePtr rasterise_svg_file(const std::filesystem::path& path, int box_w, int box_h) {
    SDL_RWops* file = SDL_RWFromFile(path.c_str(), "rb");
    if (!file)
        return nullptr;
    // nanosvg keeps the picture's shape inside the requested size.
    SurfacePtr surface(IMG_LoadSizedSVG_RW(file, std::max(box_w, 1), std::max(box_h, 1)));
    SDL_RWclose(file);
    return surface;
}

DecodedPicture decode_picture(const std::filesystem::path& path, int box_w, int box_h, int svg_limit_ms,
                              const SvgRasteriser& rasterise_svg) {
    if (std::string problem = regular_file_problem(path, picture_file_max_bytes); !problem.empty())
        return failed(problem);
    const ImageProbe probe = probe_image_file(path);
    if (!probe.ok())
        return failed(probe.problem);
    if (std::string too_large = picture_size_problem(probe); !too_large.empty())
        return failed(too_large); // never handed to libpng: a 437 KB file can claim 3.6 gigapixels
    if (probe.format != ImageFormat::Svg) {
        SurfacePtr surface(IMG_Load(path.c_str()));
        return surface ? DecodedPicture{std::move(surface), {}, false} : failed(decoder_error());
    }
    std::optional<SurfacePtr> surface = run_with_time_limit(
        [path, box_w, box_h, rasterise_svg] { return rasterise_svg(path, box_w, box_h); }, svg_limit_ms);
    if (!surface)
        return {nullptr,
                concat("the SVG took longer than ", svg_limit_ms / 1000.0,
                       " s to draw, so it was left out; simplify it or save it as PNG"),
                true};
    return *surface ? DecodedPicture{std::move(*surface), {}, false} : failed(decoder_error());
}

void PictureWaker::wake() {
    const std::lock_guard lock(m_mutex);
    if (m_wake)
        m_wake();
}

void PictureWaker::switch_off() {
    const std::lock_guard lock(m_mutex);
    m_wake = nullptr;
}

PictureJob::PictureJob(std::filesystem::path path, int box_w, int box_h, std::shared_ptr<PictureWaker> waker,
                       int svg_limit_ms, SvgRasteriser rasterise_svg) {
    std::thread([outcome = m_outcome, path = std::move(path), box_w, box_h, waker = std::move(waker),
                 svg_limit_ms, rasterise_svg = std::move(rasterise_svg)] {
        DecodedPicture result = decode_picture(path, box_w, box_h, svg_limit_ms, rasterise_svg);
        {
            const std::lock_guard lock(outcome->mutex);
            outcome->result = std::move(result);
            outcome->done = true;
        }
        outcome->finished.notify_all();
        if (waker)
            waker->wake();
    }).detach();
}

bool PictureJob::wait_for(int wait_ms) {
    std::unique_lock lock(m_outcome->mutex);
    return m_outcome->finished.wait_for(lock, std::chrono::milliseconds(std::max(wait_ms, 0)),
                                        [this] { return m_outcome->done; });
}

DecodedPicture PictureJob::take() {
    const std::lock_guard lock(m_outcome->mutex);
    return std::move(m_outcome->result);
}

PictureKey picture_key(const std::filesystem::path& path, int box_w, int box_h) {
    const bool sized = is_svg_path(path);
    return {path.string(), sized ? box_w : 0, sized ? box_h : 0};
}

void DecodedPictures::start(const Request& request) {
    PictureKey key = picture_key(request.path, request.box_w, request.box_h);
    if (!m_pictures.contains(key) && !m_jobs.contains(key))
        m_jobs.emplace(std::move(key),
                       std::make_unique<PictureJob>(request.path, request.box_w, request.box_h, nullptr));
}

void DecodedPictures::finish() {
    for (auto& [key, job] : m_jobs) {
        job->wait_for(INT_MAX);
        m_pictures.emplace(key, job->take());
    }
    m_jobs.clear();
}

const DecodedPicture* DecodedPictures::find(const PictureKey& key) const {
    const auto found = m_pictures.find(key);
    return found == m_pictures.end() ? nullptr : &found->second;
}

} // namespace lectern
