// KioskMode: auto-advance over a real deck's timings (tests/decks/e2e/kiosk.toml: one second a slide, the
// second two, looping, resuming two seconds after the last input), and held chords.
#include "core/compose/slide_composer.h"
#include "core/deck/deck_loader.h"
#include "core/input/input_conf.h"
#include "core/show/kiosk_mode.h"
#include "test_files.h"

#include <doctest/doctest.h>

using namespace lectern;

namespace {

Deck kiosk_deck(std::string_view settings = "") {
    std::string text = "[deck]\ntitle = \"Kiosk\"\n[kiosk]\nslide_seconds = 1\nresume_after_seconds = 2\n";
    text += settings;
    text += "[[slides]]\nlayout = \"title\"\ntitle = \"One\"\n"
            "[[slides]]\nlayout = \"title\"\ntitle = \"Two\"\nseconds = 2\n";
    DeckLoadResult result = load_deck_text(text, "kiosk.toml", test::source_dir());
    REQUIRE(result.ok());
    return std::move(*result.deck);
}

} // namespace

TEST_CASE("a kiosk moves on after each slide's seconds and loops to the first") {
    const Deck deck = kiosk_deck();
    const DeckShape shape = shape_of(deck);
    KioskMode kiosk(ShowMode::Kiosk);
    kiosk.slide_changed(10'000);
    NavState nav;
    CHECK(kiosk.due_ms(deck, shape, nav) == 11'000u);
    CHECK_FALSE(kiosk.advance(deck, shape, nav, 10'999));
    const std::optional<NavState> second = kiosk.advance(deck, shape, nav, 11'000);
    REQUIRE(second);
    CHECK(second->slide == 1);
    CHECK(kiosk.due_ms(deck, shape, *second) == 13'000u); // its own two seconds, from now
    const std::optional<NavState> first = kiosk.advance(deck, shape, *second, 13'000);
    REQUIRE(first);
    CHECK(first->slide == 0);
}

TEST_CASE("someone using a kiosk pauses it until they have left it alone") {
    const Deck deck = kiosk_deck();
    const DeckShape shape = shape_of(deck);
    KioskMode kiosk(ShowMode::Kiosk);
    kiosk.slide_changed(0);
    kiosk.used(500);
    CHECK(kiosk.due_ms(deck, shape, {}) == 2'500u);
    CHECK(kiosk.wake_at_ms(deck, shape, {}, 1'000) == 2'500u);
}

TEST_CASE("a kiosk without a loop stays on its last slide") {
    const Deck deck = kiosk_deck("loop = false\n");
    const DeckShape shape = shape_of(deck);
    KioskMode kiosk(ShowMode::Kiosk);
    NavState last;
    last.slide = 1;
    CHECK_FALSE(kiosk.due_ms(deck, shape, last));
    CHECK_FALSE(kiosk.advance(deck, shape, last, 1'000'000));
}

TEST_CASE("presenting never advances by itself, and input does not count as a kiosk's") {
    const Deck deck = kiosk_deck();
    const DeckShape shape = shape_of(deck);
    KioskMode presenting(ShowMode::Presenting);
    presenting.used(5);
    CHECK(presenting.input_mode() == InputMode::Presenting);
    CHECK_FALSE(presenting.due_ms(deck, shape, {}));
    CHECK_FALSE(presenting.advance(deck, shape, {}, 1'000'000));
    CHECK_FALSE(presenting.wake_at_ms(deck, shape, {}, 0));
}

TEST_CASE("a held chord wakes the loop when it is due and gives its command once") {
    const Deck deck = kiosk_deck("loop = false\n");
    const DeckShape shape = shape_of(deck);
    InputMap map;
    REQUIRE(read_input_conf("Ctrl+Alt+Q hold=3s mode=kiosk quit_kiosk\n", "input.conf", map).empty());
    KioskMode kiosk(ShowMode::Kiosk);
    NavState last;
    last.slide = 1;
    kiosk.held_down(map.bindings().front(), 1'000);
    CHECK(kiosk.wake_at_ms(deck, shape, last, 2'000) == 4'000u);
    CHECK(kiosk.wake_at_ms(deck, shape, last, 5'000) == 5'000u); // overdue: at once
    CHECK(kiosk.take_held(4'000) == PresenterCommand::QuitKiosk);
    CHECK_FALSE(kiosk.take_held(4'001));
}
