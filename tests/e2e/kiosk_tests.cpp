// End to end under a real X server: a kiosk advances by itself and loops, Esc does not end it, and
// holding Ctrl+Alt+Q for 3 seconds does.
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

namespace {

// Waits up to `timeout_ms` for the screen to match one of `slides`; returns its index, or -1.
int wait_for_any(const test::XSession& x, const std::vector<SDL_Surface*>& slides, int wanted,
                 int timeout_ms) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    int seen = -1;
    while (std::chrono::steady_clock::now() < deadline) {
        SDL_Surface* shot = x.screenshot();
        seen = -1;
        for (std::size_t i = 0; i < slides.size(); ++i) {
            if (test::differing_share(shot, slides[i]) < 0.002)
                seen = static_cast<int>(i);
        }
        if (shot)
            SDL_FreeSurface(shot);
        if (seen == wanted)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return seen;
}

} // namespace

TEST_CASE("a kiosk advances by itself, loops, ignores Esc, and ends only on Ctrl+Alt+Q held for 3 s") {
    const std::filesystem::path deck = test::source_dir() / "tests/decks/e2e/kiosk.toml";
    const std::filesystem::path scratch =
        std::filesystem::temp_directory_path() / ("lectern-e2e-kiosk-" + std::to_string(getpid()));
    std::filesystem::create_directories(scratch);
    const std::string render = std::string("'") + LECTERN_BINARY + "' render '" + deck.string() +
                               "' --out '" + scratch.string() + "' --size 1280x720 2>/dev/null";
    REQUIRE(std::system(render.c_str()) == 0);
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

    // No key pressed: one, two, three, and round to one again, each after its own seconds.
    CHECK(wait_for_any(x, slides, 0, 5000) == 0);
    CHECK(wait_for_any(x, slides, 1, 3000) == 1);
    CHECK(wait_for_any(x, slides, 2, 4000) == 2);
    CHECK(wait_for_any(x, slides, 0, 3000) == 0);

    // Esc twice is not a way out of a kiosk.
    x.key("Escape Escape");
    CHECK_FALSE(test::exits_within(lectern, 1000));

    x.run("xdotool keydown ctrl+alt+q");
    CHECK_FALSE(test::exits_within(lectern, 1500)); // held for less than 3 s so far
    int status = -1;
    CHECK(test::exits_within(lectern, 4000, &status));
    x.run("xdotool keyup ctrl+alt+q");
    CHECK(WIFEXITED(status));

    for (SDL_Surface* slide : slides)
        SDL_FreeSurface(slide);
    std::filesystem::remove_all(scratch);
}
