// End to end under a real X server: a picture cannot take the show down (issue 14). The 437 KB PNG of
// 60000 x 60000 pixels, saved into a deck while it was showing, was reloaded and crashed the show (in
// libpng) about 8 s after its slide came up; now its slide shows the placeholder with the reason, and
// the show keeps running.
#include "deck_edits.h"
#include "golden_image.h"
#include "picture_files.h"
#include "test_files.h"
#include "x_session.h"

#include <doctest/doctest.h>

#include <chrono>
#include <csignal>

using namespace lectern;

namespace {

const char* const deck_with_picture = R"([deck]
title = "Picture survival test"
transition = "none"

[[slides]]
layout = "title"
id = "welcome"
title = "Pictures next"

[[slides]]
layout = "image"
id = "huge"
image = "huge.png"
alt = "A black square"
)";

} // namespace

TEST_CASE(
    "a 60000 x 60000 PNG saved into a showing deck is a placeholder with its reason, and the show goes on") {
    const test::TempFolder folder("e2e-pictures");
    const std::filesystem::path deck = folder.path() / "deck.toml";
    test::save_like_an_editor(deck, deck_with_picture);
    test::save_like_an_editor(folder.path() / "huge.png", test::png_claiming(60000, 60000));
    SDL_Surface* placeholder = test::rendered_slide(deck, 2, folder.path() / "expected-placeholder");
    SDL_Surface* first = test::rendered_slide(deck, 1, folder.path() / "expected-first");
    REQUIRE(placeholder);
    REQUIRE(first);
    std::filesystem::remove(folder.path() / "huge.png"); // not there yet when the show starts

    test::XSession x(1280, 720);
    REQUIRE_MESSAGE(x.ready(), "Xvfb started (tools/setup.sh installs it)");
    const pid_t lectern = x.start({LECTERN_BINARY, deck.string()}, (folder.path() / "lectern.log").string());
    REQUIRE(lectern > 0);
    REQUIRE(x.shows_within(first, test::busy_machine_ms));
    test::save_like_an_editor(folder.path() / "huge.png", test::png_claiming(60000, 60000));
    const std::string log_file = (folder.path() / "lectern.log").string();
    for (int waited_ms = 0;
         test::read_text(log_file).find("reloaded") == std::string::npos && waited_ms < 10000;
         waited_ms += 50)
        SDL_Delay(50);
    x.key("Right");
    CHECK(x.shows_within(placeholder, test::busy_machine_ms));
    // The crash came about 8 s after the slide did: for 10 s the show runs and shows the placeholder.
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < until) {
        REQUIRE(::kill(lectern, 0) == 0);
        CHECK(x.difference_now(placeholder) < test::screen_match_share);
    }
    x.key("Escape Escape");
    CHECK(test::exits_within(lectern, test::busy_machine_ms));
    SDL_FreeSurface(placeholder);
    SDL_FreeSurface(first);
}
