// Benchmark: the cost of a frame while the teacher points, draws, spotlights or zooms (issue 23's target:
// under 2 ms a frame at 1920x1080). Each frame is what the show draws when the mouse moves: the marks
// composed by the core (core/compose/marks_composer.h) and drawn with the slide by the same SlideBackdrop
// as the audience window (the slide and its finished ink kept in a texture, warm caches), with SDL's
// software renderer onto a 1920x1080 picture in memory (no GPU: the slowest case). Reports the median and
// slowest of RUNS frames, and the median of composing the marks alone.
// Usage: marks_bench [DECK] [SLIDE-ID] [RUNS]   (run it from a Release build: tools/bench/run.sh)
#include "core/compose/marks_composer.h"
#include "core/compose/slide_composer.h"
#include "core/deck/deck_loader.h"
#include "render/font_catalog.h"
#include "render/sdl_handles.h"
#include "render/sdl_text_measurer.h"
#include "render/slide_backdrop.h"
#include "render/slide_renderer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace {

using namespace lectern;
using Clock = std::chrono::steady_clock;

constexpr int width_px = 1920;
constexpr int height_px = 1080;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct RendererDeleter {
    void operator()(SDL_Renderer* renderer) const { SDL_DestroyRenderer(renderer); }
};

// The pointer's path: a slow circle over the slide, one step a frame.
InkPoint path_at(int frame) {
    const double angle = frame * 0.05;
    return {960 + 500 * std::cos(angle), 540 + 300 * std::sin(angle)};
}

struct Figures {
    std::vector<double> frame_ms;
    std::vector<double> compose_ms;
};

void report(const char* what, Figures figures) {
    std::sort(figures.frame_ms.begin(), figures.frame_ms.end());
    std::sort(figures.compose_ms.begin(), figures.compose_ms.end());
    std::printf("  %-34s frame %5.2f ms median, %5.2f slowest; composing the marks %5.3f ms median\n", what,
                figures.frame_ms[figures.frame_ms.size() / 2], figures.frame_ms.back(),
                figures.compose_ms[figures.compose_ms.size() / 2]);
}

} // namespace

int main(int argc, char** argv) {
    const std::string deck_file = argc > 1 ? argv[1] : "slides/qzone-pupils.toml";
    const std::string slide_id = argc > 2 ? argv[2] : "summary";
    const int runs = std::max(10, argc > 3 ? std::atoi(argv[3]) : 300);

    DeckLoadOptions options;
    options.picture_problems = PictureProblems::AreWarnings;
    const DeckLoadResult loaded = load_deck_file(deck_file, options);
    if (!loaded.deck) {
        std::fprintf(stderr, "marks_bench: %s does not load\n", deck_file.c_str());
        return 1;
    }
    const Deck& deck = *loaded.deck;
    const auto slide = std::ranges::find(deck.slides, slide_id, &Slide::id);
    if (slide == deck.slides.end()) {
        std::fprintf(stderr, "marks_bench: no slide \"%s\" in %s\n", slide_id.c_str(), deck_file.c_str());
        return 1;
    }
    FontCatalog catalog(font_families_of(deck));
    SdlTextMeasurer measurer(catalog);
    SurfacePtr surface(SDL_CreateRGBSurfaceWithFormat(0, width_px, height_px, 32, SDL_PIXELFORMAT_ARGB8888));
    std::unique_ptr<SDL_Renderer, RendererDeleter> renderer(
        surface ? SDL_CreateSoftwareRenderer(surface.get()) : nullptr);
    if (!renderer) {
        std::fprintf(stderr, "marks_bench: no software renderer: %s\n", SDL_GetError());
        return 1;
    }
    SlideRenderer slides(renderer.get(), catalog);
    SlideBackdrop backdrop(renderer.get(), slides);
    const DisplayList list = compose_slide(deck, *slide, 0, measurer).list;
    const SDL_Rect whole{0, 0, width_px, height_px};

    // One run of frames: `prepare` moves the marks for frame i; then the frame is composed and drawn.
    auto measure = [&](SlideMarks& marks, const std::function<void(int)>& prepare) {
        Figures figures;
        for (int i = -10; i < runs; ++i) { // ten frames first fill the caches
            prepare(i < 0 ? 0 : i);
            const Clock::time_point start = Clock::now();
            const std::optional<Box> zoom =
                marks.mode() == MarkMode::Zoom
                    ? std::optional(zoom_window(
                          {static_cast<float>(marks.pointer().x), static_cast<float>(marks.pointer().y)},
                          static_cast<float>(marks.zoom()), list.width, list.height))
                    : std::nullopt;
            const std::optional<DisplayList> over = compose_marks(marks, list, deck.theme);
            const double compose_ms = ms_since(start);
            if (over)
                backdrop.draw(list, &*over, settled_ink_items(marks), whole, zoom ? &*zoom : nullptr);
            else
                slides.draw(list, whole, zoom ? &*zoom : nullptr);
            SDL_RenderPresent(renderer.get());
            if (i >= 0) {
                figures.compose_ms.push_back(compose_ms);
                figures.frame_ms.push_back(ms_since(start));
            }
        }
        return figures;
    };

    std::printf("marks_bench: %s, slide \"%s\", %dx%d, SDL software renderer, %d frames each\n",
                deck_file.c_str(), slide_id.c_str(), width_px, height_px, runs);
    {
        SlideMarks marks;
        report("slide alone (no marks)", measure(marks, [](int) {}));
    }
    {
        SlideMarks marks;
        marks.apply(PresenterCommand::TogglePointer, 0);
        report("pointer (H) moving", measure(marks, [&](int i) { marks.move_to(path_at(i)); }));
    }
    {
        // A long stroke being drawn: it grows by a point a frame, over ten strokes already on the slide.
        SlideMarks marks;
        marks.show_slide({slide_id, 0}, std::nullopt, 0);
        marks.apply(PresenterCommand::TogglePen, 0);
        for (int s = 0; s < 10; ++s) {
            marks.press({100.0 + s * 150, 900});
            for (int p = 0; p < 100; ++p)
                marks.move_to({100.0 + s * 150 + p * 1.2, 900 - p * 5.0});
            marks.release();
        }
        marks.press(path_at(0));
        report("pen (D) drawing, 10 strokes + 1", measure(marks, [&](int i) { marks.move_to(path_at(i)); }));
    }
    {
        SlideMarks marks;
        marks.apply(PresenterCommand::ToggleSpotlight, 0);
        report("spotlight (S) moving", measure(marks, [&](int i) { marks.move_to(path_at(i)); }));
    }
    {
        SlideMarks marks;
        marks.apply(PresenterCommand::ToggleZoom, 0);
        report("zoom (Z) 2x panning", measure(marks, [&](int i) { marks.move_to(path_at(i)); }));
    }
    return 0;
}
