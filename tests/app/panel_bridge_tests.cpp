// PanelBridge: where the presenter panel opens on SDL's dummy driver (one display), its events, and a
// frame of the whole problem list.
#include "app/panel_bridge.h"
#include "core/deck/deck_loader.h"
#include "dummy_video.h"
#include "test_files.h"

#include <doctest/doctest.h>

using namespace lectern;

TEST_CASE("with one display the panel opens only when asked for, and closing it leaves nothing behind") {
    test::DummyVideo video;
    FontCatalog catalog;
    const std::vector<DisplayInfo> displays = list_displays();
    REQUIRE(displays.size() == 1);
    {
        PanelBridge automatic;
        automatic.open(PanelChoice::Auto, "", displays, displays.front(), catalog);
        CHECK_FALSE(automatic.is_open()); // a mirrored laptop must not show the notes
        CHECK_FALSE(automatic.next_frame_ms());
        CHECK(automatic.draw({}, 0).jump_to_slide == std::nullopt);
    }
    PanelBridge off;
    off.open(PanelChoice::Off, "", displays, displays.front(), catalog);
    CHECK_FALSE(off.is_open());

    PanelBridge asked;
    asked.open(PanelChoice::On, "", displays, displays.front(), catalog);
    REQUIRE(asked.is_open());
    CHECK(asked.next_frame_ms());
    SDL_Event other{};
    other.type = SDL_KEYDOWN;
    other.key.windowID = 9999;
    CHECK(asked.handle(other, 0) == PanelEvent::NotThePanels);
    asked.close();
    CHECK_FALSE(asked.is_open());
}

TEST_CASE("the panel draws every problem of the list and its timer runs from the start") {
    test::DummyVideo video;
    FontCatalog catalog;
    const std::vector<DisplayInfo> displays = list_displays();
    DeckLoadResult result = load_deck_file(test::source_dir() / "tests/decks/e2e/keys.toml");
    REQUIRE(result.ok());
    const Deck deck = std::move(*result.deck);
    PanelBridge panel;
    panel.open(PanelChoice::On, "", displays, displays.front(), catalog);
    REQUIRE(panel.is_open());
    panel.start_timer(1'000);
    PanelView view;
    view.deck = &deck;
    view.problems = {"The edited deck has errors", "Voting from devices is off: port in use",
                     "deck.toml:3:1: warning: one", "deck.toml:4:1: warning: two"};
    for (std::uint64_t now = 1'000; now < 1'100; now += 16) {
        const PanelActions actions = panel.draw(view, now);
        CHECK_FALSE(actions.next);
    }
    CHECK(*panel.next_frame_ms() > 1'084); // settled: it sleeps until it has something to show
}
