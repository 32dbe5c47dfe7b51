#include "render/text_cache.h"
#include "render_fixture.h"

#include <doctest/doctest.h>

#include <memory>

using namespace lectern;

namespace {

constexpr Colour ink{20, 20, 20, 255};

// A software renderer drawing into a surface: no display, no GPU.
struct SoftwareTarget {
    SurfacePtr surface{SDL_CreateRGBSurfaceWithFormat(0, 320, 180, 32, SDL_PIXELFORMAT_ARGB8888)};
    std::unique_ptr<SDL_Renderer, decltype(&SDL_DestroyRenderer)> renderer{
        surface ? SDL_CreateSoftwareRenderer(surface.get()) : nullptr, &SDL_DestroyRenderer};
};

} // namespace

TEST_CASE("text cache: identical text is rasterised once; the second lookup is a hit") {
    SoftwareTarget target;
    REQUIRE(target.renderer);
    TextRasteriser rasteriser(test::shared_font_catalog());
    TextCache cache(target.renderer.get(), rasteriser);
    const TextTexture first = cache.texture_for("Hello 中文", TextStyle{}, ink, 32);
    REQUIRE(first.texture != nullptr);
    CHECK(first.width_px > 0);
    CHECK(first.height_px > 0);
    const TextTexture second = cache.texture_for("Hello 中文", TextStyle{}, ink, 32);
    CHECK(second.texture == first.texture);
    CHECK(cache.counters().hits == 1);
    CHECK(cache.counters().rasterisations == 1);
    CHECK(rasteriser.rasterisations() == 1);
    CHECK(cache.counters().live_textures == 1);
    CHECK(cache.counters().live_bytes == static_cast<std::size_t>(first.width_px * first.height_px * 4));

    // Any change of size, colour or style is another texture.
    cache.texture_for("Hello 中文", TextStyle{}, ink, 33);
    cache.texture_for("Hello 中文", TextStyle{}, Colour{255, 0, 0, 255}, 32);
    cache.texture_for("Hello 中文", TextStyle{.italic = true}, ink, 32);
    CHECK(cache.counters().rasterisations == 4);
    CHECK(cache.counters().live_textures == 4);
    CHECK(SDL_RenderCopy(target.renderer.get(), first.texture, nullptr, nullptr) == 0);
}

TEST_CASE("text cache: least recently used textures go beyond the byte budget") {
    SoftwareTarget target;
    REQUIRE(target.renderer);
    TextRasteriser rasteriser(test::shared_font_catalog());
    const TextTexture probe =
        TextCache(target.renderer.get(), rasteriser).texture_for("word 1", TextStyle{}, ink, 24);
    const auto one_texture = static_cast<std::size_t>(probe.width_px * probe.height_px * 4);
    TextCache cache(target.renderer.get(), rasteriser, one_texture * 2 + one_texture / 2); // room for two
    cache.texture_for("word 1", TextStyle{}, ink, 24);
    cache.texture_for("word 2", TextStyle{}, ink, 24);
    cache.texture_for("word 1", TextStyle{}, ink, 24); // now "word 2" is the least recently used
    cache.texture_for("word 3", TextStyle{}, ink, 24);
    TextCacheCounters counters = cache.counters();
    CHECK(counters.live_textures == 2);
    CHECK(counters.evictions == 1);
    CHECK(counters.live_bytes <= one_texture * 2 + one_texture / 2);
    cache.texture_for("word 1", TextStyle{}, ink, 24);
    CHECK(cache.counters().hits == 2);
    cache.texture_for("word 2", TextStyle{}, ink, 24);
    CHECK(cache.counters().rasterisations == 4); // "word 2" had gone
}

TEST_CASE("text cache: clear() destroys every texture, and text is rasterised again after it") {
    SoftwareTarget target;
    REQUIRE(target.renderer);
    TextRasteriser rasteriser(test::shared_font_catalog());
    TextCache cache(target.renderer.get(), rasteriser);
    cache.texture_for(test::urdu, TextStyle{}, ink, 28);
    cache.texture_for(test::korean, TextStyle{}, ink, 28);
    CHECK(cache.counters().live_textures == 2);
    cache.clear();
    CHECK(cache.counters().live_textures == 0);
    CHECK(cache.counters().live_bytes == 0);
    CHECK(cache.texture_for(test::urdu, TextStyle{}, ink, 28).texture != nullptr);
    CHECK(cache.counters().rasterisations == 3);
}

TEST_CASE("text cache: empty text gives no texture and is not counted") {
    SoftwareTarget target;
    REQUIRE(target.renderer);
    TextRasteriser rasteriser(test::shared_font_catalog());
    TextCache cache(target.renderer.get(), rasteriser);
    CHECK(cache.texture_for("", TextStyle{}, ink, 28).texture == nullptr);
    CHECK(cache.counters().rasterisations == 0);
    CHECK(cache.counters().live_textures == 0);
}
