// Benchmark: drawing slides with SDL's software renderer at 1920x1080, as `lectern render` does.
//   (a) slides per second over every slide and build step of a deck: compose + draw + PNG into a temporary
//       folder with Lectern's encoder (render/png_encoder.h, as `lectern render` writes them) and with
//       SDL_image's IMG_SavePNG (what Lectern used before: the reference in the same run, with the total
//       size of each set of files), and compose + draw alone (each pass starts with fresh caches, fonts
//       already open);
//   (b) one frame of a text-heavy slide: with a cold cache (a new SlideRenderer each time, so empty text and
//       picture caches; fonts already open) and a warm cache (the same SlideRenderer, second and later
//       draws). Fastest, median and slowest of RUNS draws.
//   (c) with --floor, the floor of `lectern render` (tools/bench/export_bench.sh): every view drawn first,
//       untimed, then only written as PNG by as many forked processes as lectern uses, each taking the
//       next frame, timed from the first fork to the last exit.
// Usage: render_bench [DECK] [SLIDE-ID] [RUNS]   (run it from a Release build: tools/bench/run.sh)
//        render_bench DECK --floor
#include "core/compose/slide_composer.h"
#include "core/deck/deck_loader.h"
#include "render/font_catalog.h"
#include "render/png_encoder.h"
#include "render/sdl_handles.h"
#include "render/sdl_text_measurer.h"
#include "render/slide_renderer.h"

#include <SDL2/SDL_image.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <sys/mman.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

using namespace lectern;
using Clock = std::chrono::steady_clock;

constexpr int width_px = 1920;
constexpr int height_px = 1080;
constexpr int deck_passes = 3;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct Spread {
    double fastest = 0, median = 0, slowest = 0;
};

Spread spread_of(std::vector<double> times) {
    std::sort(times.begin(), times.end());
    return {times.front(), times[times.size() / 2], times.back()};
}

struct RendererDeleter {
    void operator()(SDL_Renderer* renderer) const { SDL_DestroyRenderer(renderer); }
};

// A 1920x1080 picture in memory and a software renderer drawing on it.
struct Frame {
    SurfacePtr surface;
    std::unique_ptr<SDL_Renderer, RendererDeleter> renderer;
};

struct View {
    const Slide* slide = nullptr;
    std::size_t step = 0;
};

enum class SavePng { No, Lectern, SdlImage };

// One pass over every view, as one run of `lectern render` after the fonts are found: fresh layout memo
// and caches. Returns the milliseconds taken, or a negative number if a picture could not be written.
double render_deck_ms(const Deck& deck, const std::vector<View>& views, Frame& frame, FontCatalog& catalog,
                      SavePng save, const std::filesystem::path& out_dir) {
    const Clock::time_point start = Clock::now();
    SdlTextMeasurer measurer(catalog);
    SlideRenderer slides(frame.renderer.get(), catalog);
    PngEncoder encoder; // kept from one view to the next, as OffscreenCanvas keeps it
    for (std::size_t i = 0; i < views.size(); ++i) {
        const ComposedSlide composed = compose_slide(deck, *views[i].slide, views[i].step, measurer);
        slides.draw(composed.list, {0, 0, width_px, height_px});
        SDL_RenderPresent(frame.renderer.get());
        const std::filesystem::path file = out_dir / ("view-" + std::to_string(i) + ".png");
        if (save == SavePng::SdlImage && IMG_SavePNG(frame.surface.get(), file.c_str()) != 0) {
            std::fprintf(stderr, "render_bench: cannot write %s: %s\n", file.c_str(), IMG_GetError());
            return -1;
        }
        if (save == SavePng::Lectern) {
            if (const Expected<void> written = encoder.write(*frame.surface, file); !written) {
                std::fprintf(stderr, "render_bench: cannot write %s: %s\n", file.c_str(),
                             written.error().c_str());
                return -1;
            }
        }
    }
    return ms_since(start);
}

void report_deck(const char* what, std::size_t views, const std::vector<double>& pass_ms) {
    const double ms = spread_of(pass_ms).median;
    std::printf("  %-22s %7.1f ms per pass, %6.1f slides/s (%.1f ms per slide)\n", what, ms,
                static_cast<double>(views) * 1000.0 / ms, ms / static_cast<double>(views));
}

