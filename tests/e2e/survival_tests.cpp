// End to end under a real X server: nothing that happens to the deck file takes the show down. The
// deck on screen is emptied, replaced by bytes that are not UTF-8, replaced by a folder (so it cannot be
// read), and deleted; through all of it the last good deck stays on screen and the program keeps
// running; when the file comes back, it shows by itself.
#include "deck_edits.h"
#include "golden_image.h"
#include "test_files.h"
#include "x_session.h"

#include <SDL2/SDL_image.h>
#include <doctest/doctest.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace lectern;

namespace {

const char* const good_version = R"([deck]
title = "Survival test"
transition = "none"

[[slides]]
layout = "title"
id = "welcome"
title = "Still here"
)";

const char* const back_version = R"([deck]
title = "Survival test"
transition = "none"

[[slides]]
layout = "title"
id = "welcome"
title = "Back again"
)";

// For `ms`, every look at the screen shows `expected` and the program is running.
void stays_on_screen(test::XSession& x, pid_t lectern, SDL_Surface* expected, int ms) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    while (std::chrono::steady_clock::now() < until) {
        REQUIRE(::kill(lectern, 0) == 0);
        CHECK(x.difference_now(expected) < test::screen_match_share);
    }
}

} // namespace

TEST_CASE(
    "an emptied, garbled, unreadable or deleted deck leaves the last good one on screen until it is back") {
    const std::filesystem::path folder =
        std::filesystem::temp_directory_path() / ("lectern-e2e-survival-" + std::to_string(getpid()));
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder / "expected-good");
    std::filesystem::create_directories(folder / "expected-back");
    const std::filesystem::path deck = folder / "deck.toml";
    test::save_like_an_editor(deck, back_version);
    SDL_Surface* back = test::rendered_slide(deck, 1, folder / "expected-back");
    test::save_like_an_editor(deck, good_version);
    SDL_Surface* good = test::rendered_slide(deck, 1, folder / "expected-good");
    REQUIRE(good);
    REQUIRE(back);

    test::XSession x(1280, 720);
    REQUIRE_MESSAGE(x.ready(), "Xvfb started (tools/setup.sh installs it)");
    const pid_t lectern = x.start({LECTERN_BINARY, deck.string()}, (folder / "lectern.log").string());
    REQUIRE(lectern > 0);
    REQUIRE(x.shows_within(good, test::busy_machine_ms));

    test::save_like_an_editor(deck, "");
    stays_on_screen(x, lectern, good, 1000);
    test::save_like_an_editor(
        deck,
        std::string("[deck]\ntitle = \"\xC3\x28\xFF\"\n\n[[slides]]\nlayout = \"title\"\ntitle = \"x\"\n"));
    stays_on_screen(x, lectern, good, 1000);
    std::filesystem::remove(deck);
    std::filesystem::create_directory(deck); // in the way, and not a file that can be read
    stays_on_screen(x, lectern, good, 1000);
    std::filesystem::remove(deck);
    stays_on_screen(x, lectern, good, 1000);

    test::save_like_an_editor(deck, back_version);
    CHECK(x.shows_within(back, test::busy_machine_ms));
    const std::string log = test::read_text(folder / "lectern.log");
    CHECK(log.find("error") != std::string::npos); // each broken version was reported
    CHECK(log.find("reloaded") != std::string::npos);

    x.key("Escape Escape");
    CHECK(test::exits_within(lectern, test::busy_machine_ms));
    SDL_FreeSurface(good);
    SDL_FreeSurface(back);
    std::filesystem::remove_all(folder);
}
