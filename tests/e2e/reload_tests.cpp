// End to end under a real X server: saving a broken deck over the one on screen never blanks or
// breaks the screen, and saving a fixed one shows the fix, on the same slide.
#include "deck_edits.h"
#include "golden_image.h"
#include "test_files.h"
#include "x_session.h"

#include <SDL2/SDL_image.h>
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>
#include <unistd.h>

using namespace lectern;

namespace {

const char* const first_version = R"([deck]
title = "Reload test"
transition = "none"

[[slides]]
layout = "title"
id = "welcome"
title = "Welcome"

[[slides]]
layout = "title"
id = "tips"
title = "Tips, first version"
)";

const char* const broken_version = R"([deck]
title = "Reload test"

[[slides]]
layout = "bulet"
title = "Half-typed
)";

const char* const fixed_version = R"([deck]
title = "Reload test"
transition = "none"

[[slides]]
layout = "title"
id = "new-opening"
title = "A new first slide"

[[slides]]
layout = "title"
id = "welcome"
title = "Welcome"

[[slides]]
layout = "title"
id = "tips"
title = "Tips, fixed"
)";

} // namespace

TEST_CASE("a broken edit keeps the last good deck on screen, and a fixed one shows on the same slide") {
    const std::filesystem::path folder =
        std::filesystem::temp_directory_path() / ("lectern-e2e-reload-" + std::to_string(getpid()));
    std::filesystem::create_directories(folder / "expected");
    const std::filesystem::path deck = folder / "deck.toml";
    test::save_like_an_editor(deck, first_version);
    SDL_Surface* welcome = test::rendered_slide(deck, 1, folder / "expected");
    SDL_Surface* tips_first = test::rendered_slide(deck, 2, folder / "expected");
    REQUIRE(welcome);
    REQUIRE(tips_first);

    test::XSession x(1280, 720);
    REQUIRE_MESSAGE(x.ready(), "Xvfb started (tools/setup.sh installs it)");
    const pid_t lectern = x.start({LECTERN_BINARY, deck.string()}, (folder / "lectern.log").string());
    REQUIRE(lectern > 0);
    REQUIRE(x.shows_within(welcome, test::busy_machine_ms)); // the window is up and has the keyboard
    x.key("Right");
    REQUIRE(x.shows_within(tips_first, test::busy_machine_ms));

    // A broken save: until lectern has read it and said why it refused it, and once more after, every
    // look at the screen still shows the good deck.
    test::save_like_an_editor(deck, broken_version);
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(test::busy_machine_ms);
    bool refused = false;
    while (!refused && std::chrono::steady_clock::now() < until) {
        refused = test::read_text(folder / "lectern.log").find("this is not valid TOML") != std::string::npos;
        CHECK(x.difference_now(tips_first) < test::screen_match_share);
    }
    CHECK(refused);
    CHECK(x.difference_now(tips_first) < test::screen_match_share);

    // The fix: the same slide (by id, now third) shows the new text, without a key being pressed.
    test::save_like_an_editor(deck, fixed_version);
    SDL_Surface* tips_fixed = test::rendered_slide(deck, 3, folder / "expected");
    REQUIRE(tips_fixed);
    CHECK(x.shows_within(tips_fixed, test::busy_machine_ms));

    x.key("Escape Escape");
    CHECK(test::exits_within(lectern, test::busy_machine_ms));
    SDL_FreeSurface(welcome);
    SDL_FreeSurface(tips_first);
    SDL_FreeSurface(tips_fixed);
    std::filesystem::remove_all(folder);
}