// The draw of one frame of `list`: with a new SlideRenderer each time (cold), or one kept (warm).
Spread frame_ms(const DisplayList& list, Frame& frame, FontCatalog& catalog, int runs, bool cold) {
    std::vector<double> times;
    std::unique_ptr<SlideRenderer> kept;
    if (!cold) {
        kept = std::make_unique<SlideRenderer>(frame.renderer.get(), catalog);
        kept->draw(list, {0, 0, width_px, height_px}); // the first draw fills the caches
    }
    for (int i = 0; i < runs; ++i) {
        std::unique_ptr<SlideRenderer> fresh =
            cold ? std::make_unique<SlideRenderer>(frame.renderer.get(), catalog) : nullptr;
        SlideRenderer& slides = cold ? *fresh : *kept;
        const Clock::time_point start = Clock::now();
        slides.draw(list, {0, 0, width_px, height_px});
        SDL_RenderPresent(frame.renderer.get());
        times.push_back(ms_since(start));
    }
    return spread_of(times);
}

std::size_t text_bytes_of(const DisplayList& list) {
    std::size_t count = 0;
    for (const DisplayItem& item : list.items) {
        if (const auto* run = std::get_if<TextRun>(&item))
            count += run->text.size();
    }
    return count;
}

// The floor of `lectern render`: `views` frames already drawn, written as PNG by lectern's number of
// processes, each taking the next frame. Slides per second from the first fork to the last exit.
double export_floor_per_s(const Deck& deck, const std::vector<View>& views, FontCatalog& catalog,
                          const std::filesystem::path& out_dir) {
    std::vector<SurfacePtr> frames;
    {
        SdlTextMeasurer measurer(catalog);
        for (const View& view : views) {
            Frame frame;
            frame.surface.reset(
                SDL_CreateRGBSurfaceWithFormat(0, width_px, height_px, 32, SDL_PIXELFORMAT_ARGB8888));
            frame.renderer.reset(SDL_CreateSoftwareRenderer(frame.surface.get()));
            SlideRenderer slides(frame.renderer.get(), catalog);
            slides.draw(compose_slide(deck, *view.slide, view.step, measurer).list,
                        {0, 0, width_px, height_px});
            SDL_RenderPresent(frame.renderer.get());
            frames.push_back(std::move(frame.surface));
        }
    }
    const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t workers = std::clamp<std::size_t>(views.size() / 4, 1, std::min<std::size_t>(cores, 8));
    void* page = mmap(nullptr, sizeof(std::atomic<std::size_t>), PROT_READ | PROT_WRITE,
                      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (page == MAP_FAILED)
        return -1;
    auto* next = new (page) std::atomic<std::size_t>(0);
    const Clock::time_point start = Clock::now();
    std::vector<pid_t> children;
    for (std::size_t k = 0; k < workers; ++k) {
        const pid_t pid = fork();
        if (pid == 0) {
            PngEncoder encoder;
            for (std::size_t v = next->fetch_add(1); v < frames.size(); v = next->fetch_add(1)) {
                if (!encoder.write(*frames[v], out_dir / ("floor-" + std::to_string(v) + ".png")))
                    _exit(1);
            }
            _exit(0);
        }
        children.push_back(pid);
    }
    bool ok = true;
    for (const pid_t pid : children) {
        int status = 0;
        ok =
            ok && pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
    }
    const double ms = ms_since(start);
    munmap(page, sizeof(std::atomic<std::size_t>));
    std::printf("render_bench --floor: %zu frames already drawn, written as PNG by %zu processes: %.1f ms\n",
                frames.size(), workers, ms);
    return ok ? static_cast<double>(frames.size()) * 1000.0 / ms : -1;
}

} // namespace

