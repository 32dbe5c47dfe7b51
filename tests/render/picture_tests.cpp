// Pictures can neither crash nor freeze the show (issue 14): each file here crashed libpng, cost
// gigabytes, or held up a slide change before. Files are made by the test (picture_files.h), small on
// disk; pictures are drawn with the real SDL_image and a software renderer.
#include "picture_files.h"
#include "render/image_cache.h"
#include "render/offscreen_canvas.h"
#include "render_fixture.h"
#include "test_files.h"

#include <SDL2/SDL_image.h>
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace lectern;

namespace {

struct PictureFolder {
    test::TempFolder folder{"picture-tests"};
    const std::filesystem::path& path = folder.path();
    std::filesystem::path file(const std::string& name, const std::string& bytes) const {
        test::write_file(path / name, bytes);
        return path / name;
    }
};

// A software renderer on a small surface: no display needed.
struct SoftwareRenderer {
    SurfacePtr surface{SDL_CreateRGBSurfaceWithFormat(0, 64, 64, 32, SDL_PIXELFORMAT_ARGB8888)};
    std::unique_ptr<SDL_Renderer, decltype(&SDL_DestroyRenderer)> renderer{
        surface ? SDL_CreateSoftwareRenderer(surface.get()) : nullptr, &SDL_DestroyRenderer};
};

// Set by a decoding thread, waited for by the test (as the presentation's loop waits for its wake-up).
struct Signal {
    std::mutex mutex;
    std::condition_variable raised;
    bool up = false;
    void raise() {
        const std::lock_guard lock(mutex);
        up = true;
        raised.notify_all();
    }
    bool wait() {
        std::unique_lock lock(mutex);
        return raised.wait_for(lock, std::chrono::seconds(120), [this] { return up; });
    }
};

} // namespace

TEST_CASE("a 437 KB PNG of 60000 x 60000 pixels is refused with its size, never handed to libpng") {
    const PictureFolder folder;
    const SoftwareRenderer software;
    REQUIRE(software.renderer);
    ImageCache cache(software.renderer.get());
    for (const auto& [width, height] : {std::pair{60000u, 60000u}, std::pair{20000u, 20000u}}) {
        const auto picture = folder.file(std::to_string(width) + ".png", test::png_claiming(width, height));
        const LoadedImage& image = cache.get(picture, 640, 360);
        CAPTURE(width);
        CHECK(image.texture == nullptr);
        CHECK(image.problem.find("megapixels), more than the 40 megapixels Lectern decodes") !=
              std::string::npos);
    }
    CHECK(cache.live_bytes() == 0);
}

TEST_CASE("a picture that is a device or a FIFO gets a placeholder naming what it is, and is never read") {
    const PictureFolder folder;
    REQUIRE(mkfifo((folder.path / "pipe.png").c_str(), 0600) == 0);
    const SoftwareRenderer software;
    ImageCache cache(software.renderer.get());
    CHECK(cache.get("/dev/zero", 64, 64).problem == "it is a device, not a file");
    CHECK(cache.get(folder.path / "pipe.png", 64, 64).problem == "it is a FIFO (named pipe), not a file");
}

TEST_CASE("the placeholder of a refused picture says why, and the panel's problems list has it") {
    const PictureFolder folder;
    const auto picture = folder.file("huge.png", test::png_claiming(60000, 60000));
    auto created = OffscreenCanvas::create(320, 180, test::shared_font_catalog());
    REQUIRE(created);
    OffscreenCanvas* canvas = created->get();
    DisplayList list;
    list.width = 1920;
    list.height = 1080;
    list.items.emplace_back(Picture{{100, 100, 800, 600}, picture, "A padlock"});
    canvas->draw(list);
    const auto& problems = canvas->slides().picture_problems();
    REQUIRE(problems.count(picture.string()) == 1);
    CHECK(problems.at(picture.string()).starts_with("it is 60000 x 60000 pixels (3600 megapixels)"));
}

TEST_CASE("presenting: a slow picture is a placeholder at first, then arrives and wakes the loop") {
    // 20,000 circles: about 900 KB of SVG that froze a show for 19 s on its slide.
    const PictureFolder folder;
    const auto picture = folder.file("circles.svg", test::svg_of_circles(20000));
    const SoftwareRenderer software;
    ImageCache cache(software.renderer.get());
    Signal ready;
    cache.decode_in_background(0,
                               [&ready] { ready.raise(); }); // no wait at all: always the placeholder first
    const LoadedImage& first = cache.get(picture, 1280, 720);
    CHECK(first.loading);
    CHECK(first.texture == nullptr);
    CHECK(first.problem.empty()); // loading is not a problem
    REQUIRE(ready.wait());
    const LoadedImage& later = cache.get(picture, 1280, 720);
    CHECK_FALSE(later.loading);
    CHECK((later.texture != nullptr || later.problem.find("took longer than 2 s") != std::string::npos));
    CHECK(cache.decodes() == 1);
}

TEST_CASE(
    "an SVG that takes longer than the time limit is abandoned with a problem, its thread ending alone") {
    const PictureFolder folder;
    const auto picture = folder.file("slow.svg", test::svg_of_circles(3));
    Signal release;
    std::atomic<int> finished = 0;
    // A rasteriser that cannot finish before the test lets it: longer than any limit, whatever the machine.
    const SvgRasteriser never_in_time = [&release, &finished](const std::filesystem::path& path, int w,
                                                              int h) {
        release.wait();
        SurfacePtr surface = rasterise_svg_file(path, w, h);
        ++finished;
        return surface;
    };
    const DecodedPicture abandoned = decode_picture(picture, 64, 64, 10, never_in_time);
    CHECK(abandoned.too_slow);
    CHECK(abandoned.surface == nullptr);
    CHECK(abandoned.problem ==
          "the SVG took longer than 0.01 s to draw, so it was left out; simplify it or save "
          "it as PNG");
    release.raise();
    const DecodedPicture quick = decode_picture(picture, 64, 64, 60000, never_in_time);
    CHECK(quick.surface != nullptr);
    CHECK_FALSE(quick.too_slow);
    while (finished < 2) // the abandoned thread uses this test's locals until it ends
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
}
