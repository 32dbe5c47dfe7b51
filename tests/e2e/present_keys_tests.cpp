// End to end under a real X server: lectern presents tests/decks/e2e/keys.toml full screen, xdotool
// presses keys, and each screenshot must show what `lectern render` draws for that slide and step.
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

using namespace lectern;

namespace {

constexpr int screen_w = 1280;
constexpr int screen_h = 720;

std::filesystem::path scratch() {
    return std::filesystem::temp_directory_path() / ("lectern-e2e-" + std::to_string(getpid()));
}

SDL_Surface* filled(Uint8 level) {
    SDL_Surface* surface =
        SDL_CreateRGBSurfaceWithFormat(0, screen_w, screen_h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_FillRect(surface, nullptr, SDL_MapRGB(surface->format, level, level, level));
    return surface;
}

} // namespace

TEST_CASE("keys pressed under X move the full-screen presentation, blank it, and a double Esc quits") {
    const std::filesystem::path deck = test::source_dir() / "tests/decks/e2e/keys.toml";
    const std::filesystem::path pictures = scratch() / "expected";
    std::filesystem::create_directories(pictures);
    REQUIRE(test::render_deck(deck, pictures));
    auto expected = [&](const char* name) {
        return test::rendered_picture(pictures, name);
    };

    test::XSession x(screen_w, screen_h);
    REQUIRE_MESSAGE(x.ready(), "Xvfb started (tools/setup.sh installs it)");
    const std::string log = (scratch() / "lectern.log").string();
    const pid_t lectern = x.start({LECTERN_BINARY, deck.string()}, log);
    REQUIRE(lectern > 0);

    struct Step {
        const char* keys; // xdotool key names, space-separated; "" for none
        const char* picture;
    };
    const Step steps[] = {
        {"", "slide-01.png"},
        {"Right", "slide-02-step-1.png"},
        {"space", "slide-02-step-2.png"},
        {"Next", "slide-02-step-3.png"}, // PageDown
        {"Left", "slide-02-step-2.png"},
        {"4 Return", "slide-04.png"},
        {"Home", "slide-01.png"},
        {"End", "slide-05.png"},
        {"Prior", "slide-04.png"}, // PageUp
        {"p", "slide-03.png"},
    };
    for (const Step& step : steps) {
        CAPTURE(step.keys);
        if (*step.keys)
            x.key(step.keys);
        SDL_Surface* want = expected(step.picture);
        CHECK(x.shows_within(want, test::busy_machine_ms));
        SDL_FreeSurface(want);
    }

    // B blanks to black and any key brings the same slide back; W blanks to white.
    SDL_Surface* black = filled(0);
    SDL_Surface* white = filled(255);
    SDL_Surface* slide_three = expected("slide-03.png");
    x.key("b");
    CHECK(x.shows_within(black, test::busy_machine_ms));
    x.key("Right");
    CHECK(x.shows_within(slide_three, test::busy_machine_ms));
    x.key("w");
    CHECK(x.shows_within(white, test::busy_machine_ms));
    x.key("period");
    CHECK(x.shows_within(slide_three, test::busy_machine_ms));
    x.key("period");
    CHECK(x.shows_within(black, test::busy_machine_ms));
    x.key("Left");
    CHECK(x.shows_within(slide_three, test::busy_machine_ms));

    // One Esc does not quit; two within 2 s do.
    x.key("Escape");
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    CHECK_FALSE(test::exits_within(lectern, 200));
    x.key("Escape");
    int status = -1;
    CHECK(test::exits_within(lectern, test::busy_machine_ms, &status));
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);

    SDL_FreeSurface(black);
    SDL_FreeSurface(white);
    SDL_FreeSurface(slide_three);
    std::filesystem::remove_all(scratch());
}
