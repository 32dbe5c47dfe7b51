// What `lectern render` writes (issue 22): PNGs from PngEncoder decode to exactly the pixels drawn, an
// encoder kept from one picture to the next writes each as a fresh one would, and pictures decoded once
// before the workers start are drawn as if each worker had decoded them itself.
#include "picture_files.h"
#include "render/image_cache.h"
#include "render/offscreen_canvas.h"
#include "render/png_encoder.h"
#include "render_fixture.h"
#include "test_files.h"

#include <SDL2/SDL_image.h>
#include <doctest/doctest.h>

#include <cstring>

using namespace lectern;

namespace {

// A surface of `format` whose pixels differ from their neighbours (nothing for deflate to lean on) and
// whose alpha is not opaque (the PNG drops it).
SurfacePtr busy_surface(int w, int h, Uint32 format) {
    SurfacePtr surface(SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, format));
    REQUIRE(surface);
    std::uint32_t seed = 12345;
    for (int y = 0; y < h; ++y) {
        auto* row = reinterpret_cast<std::uint32_t*>(static_cast<unsigned char*>(surface->pixels) +
                                                     y * surface->pitch);
        for (int x = 0; x < w; ++x) {
            seed = seed * 1664525u + 1013904223u;
            row[x] = x < w / 2 ? seed : 0x80336699u; // half noise, half flat colour
        }
    }
    return surface;
}

std::vector<unsigned char> rgb_of(SDL_Surface& surface) {
    SurfacePtr rgb(SDL_ConvertSurfaceFormat(&surface, SDL_PIXELFORMAT_RGB24, 0));
    REQUIRE(rgb);
    std::vector<unsigned char> bytes;
    for (int y = 0; y < rgb->h; ++y) {
        const auto* row = static_cast<const unsigned char*>(rgb->pixels) + y * rgb->pitch;
        bytes.insert(bytes.end(), row, row + rgb->w * 3);
    }
    return bytes;
}

// The PNG's pixels as RGB, read back by SDL_image (libpng), as any viewer reads the file.
std::vector<unsigned char> decoded_rgb(const std::string& png) {
    SurfacePtr read(IMG_Load_RW(SDL_RWFromConstMem(png.data(), static_cast<int>(png.size())), 1));
    REQUIRE(read);
    return rgb_of(*read);
}

std::vector<std::uint32_t> pixels_of(const SDL_Surface& surface) {
    std::vector<std::uint32_t> pixels;
    for (int y = 0; y < surface.h; ++y) {
        const auto* row = reinterpret_cast<const std::uint32_t*>(
            static_cast<const unsigned char*>(surface.pixels) + y * surface.pitch);
        pixels.insert(pixels.end(), row, row + surface.w);
    }
    return pixels;
}

} // namespace

TEST_CASE("a PNG from the encoder decodes to exactly the surface's colours, in any pixel format") {
    for (const Uint32 format : {SDL_PIXELFORMAT_ARGB8888, SDL_PIXELFORMAT_RGB888, SDL_PIXELFORMAT_ABGR8888}) {
        CAPTURE(SDL_GetPixelFormatName(format));
        const SurfacePtr surface = busy_surface(97, 31, format); // odd sizes: no row is a round number
        const Expected<std::string> png = encode_png(*surface);
        REQUIRE(png);
        CHECK(png->starts_with("\x89PNG\r\n\x1a\n"));
        CHECK(decoded_rgb(*png) == rgb_of(*surface));
    }
}

TEST_CASE("an encoder kept for many pictures writes each as a fresh one would, whatever came before") {
    PngEncoder kept;
    const SurfacePtr large = busy_surface(200, 120, SDL_PIXELFORMAT_ARGB8888);
    const SurfacePtr small = busy_surface(20, 10, SDL_PIXELFORMAT_ARGB8888);
    const Expected<std::string> first = kept.encode(*large);
    const Expected<std::string> second = kept.encode(*small); // shorter than the buffers the first left
    REQUIRE(first);
    REQUIRE(second);
    CHECK(*first == *encode_png(*large));
    CHECK(*second == *encode_png(*small));
    CHECK(decoded_rgb(*second) == rgb_of(*small));
}

TEST_CASE("an empty picture is a clear failure, not a broken file") {
    const SurfacePtr empty(SDL_CreateRGBSurfaceWithFormat(0, 0, 0, 32, SDL_PIXELFORMAT_ARGB8888));
    if (empty) {
        const Expected<std::string> png = encode_png(*empty);
        REQUIRE_FALSE(png);
        CHECK(png.error() == "cannot write an empty picture as PNG");
    }
}

TEST_CASE("pictures decoded once are drawn without decoding again, to the same pixels") {
    const test::TempFolder folder("png-export-tests");
    test::write_file(folder.path() / "circles.svg", test::svg_of_circles(40));
    test::write_file(folder.path() / "missing-data.png", "not a PNG");
    DisplayList list;
    list.width = 1920;
    list.height = 1080;
    list.background = {240, 240, 230, 255};
    list.items.push_back(Picture{{100, 100, 800, 600}, folder.path() / "circles.svg", "circles"});
    list.items.push_back(Picture{{1000, 100, 800, 600}, folder.path() / "missing-data.png", "broken"});

    // As `lectern render` plans it: each picture at the size it is drawn on a 480x270 canvas.
    const float scale = SlideRenderer::letterbox(list, {0, 0, 480, 270}).w / list.width;
    DecodedPictures decoded;
    std::vector<DecodedPictures::Request> requests;
    for (const DisplayItem& item : list.items) {
        const auto& picture = std::get<Picture>(item);
        const auto [box_w, box_h] = picture_box_px(picture.box, scale);
        requests.push_back({picture.path, box_w, box_h});
    }
    requests.push_back(requests.front()); // asked for twice: decoded once
    for (const DecodedPictures::Request& request : requests)
        decoded.start(request);
    decoded.finish();
    CHECK(decoded.size() == 2);

    auto shared = OffscreenCanvas::create(480, 270, test::shared_font_catalog());
    auto alone = OffscreenCanvas::create(480, 270, test::shared_font_catalog());
    REQUIRE(shared);
    REQUIRE(alone);
    (*shared)->slides().image_cache().use_decoded(&decoded);
    (*shared)->draw(list);
    (*alone)->draw(list);
    CHECK((*shared)->slides().image_cache().decodes() == 0);
    CHECK((*shared)->slides().image_cache().decodes_shared() == 2);
    CHECK((*alone)->slides().image_cache().decodes() == 2);
    CHECK(pixels_of(*(*shared)->surface()) == pixels_of(*(*alone)->surface()));
    // The broken picture is a placeholder with the same problem either way.
    CHECK((*shared)->slides().picture_problems() == (*alone)->slides().picture_problems());
    CHECK((*shared)->slides().picture_problems().size() == 1);
}
