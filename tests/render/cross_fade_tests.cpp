// The audience screen's cross-fade drawn item by item (core/compose/cross_fade.h) with a real SDL
// software renderer: what both slides share is drawn once at full strength, what changes is blended half
// way at the middle of the fade, another background fades over the whole slide, the ends of a fade are
// exactly the two slides, and a faded draw leaves the shared textures as they were.
#include "core/compose/cross_fade.h"
#include "golden_image.h"
#include "render/sdl_handles.h"
#include "render/slide_renderer.h"
#include "render_fixture.h"

#include <SDL.h>
#include <doctest/doctest.h>

#include <cstdlib>
#include <cstring>
#include <memory>

using namespace lectern;

namespace {

constexpr int width_px = 480;
constexpr int height_px = 270; // a quarter of 1920x1080: slide units map 4 to 1

struct RendererDeleter {
    void operator()(SDL_Renderer* renderer) const { SDL_DestroyRenderer(renderer); }
};

const Colour white{255, 255, 255, 255};
const Colour shared_blue{20, 60, 120, 255};
const Colour old_red{200, 0, 0, 255};
const Colour new_green{0, 160, 0, 255};

FilledBox box_at(float x, float y, Colour colour) {
    return {{x, y, 400, 200}, colour, 0};
}

TextRun words_at(float x, float y, std::string text, Colour colour) {
    TextRun run;
    run.x = x;
    run.y = y;
    run.text = std::move(text);
    run.style.px = 80;
    run.colour = colour;
    return run;
}

DisplayList slide_of(std::vector<DisplayItem> items, Colour background = white) {
    DisplayList list;
    list.background = background;
    list.items = std::move(items);
    return list;
}

class Screen {
public:
    Screen()
        : m_surface(SDL_CreateRGBSurfaceWithFormat(0, width_px, height_px, 32, SDL_PIXELFORMAT_ARGB8888)),
          m_renderer(SDL_CreateSoftwareRenderer(m_surface.get())),
          m_slides(m_renderer.get(), test::shared_font_catalog()) {}

    // Draws the fade from `from` to `to` at `progress`, as the audience view does.
    void fade(const DisplayList& from, const DisplayList& to, float progress) {
        const CrossFadeFrame frame = cross_fade_frame(plan_cross_fade(from, to), progress, false);
        m_slides.draw(to, whole(), nullptr, frame.to_opacity);
        m_slides.draw_fading_out(from, whole(), nullptr, frame.from_ground, frame.from_opacity);
    }

    void draw(const DisplayList& list) { m_slides.draw(list, whole()); }

    Colour pixel(int x, int y) const {
        const auto* row = static_cast<const Uint8*>(m_surface->pixels) + y * m_surface->pitch;
        Uint32 value = 0;
        std::memcpy(&value, row + x * 4, 4);
        Uint8 r = 0, g = 0, b = 0, a = 0;
        SDL_GetRGBA(value, m_surface->format, &r, &g, &b, &a);
        return {r, g, b, 255};
    }

    SurfacePtr copy() const { return SurfacePtr(SDL_DuplicateSurface(m_surface.get())); }
    SDL_Surface& surface() { return *m_surface; }

private:
    static SDL_Rect whole() { return {0, 0, width_px, height_px}; }

    SurfacePtr m_surface;
    std::unique_ptr<SDL_Renderer, RendererDeleter> m_renderer;
    SlideRenderer m_slides;
};

// `over` blended at `share` over `under`.
Colour blend(Colour under, Colour over, float share) {
    auto channel = [share](Uint8 from, Uint8 to) {
        return static_cast<Uint8>(static_cast<float>(from) +
                                  (static_cast<float>(to) - static_cast<float>(from)) * share + 0.5f);
    };
    return {channel(under.r, over.r), channel(under.g, over.g), channel(under.b, over.b), 255};
}

// Whether `seen` is `want` within 3 levels in each channel (rounding differs between blenders).
bool near(Colour seen, Colour want) {
    auto close = [](Uint8 a, Uint8 b) {
        return std::abs(static_cast<int>(a) - static_cast<int>(b)) <= 3;
    };
    return close(seen.r, want.r) && close(seen.g, want.g) && close(seen.b, want.b);
}

std::size_t differing_pixels(SDL_Surface& a, SDL_Surface& b) {
    std::size_t count = 0;
    for (int y = 0; y < height_px; ++y)
        count += std::memcmp(static_cast<const Uint8*>(a.pixels) + y * a.pitch,
                             static_cast<const Uint8*>(b.pixels) + y * b.pitch, width_px * 4) != 0;
    return count; // rows that differ: any is too many
}

} // namespace

TEST_CASE("half way through a fade, shared items are whole and the others are half blended") {
    Screen screen;
    const DisplayList from = slide_of({box_at(0, 0, shared_blue), box_at(400, 600, old_red)});
    const DisplayList to = slide_of({box_at(0, 0, shared_blue), box_at(1200, 600, new_green)});
    screen.fade(from, to, 0.5f);
    CHECK(screen.pixel(40, 20) == shared_blue);                         // shared: never faded
    CHECK(near(screen.pixel(150, 175), blend(white, old_red, 0.5f)));   // going
    CHECK(near(screen.pixel(350, 175), blend(white, new_green, 0.5f))); // coming
    CHECK(screen.pixel(460, 20) == white);                              // the shared background
}

TEST_CASE("with another background the old slide, background and all, fades out over the new one") {
    Screen screen;
    const Colour dark{20, 20, 20, 255};
    const DisplayList from = slide_of({box_at(400, 600, old_red)});
    const DisplayList to = slide_of({box_at(1200, 600, new_green)}, dark);
    screen.fade(from, to, 0.25f);
    const Colour old_ground = blend(dark, white, 0.75f);
    CHECK(near(screen.pixel(460, 20), old_ground));
    CHECK(near(screen.pixel(150, 175), blend(old_ground, old_red, 0.75f)));
    CHECK(near(screen.pixel(350, 175), blend(new_green, white, 0.75f)));
}

TEST_CASE("the ends of a fade are exactly the two slides, text included") {
    Screen screen;
    const DisplayList from =
        slide_of({box_at(0, 0, shared_blue), words_at(100, 300, "Before", Colour{0, 0, 0, 255})});
    const DisplayList to =
        slide_of({box_at(0, 0, shared_blue), words_at(100, 600, "After", Colour{0, 0, 0, 255})});
    screen.draw(to);
    const SurfacePtr whole_to = screen.copy();
    screen.draw(from);
    const SurfacePtr whole_from = screen.copy();

    screen.fade(from, to, 1.0f);
    CHECK(differing_pixels(*whole_to, screen.surface()) == 0);
    screen.fade(from, to, 0.0f);
    CHECK(differing_pixels(*whole_from, screen.surface()) == 0);
}

TEST_CASE("text drawn faded leaves its cached texture as it was for the next frame") {
    Screen screen;
    const DisplayList words = slide_of({words_at(100, 300, "Shared texture", Colour{0, 0, 0, 255})});
    screen.draw(words);
    const SurfacePtr before = screen.copy();
    screen.fade(words, slide_of({}), 0.7f); // the words fade out, through the same cached texture
    screen.draw(words);
    CHECK(differing_pixels(*before, screen.surface()) == 0);
}
