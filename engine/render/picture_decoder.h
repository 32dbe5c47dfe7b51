// PictureDecoder: turns a picture file into pixels (an SDL_Surface), measured before it is decoded and
// away from the drawing thread, so no picture can crash or freeze the show (issue 14).
// Implemented: the file checked (a regular file of at most 64 MiB) and measured (probe_image_file, at
//   most 40 megapixels) before SDL_image sees it; PNG, JPEG, GIF and WebP through IMG_Load; SVG
//   rasterised to fit a box through IMG_LoadSizedSVG_RW on a helper thread, abandoned after a time limit
//   (the helper finishes on its own and frees what it made); PictureJob, one decode on its own thread,
//   never waited for when dropped.
// Missing: stopping a decode in progress (SDL_image has no way to); animation.
// Surfaces only: textures belong to the drawing thread's renderer (ImageCache makes them).
#pragma once

#include "sdl_handles.h"

#include <condition_variable>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

namespace lectern {

struct DecodedPicture {
    SurfacePtr surface;    // null when the picture cannot be shown
    std::string problem;   // why, in plain words, for the placeholder, the panel and `check`
    bool too_slow = false; // an SVG abandoned after the time limit: a warning in `check`
};

constexpr int svg_time_limit_ms = 2000;

// Rasterises an SVG file to fit `box_w` x `box_h`; the default is SDL_image's (nanosvg).
using SvgRasteriser = std::function<SurfacePtr(const std::filesystem::path&, int box_w, int box_h)>;
SurfacePtr rasterise_svg_file(const std::filesystem::path& path, int box_w, int box_h);

bool is_svg_path(const std::filesystem::path& path);

// Checks, measures and decodes on the calling thread; an SVG is rasterised on a helper thread waited for
// at most `svg_limit_ms`.
DecodedPicture decode_picture(const std::filesystem::path& path, int box_w, int box_h,
                              int svg_limit_ms = svg_time_limit_ms,
                              const SvgRasteriser& rasterise_svg = rasterise_svg_file);

// Wakes the drawing loop from decoding threads, until it is switched off (the loop is going away).
class PictureWaker {
public:
    explicit PictureWaker(std::function<void()> wake) : m_wake(std::move(wake)) {}
    void wake();
    // After this returns no call of `wake` is running or will run.
    void switch_off();

private:
    std::mutex m_mutex;
    std::function<void()> m_wake;
};

// One decode_picture on a thread of its own, which owns what it writes to: the job can be dropped while
// the thread still runs (a reload, the end of the show) without waiting for it. The thread calls
// `waker` (when there is one) once the result is there.
class PictureJob {
public:
    PictureJob(std::filesystem::path path, int box_w, int box_h, std::shared_ptr<PictureWaker> waker,
               int svg_limit_ms = svg_time_limit_ms, SvgRasteriser rasterise_svg = rasterise_svg_file);

    // Waits at most `wait_ms` for the result; true once it is there.
    bool wait_for(int wait_ms);
    // The result; call once, after wait_for said it is there.
    DecodedPicture take();

private:
    struct Outcome {
        std::mutex mutex;
        std::condition_variable finished;
        bool done = false;
        DecodedPicture result;
    };
    std::shared_ptr<Outcome> m_outcome = std::make_shared<Outcome>();
};

// Which decode of a picture a slide asks for: raster pictures are the same at every size, so their
// size is left out (0 x 0); an SVG is rasterised at the size it is drawn. ImageCache's key too.
using PictureKey = std::tuple<std::string, int, int>;
PictureKey picture_key(const std::filesystem::path& path, int box_w, int box_h);

// Pictures decoded once, before `lectern render` forks its workers: each worker makes its textures from
// these surfaces (pages shared until written) instead of decoding every picture again.
class DecodedPictures {
public:
    struct Request {
        std::filesystem::path path;
        int box_w = 0;
        int box_h = 0;
    };
    // Starts decoding the picture `request` asks for on a thread of its own (PictureJob), unless it was
    // asked for before: `lectern render` starts each as it composes the views, so the pictures decode
    // while the rest is composed.
    void start(const Request& request);
    // Waits for every picture started.
    void finish();
    // The picture decoded for `key`, or null when it was not asked for.
    const DecodedPicture* find(const PictureKey& key) const;
    std::size_t size() const { return m_pictures.size(); }

private:
    std::map<PictureKey, DecodedPicture> m_pictures;
    std::map<PictureKey, std::unique_ptr<PictureJob>> m_jobs; // started, not yet finished
};

} // namespace lectern
