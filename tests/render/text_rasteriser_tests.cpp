#include "render/sdl_text_measurer.h"
#include "render/text_rasteriser.h"
#include "render_fixture.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstring>

using namespace lectern;

namespace {

constexpr Colour white{255, 255, 255, 255};

std::uint8_t alpha_at(const SDL_Surface& surface, int x, int y) {
    const auto* row =
        static_cast<const std::uint8_t*>(surface.pixels) + static_cast<std::ptrdiff_t>(y) * surface.pitch;
    std::uint32_t pixel = 0;
    std::memcpy(&pixel, row + static_cast<std::ptrdiff_t>(x) * 4, sizeof pixel);
    return static_cast<std::uint8_t>(pixel >> 24); // ARGB8888
}

// Sum of alpha over columns [first, last).
long ink_in_columns(const SDL_Surface& surface, int first, int last) {
    long ink = 0;
    for (int y = 0; y < surface.h; ++y) {
        for (int x = first; x < last; ++x) {
            ink += alpha_at(surface, x, y);
        }
    }
    return ink;
}

} // namespace

TEST_CASE("text rasteriser: a mixed-script line becomes one surface as wide as it measures") {
    FontCatalog& catalog = test::shared_font_catalog();
    TextRasteriser rasteriser(catalog);
    SdlTextMeasurer measurer(catalog);
    const TextStyle style{.px = 32};
    const RasterisedText drawn = rasteriser.render(test::mixed_scripts, style, white, 32);
    REQUIRE(drawn.surface);
    CHECK(drawn.surface->format->format == SDL_PIXELFORMAT_ARGB8888);
    CHECK(std::abs(static_cast<float>(drawn.surface->w) - measurer.width_of(test::mixed_scripts, style)) <=
          2.0f);
    CHECK(drawn.surface->h >= measurer.line_height(style) * 0.8f);
    CHECK(drawn.baseline_px > 0);
    CHECK(drawn.baseline_px < drawn.surface->h);
    CHECK(ink_in_columns(*drawn.surface, 0, drawn.surface->w) > 0);
    CHECK(alpha_at(*drawn.surface, 0, 0) == 0); // transparent background
    CHECK(rasteriser.rasterisations() == 1);
}

TEST_CASE("text rasteriser: the colour is the text's colour") {
    TextRasteriser rasteriser(test::shared_font_catalog());
    const RasterisedText drawn = rasteriser.render("H", TextStyle{}, Colour{200, 30, 40, 255}, 40);
    REQUIRE(drawn.surface);
    bool found = false;
    for (int y = 0; y < drawn.surface->h && !found; ++y) {
        for (int x = 0; x < drawn.surface->w && !found; ++x) {
            if (alpha_at(*drawn.surface, x, y) == 255) {
                std::uint32_t pixel = 0;
                std::memcpy(&pixel,
                            static_cast<const std::uint8_t*>(drawn.surface->pixels) +
                                y * drawn.surface->pitch + x * 4,
                            sizeof pixel);
                CHECK((pixel & 0xFFFFFF) == 0xC81E28);
                found = true;
            }
        }
    }
    CHECK(found);
}

TEST_CASE("text rasteriser: a right-to-left line puts its Latin ending on the left") {
    TextRasteriser rasteriser(test::shared_font_catalog());
    const RasterisedText line = rasteriser.render("שלום abc", TextStyle{}, white, 40);
    const RasterisedText latin = rasteriser.render("abc", TextStyle{}, white, 40);
    REQUIRE(line.surface);
    REQUIRE(latin.surface);
    REQUIRE(line.surface->w > latin.surface->w);
    // The leftmost columns hold exactly the ink of "abc" drawn alone.
    CHECK(ink_in_columns(*line.surface, 0, latin.surface->w) ==
          ink_in_columns(*latin.surface, 0, latin.surface->w));
}

TEST_CASE("text rasteriser: a fallback font's run shares the baseline and fits the surface") {
    TextRasteriser rasteriser(test::shared_font_catalog());
    for (const std::string_view text : {test::urdu, test::japanese, test::korean}) {
        CAPTURE(text);
        const RasterisedText drawn =
            rasteriser.render(std::string("Ag ") + std::string(text), TextStyle{}, white, 48);
        REQUIRE(drawn.surface);
        CHECK(drawn.offset_y_px <= 0);
        CHECK(ink_in_columns(*drawn.surface, 0, drawn.surface->w) > 0);
    }
}

TEST_CASE("text rasteriser: empty, blank and invalid text never crash") {
    TextRasteriser rasteriser(test::shared_font_catalog());
    CHECK_FALSE(rasteriser.render("", TextStyle{}, white, 32).surface);
    CHECK_FALSE(rasteriser.render("\u200D", TextStyle{}, white, 32).surface); // draws nothing
    const RasterisedText blank = rasteriser.render("   ", TextStyle{}, white, 32);
    REQUIRE(blank.surface);
    CHECK(ink_in_columns(*blank.surface, 0, blank.surface->w) == 0);
    CHECK(rasteriser.render("ab\xFF\xC3(\xE4\xB8", TextStyle{}, white, 32).surface);
    CHECK(rasteriser.render("x", TextStyle{}, white, 0).surface);      // clamped to 1 px
    CHECK(rasteriser.render("x", TextStyle{}, white, 100000).surface); // clamped to the largest size
}
