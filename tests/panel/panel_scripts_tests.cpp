// The presenter panel shows the deck's words in every script: a Bengali note, a Bengali slide title and
// an Arabic written answer are drawn by the slides' text stack (not ImGui's Latin-only atlas, which shows
// "?"). Checked on the panel's real pixels: where the panel says it drew each text, the window shows the
// same glyph shapes as the slide text stack's own rendering of that text.
#include "core/deck/deck_loader.h"
#include "panel/panel_text.h"
#include "panel/presenter_window.h"
#include "render/font_runs.h"
#include "render/text_rasteriser.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

using namespace lectern;

namespace {

constexpr std::string_view deck_text = R"(
[deck]
title = "Scripts in the panel"
language = "bn"

[[slides]]
layout = "words"
id = "feelings"
question = "এক কথায় বলো"
notes = "হ্যালো বন্ধু"
)";

constexpr std::string_view bengali_note = "হ্যালো বন্ধু";
constexpr std::string_view arabic_answer = "اسأل شخصًا بالغًا";

std::uint32_t pixel_at(const SDL_Surface& surface, int x, int y) {
    std::uint32_t pixel = 0;
    std::memcpy(&pixel,
                static_cast<const std::uint8_t*>(surface.pixels) +
                    static_cast<std::ptrdiff_t>(y) * surface.pitch + static_cast<std::ptrdiff_t>(x) * 4,
                sizeof pixel);
    return pixel; // ARGB8888
}

int brightness(std::uint32_t pixel) {
    return static_cast<int>(((pixel >> 16) & 0xFF) + ((pixel >> 8) & 0xFF) + (pixel & 0xFF));
}

// The commonest brightness in `surface`: the background the text was drawn on (the panel's dark grey, or
// the highlight of the current slide's row).
int background_brightness(const SDL_Surface& surface) {
    std::array<int, 766> counts{};
    for (int y = 0; y < surface.h; ++y) {
        for (int x = 0; x < surface.w; ++x)
            ++counts[static_cast<std::size_t>(brightness(pixel_at(surface, x, y)))];
    }
    return static_cast<int>(std::max_element(counts.begin(), counts.end()) - counts.begin());
}

bool text_ink(std::uint32_t pixel) {
    return (pixel >> 24) > 128;
}

struct InkComparison {
    int ink_pixels = 0; // in the rasterised text
    int differing = 0;  // where one has ink and the other has not
};

// The window's pixels at `where` against `reference`, a rendering of the same text.
InkComparison compare_ink(SDL_Renderer* renderer, const SDL_Rect& where, const SDL_Surface& reference) {
    SDL_Surface* shown = SDL_CreateRGBSurfaceWithFormat(0, where.w, where.h, 32, SDL_PIXELFORMAT_ARGB8888);
    REQUIRE(shown);
    REQUIRE(SDL_RenderReadPixels(renderer, &where, SDL_PIXELFORMAT_ARGB8888, shown->pixels, shown->pitch) ==
            0);
    const int background = background_brightness(*shown);
    InkComparison comparison;
    for (int y = 0; y < where.h && y < reference.h; ++y) {
        for (int x = 0; x < where.w && x < reference.w; ++x) {
            const bool in_text = text_ink(pixel_at(reference, x, y));
            comparison.ink_pixels += in_text ? 1 : 0;
            // Light text: ink where the window is more than half way from its background to white.
            const bool shown_ink = brightness(pixel_at(*shown, x, y)) > (background + 765) / 2;
            comparison.differing += in_text != shown_ink ? 1 : 0;
        }
    }
    SDL_FreeSurface(shown);
    return comparison;
}

const DrawnPanelText* drawn_text(PresenterWindow& panel, std::string_view text) {
    for (const DrawnPanelText& drawn : panel.text().drawn()) {
        if (drawn.text == text)
            return &drawn;
    }
    return nullptr;
}

} // namespace

TEST_CASE("the panel draws a Bengali note and title and an Arabic written answer in real glyphs, not ?") {
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    REQUIRE(SDL_Init(SDL_INIT_VIDEO) == 0);
    {
        DeckLoadResult loaded = load_deck_text(deck_text, "scripts.toml", ".");
        REQUIRE(loaded.ok());
        const Deck deck = std::move(*loaded.deck);
        FontCatalog catalog({deck.theme.body_font, deck.theme.heading_font, deck.info.language});
        auto opened = PresenterWindow::open({0, 0, 1280, 800}, catalog);
        REQUIRE_MESSAGE(opened, (opened ? "" : opened.error()));
        std::unique_ptr<PresenterWindow> panel = std::move(*opened);

        PollState poll = poll_for(deck.slides[0]);
        poll.open = true;
        poll.answers.push_back({1, std::string(arabic_answer), AnswerStatus::Pending, "", false, "device-1"});
        PanelView view;
        view.deck = &deck;
        view.nav = NavState{0, 0, Blank::None, {}};
        view.stopwatch = Stopwatch::started_at(0);
        view.wall_clock = "09:00";
        view.poll = &poll;
        for (int frame = 0; frame < 3; ++frame) {
            view.now_ms = static_cast<std::uint64_t>(frame) * 16;
            panel->frame(view);
        }

        TextRasteriser rasteriser(catalog);
        for (const std::string_view text :
             {bengali_note, arabic_answer, std::string_view("1. এক কথায় বলো")}) {
            CAPTURE(text);
            const DrawnPanelText* drawn = drawn_text(*panel, text);
            REQUIRE(drawn);
            const TextStyle style{FontRole::Body, drawn->bold, false, static_cast<float>(drawn->pixel_size)};
            // The slide text stack has a glyph for every character, from the face made for its script.
            for (const FontRun& run : split_into_font_runs(text, style, drawn->pixel_size, catalog).runs) {
                CHECK_FALSE(run.has_missing_glyphs);
            }
            const RasterisedText reference =
                rasteriser.render(text, style, {255, 255, 255, 255}, drawn->pixel_size);
            REQUIRE(reference.surface);
            CHECK(drawn->where.w == reference.surface->w);
            CHECK(drawn->where.h == reference.surface->h);
            const InkComparison comparison = compare_ink(panel->renderer(), drawn->where, *reference.surface);
            CHECK(comparison.ink_pixels > 100);
            // The window shows those glyphs where the panel drew them (antialiased edges may differ a
            // little).
            CHECK(comparison.differing < comparison.ink_pixels / 10);
        }
    }
    SDL_Quit();
}
