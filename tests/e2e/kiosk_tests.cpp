// End to end under a real X server: a kiosk advances by itself and loops, Esc does not end it, and
// holding Ctrl+Alt+Q for 3 seconds does.
#include "deck_edits.h"
#include "golden_image.h"
#include "test_files.h"
#include "x_session.h"

#include <SDL2/SDL_image.h>
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace lectern;

TEST_CASE("a kiosk advances by itself, loops, ignores Esc, and ends only on Ctrl+Alt+Q held for 3 s") {
    const std::filesystem::path deck = test::source_dir() / "tests/decks/e2e/kiosk.toml";
    const std::filesystem::path scratch =
        std::filesystem::temp_directory_path() / ("lectern-e2e-kiosk-" + std::to_string(getpid()));
    std::filesystem::create_directories(scratch);
    REQUIRE(test::render_deck(deck, scratch));
    std::vector<SDL_Surface*> slides;
    for (const char* name : {"slide-01.png", "slide-02.png", "slide-03.png"}) {
        slides.push_back(IMG_Load((scratch / name).c_str()));
        REQUIRE(slides.back());
    }

    test::XSession x(1280, 720);
    REQUIRE_MESSAGE(x.ready(), "Xvfb started (tools/setup.sh installs it)");
    const pid_t lectern =
        x.start({LECTERN_BINARY, deck.string(), "--kiosk"}, (scratch / "lectern.log").string());
    REQUIRE(lectern > 0);

    // No key pressed: one, two, three, and round to one again (how long each shows is KioskClock's, tested
    // in the core; here only the order, which a loaded machine cannot change).
    CHECK(x.wait_for(slides, 0, test::busy_machine_ms) == 0);
    CHECK(x.wait_for(slides, 1, test::busy_machine_ms) == 1);
    CHECK(x.wait_for(slides, 2, test::busy_machine_ms) == 2);
    CHECK(x.wait_for(slides, 0, test::busy_machine_ms) == 0);

    // Esc twice is not a way out of a kiosk.
    x.key("Escape Escape");
    CHECK_FALSE(test::exits_within(lectern, 1000));

    x.run("xdotool keydown ctrl+alt+q");
    CHECK_FALSE(test::exits_within(lectern, 1500)); // held for less than 3 s so far
    int status = -1;
    CHECK(test::exits_within(lectern, test::busy_machine_ms, &status));
    x.run("xdotool keyup ctrl+alt+q");
    CHECK(WIFEXITED(status));

    for (SDL_Surface* slide : slides)
        SDL_FreeSurface(slide);
    std::filesystem::remove_all(scratch);
}
