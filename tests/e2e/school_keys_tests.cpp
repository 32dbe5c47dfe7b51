// End to end under a real X server: a school's input.conf changes the keys of a running presentation,
// and modifiers match exactly (Shift+F5 is not F5, Shift+Right is not Right).
#include "deck_edits.h"
#include "test_files.h"
#include "x_session.h"

#include <SDL2/SDL_image.h>
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace lectern;

TEST_CASE("a school's input.conf rebinds keys under X, with exact modifiers") {
    const std::filesystem::path deck = test::source_dir() / "tests/decks/e2e/keys.toml";
    const test::TempFolder scratch("e2e-school-keys");
    const std::filesystem::path pictures = scratch.path() / "expected";
    std::filesystem::create_directories(pictures);
    REQUIRE(test::render_deck(deck, pictures));
    std::filesystem::create_directories(scratch.path() / "lectern");
    std::ofstream(scratch.path() / "lectern/input.conf") << "Tab next\nRight ignore\nShift+Right previous\n";
    setenv("XDG_CONFIG_HOME", scratch.path().c_str(), 1);

    test::XSession x(1280, 720);
    REQUIRE_MESSAGE(x.ready(), "Xvfb started (tools/setup.sh installs it)");
    const pid_t lectern = x.start({LECTERN_BINARY, deck.string()}, (scratch.path() / "lectern.log").string());
    unsetenv("XDG_CONFIG_HOME");
    REQUIRE(lectern > 0);

    struct Step {
        const char* keys; // xdotool key names
        const char* picture;
    };
    const Step steps[] = {
        {"", "slide-01.png"}, // the window is up: keys reach it
        {"Tab", "slide-02-step-1.png"},
        {"Right Tab", "slide-02-step-2.png"}, // Right does nothing now
        {"shift+Right", "slide-02-step-1.png"},
        {"End", "slide-05.png"},
        {"shift+F5 Left", "slide-04.png"}, // start from this slide: not F5's first slide
        {"F5", "slide-01.png"},
    };
    for (const Step& step : steps) {
        const std::string keys = step.keys;
        CAPTURE(keys);
        if (!keys.empty())
            x.key(step.keys);
        SDL_Surface* want = IMG_Load((pictures / step.picture).c_str());
        REQUIRE(want);
        CHECK(x.shows_within(want, test::busy_machine_ms));
        SDL_FreeSurface(want);
    }
    x.key("Escape Escape");
    CHECK(test::exits_within(lectern, test::busy_machine_ms));
}
