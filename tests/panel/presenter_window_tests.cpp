// The presenter panel without a screen: SDL's dummy video driver and a software renderer. Runs the panel
// for a few frames and checks that its thumbnails show the current and the next slide.
#include "core/compose/slide_composer.h"
#include "core/deck/deck_loader.h"
#include "core/show/navigation.h"
#include "golden_image.h"
#include "panel/presenter_window.h"
#include "render/sdl_text_measurer.h"
#include "test_files.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <memory>

using namespace lectern;

namespace {

// The pixels of a target texture of `renderer`.
SDL_Surface* read_texture(SDL_Renderer* renderer, SDL_Texture* texture) {
    int w = 0;
    int h = 0;
    SDL_QueryTexture(texture, nullptr, nullptr, &w, &h);
    SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_SetRenderTarget(renderer, texture);
    SDL_RenderReadPixels(renderer, nullptr, SDL_PIXELFORMAT_ARGB8888, surface->pixels, surface->pitch);
    SDL_SetRenderTarget(renderer, nullptr);
    return surface;
}

// The same display list drawn by a software renderer onto a surface of the same size.
SDL_Surface* drawn_alone(const DisplayList& list, int w, int h, FontCatalog& catalog) {
    SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer* renderer = SDL_CreateSoftwareRenderer(surface);
    {
        SlideRenderer slides(renderer, catalog);
        slides.draw(list, {0, 0, w, h});
        SDL_RenderPresent(renderer);
    }
    SDL_DestroyRenderer(renderer);
    return surface;
}

} // namespace

TEST_CASE("the panel's thumbnails show the current slide and what next will show") {
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    REQUIRE(SDL_Init(SDL_INIT_VIDEO) == 0);
    {
        DeckLoadResult result = load_deck_file(test::source_dir() / "tests/decks/e2e/keys.toml");
        REQUIRE(result.ok());
        const Deck deck = std::move(*result.deck);
        DeckShape shape;
        for (const Slide& slide : deck.slides)
            shape.steps.push_back(build_steps(slide));
        FontCatalog catalog({deck.theme.body_font, deck.theme.heading_font});
        SdlTextMeasurer measurer(catalog);
        auto opened = PresenterWindow::open({0, 0, 1280, 800}, catalog);
        REQUIRE_MESSAGE(opened, (opened ? "" : opened.error()));
        std::unique_ptr<PresenterWindow> panel = std::move(*opened);

        // On slide 2, first point: next is the second point of the same slide.
        const NavState nav{1, 0, Blank::None, {}};
        const NavState next = *following(nav, shape);
        const DisplayList now_list = compose_slide(deck, deck.slides[nav.slide], nav.step, measurer).list;
        const DisplayList next_list = compose_slide(deck, deck.slides[next.slide], next.step, measurer).list;
        panel->set_slides(now_list, &next_list);
        PanelView view;
        view.deck = &deck;
        view.nav = nav;
        view.next = next;
        view.stopwatch = Stopwatch::started_at(0);
        view.wall_clock = "09:00";
        for (int frame = 0; frame < 3; ++frame) {
            view.now_ms = static_cast<std::uint64_t>(frame) * 16;
            const PanelActions actions = panel->frame(view);
            CHECK_FALSE(actions.jump_to_slide);
        }
        REQUIRE(panel->current_thumbnail());
        REQUIRE(panel->next_thumbnail());
        SDL_Surface* current = read_texture(panel->renderer(), panel->current_thumbnail());
        SDL_Surface* upcoming = read_texture(panel->renderer(), panel->next_thumbnail());
        SDL_Surface* want_current = drawn_alone(now_list, current->w, current->h, catalog);
        SDL_Surface* want_next = drawn_alone(next_list, upcoming->w, upcoming->h, catalog);
        CHECK(current->w > 200);
        CHECK(test::differing_share(current, want_current) < 0.002);
        CHECK(test::differing_share(upcoming, want_next) < 0.002);
        CHECK(test::differing_share(current, want_next) > 0.0005); // the two really differ
        // Once settled, the panel sleeps until the clock's next second.
        CHECK(panel->next_frame_ms() == 1000);
        for (SDL_Surface* surface : {current, upcoming, want_current, want_next})
            SDL_FreeSurface(surface);
    }
    SDL_Quit();
}