int main(int argc, char** argv) {
    const std::filesystem::path deck_file = argc > 1 ? argv[1] : "slides/qzone-pupils.toml";
    const bool floor_only = argc > 2 && std::string(argv[2]) == "--floor";
    const std::string slide_id = argc > 2 && !floor_only ? argv[2] : "summary";
    const int runs = std::max(1, argc > 3 ? std::atoi(argv[3]) : 30);

    DeckLoadOptions options;
    options.picture_problems = PictureProblems::AreWarnings;
    const DeckLoadResult loaded = load_deck_file(deck_file, options);
    if (!loaded.deck) {
        for (const Diagnostic& diagnostic : loaded.diagnostics)
            std::fprintf(stderr, "%s\n", format_diagnostic(diagnostic).c_str());
        return 1;
    }
    const Deck& deck = *loaded.deck;
    std::vector<View> views;
    const Slide* text_heavy = nullptr;
    for (const Slide& slide : deck.slides) {
        for (std::size_t step = 0; step < build_steps(slide); ++step)
            views.push_back({&slide, step});
        if (slide.id == slide_id)
            text_heavy = &slide;
    }
    if (floor_only) {
        FontCatalog catalog(font_families_of(deck));
        const std::filesystem::path out_dir = std::filesystem::temp_directory_path() / "lectern-export-floor";
        std::filesystem::create_directories(out_dir);
        const double per_s = export_floor_per_s(deck, views, catalog, out_dir);
        std::filesystem::remove_all(out_dir);
        if (per_s < 0)
            return 1;
        std::printf("render_bench --floor: floor: %.1f slides/s\n", per_s);
        return 0;
    }
    if (!text_heavy) {
        std::fprintf(stderr, "render_bench: no slide with id \"%s\" in %s\n", slide_id.c_str(),
                     deck_file.c_str());
        return 2;
    }

    Frame frame;
    frame.surface.reset(SDL_CreateRGBSurfaceWithFormat(0, width_px, height_px, 32, SDL_PIXELFORMAT_ARGB8888));
    frame.renderer.reset(frame.surface ? SDL_CreateSoftwareRenderer(frame.surface.get()) : nullptr);
    if (!frame.renderer) {
        std::fprintf(stderr, "render_bench: no software renderer: %s\n", SDL_GetError());
        return 1;
    }
    FontCatalog catalog(font_families_of(deck));
    const std::filesystem::path out_dir = std::filesystem::temp_directory_path() / "lectern-render-bench";
    std::filesystem::create_directories(out_dir);

    // Finds and opens every font the deck needs, so the passes below measure drawing, not fontconfig.
    render_deck_ms(deck, views, frame, catalog, SavePng::No, out_dir);
    std::vector<double> with_png;
    std::vector<double> with_sdl_png;
    std::vector<double> without_png;
    std::uintmax_t png_bytes = 0;
    std::uintmax_t sdl_png_bytes = 0;
    auto bytes_written = [&out_dir] {
        std::uintmax_t bytes = 0;
        for (const auto& entry : std::filesystem::directory_iterator(out_dir))
            bytes += entry.file_size();
        return bytes;
    };
    for (int pass = 0; pass < deck_passes; ++pass) {
        with_png.push_back(render_deck_ms(deck, views, frame, catalog, SavePng::Lectern, out_dir));
        png_bytes = bytes_written();
        with_sdl_png.push_back(render_deck_ms(deck, views, frame, catalog, SavePng::SdlImage, out_dir));
        sdl_png_bytes = bytes_written();
        without_png.push_back(render_deck_ms(deck, views, frame, catalog, SavePng::No, out_dir));
        if (with_png.back() < 0 || with_sdl_png.back() < 0)
            return 1;
    }
    std::filesystem::remove_all(out_dir);

    std::printf("render_bench: %s at %dx%d, SDL software renderer\n", deck_file.c_str(), width_px, height_px);
    std::printf("every slide and build step (%zu views of %zu slides), median of %d passes:\n", views.size(),
                deck.slides.size(), deck_passes);
    report_deck("compose + draw + PNG:", views.size(), with_png);
    report_deck("... with IMG_SavePNG:", views.size(), with_sdl_png);
    report_deck("compose + draw:", views.size(), without_png);
    std::printf(
        "  PNG files: %.1f MiB (IMG_SavePNG's: %.1f MiB, %.2fx the size); %.2fx as fast as IMG_SavePNG\n",
        static_cast<double>(png_bytes) / 1048576.0, static_cast<double>(sdl_png_bytes) / 1048576.0,
        static_cast<double>(png_bytes) / static_cast<double>(std::max<std::uintmax_t>(1, sdl_png_bytes)),
        spread_of(with_sdl_png).median / spread_of(with_png).median);

    SdlTextMeasurer measurer(catalog);
    const DisplayList list = compose_slide(deck, *text_heavy, build_steps(*text_heavy) - 1, measurer).list;
    const Spread cold = frame_ms(list, frame, catalog, runs, true);
    const Spread warm = frame_ms(list, frame, catalog, runs, false);
    std::printf("one frame of slide \"%s\" (%zu bytes of text), draw only, %d draws:\n", slide_id.c_str(),
                text_bytes_of(list), runs);
    std::printf("  cold cache (new SlideRenderer):  fastest %6.2f ms, median %6.2f ms, slowest %6.2f ms\n",
                cold.fastest, cold.median, cold.slowest);
    std::printf("  warm cache (same SlideRenderer): fastest %6.2f ms, median %6.2f ms, slowest %6.2f ms\n",
                warm.fastest, warm.median, warm.slowest);
    return 0;
}
