// fill_rounded_box with SDL's software renderer (the one `lectern render` draws with): a translucent box
// at a fractional place and radius is one even colour inside, with no gap or darker line where its parts
// meet, and a box rounded into a circle is too. The software renderer blends a rectangle and a triangle
// with different rounding, so "even" allows the levels that apart, far below what an eye sees.
#include "render/sdl_handles.h"
#include "render/slide_renderer.h"

#include <SDL.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <set>

using namespace lectern;

namespace {

struct RendererDeleter {
    void operator()(SDL_Renderer* renderer) const { SDL_DestroyRenderer(renderer); }
};

struct Canvas {
    SurfacePtr surface{SDL_CreateRGBSurfaceWithFormat(0, 200, 200, 32, SDL_PIXELFORMAT_ARGB8888)};
    std::unique_ptr<SDL_Renderer, RendererDeleter> renderer{SDL_CreateSoftwareRenderer(surface.get())};

    Canvas() {
        SDL_SetRenderDrawColor(renderer.get(), 255, 255, 255, 255);
        SDL_RenderClear(renderer.get());
    }

    Uint32 pixel(int x, int y) const {
        Uint32 value = 0;
        std::memcpy(&value, static_cast<const Uint8*>(surface->pixels) + y * surface->pitch + x * 4, 4);
        return value;
    }
};

const Colour translucent{200, 30, 30, 128};

// Whether every colour in `colours` is within `levels` of every other in each channel.
bool even(const std::set<Uint32>& colours, int levels) {
    for (const int shift : {0, 8, 16}) {
        int low = 255;
        int high = 0;
        for (const Uint32 colour : colours) {
            low = std::min(low, static_cast<int>(colour >> shift & 0xFFu));
            high = std::max(high, static_cast<int>(colour >> shift & 0xFFu));
        }
        if (high - low > levels)
            return false;
    }
    return true;
}

// A gap shows the white under the box (about 100 levels lighter in green and blue), a part blended twice
// about 50 levels darker; the software renderer's two roundings are one or two levels apart.
constexpr int rounding_levels = 2;

} // namespace

TEST_CASE("a translucent rounded box at a fractional place is one even colour inside") {
    Canvas canvas;
    fill_rounded_box(canvas.renderer.get(), {20.7f, 30.4f, 150.3f, 90.6f}, 23.6f, translucent);
    // Every pixel well inside (away from the rounded corners and the edges' rounding) is the same.
    std::set<Uint32> inside;
    for (int y = 33; y < 119; ++y)
        for (int x = 46; x < 146; ++x)
            inside.insert(canvas.pixel(x, y));
    for (int y = 56; y < 96; ++y)
        for (int x = 23; x < 169; ++x)
            inside.insert(canvas.pixel(x, y));
    CHECK(even(inside, rounding_levels));
    CHECK(canvas.pixel(10, 10) == canvas.pixel(190, 190)); // outside: untouched
    CHECK_FALSE(inside.contains(canvas.pixel(10, 10)));
}

TEST_CASE("a box rounded into a circle is one even colour inside, with no line through its middle") {
    Canvas canvas;
    fill_rounded_box(canvas.renderer.get(), {50.5f, 50.5f, 81.0f, 81.0f}, 40.5f, translucent);
    std::set<Uint32> inside;
    const float centre = 91.0f;
    for (int y = 55; y < 128; ++y) {
        for (int x = 55; x < 128; ++x) {
            if (std::hypot(static_cast<float>(x) + 0.5f - centre, static_cast<float>(y) + 0.5f - centre) <
                36.0f)
                inside.insert(canvas.pixel(x, y));
        }
    }
    CHECK(even(inside, rounding_levels));
}
