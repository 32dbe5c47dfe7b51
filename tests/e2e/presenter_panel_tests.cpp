// End to end under a real X server with both windows: the presenter panel opens with --presenter, has
// the keyboard, and a key pressed there moves the audience window.
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

namespace {

std::string window_named(const test::XSession& x, const std::string& name) {
    const std::string file =
        std::filesystem::temp_directory_path() / ("lectern-e2e-id-" + std::to_string(getpid()));
    for (int attempt = 0; attempt < 100; ++attempt) {
        if (x.run("xdotool search --name '" + name + "' > " + file + " 2>/dev/null") == 0) {
            std::string id = test::read_text(file);
            std::filesystem::remove(file);
            if (const auto end = id.find('\n'); end != std::string::npos)
                id.resize(end);
            if (!id.empty())
                return id;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return {};
}

} // namespace

TEST_CASE("a key pressed in the presenter window moves the audience window") {
    const std::filesystem::path deck = test::source_dir() / "tests/decks/e2e/keys.toml";
    const std::filesystem::path scratch =
        std::filesystem::temp_directory_path() / ("lectern-e2e-panel-" + std::to_string(getpid()));
    std::filesystem::create_directories(scratch);
    REQUIRE(test::render_deck(deck, scratch));

    test::XSession x(1280, 1560);
    REQUIRE_MESSAGE(x.ready(), "Xvfb started (tools/setup.sh installs it)");
    const pid_t lectern = x.start({LECTERN_BINARY, deck.string(), "--window", "--presenter"},
                                  (scratch / "lectern.log").string());
    REQUIRE(lectern > 0);
    const std::string audience = window_named(x, "Lectern: Key test");
    const std::string panel = window_named(x, "Lectern Presenter");
    REQUIRE_FALSE(audience.empty());
    REQUIRE_FALSE(panel.empty());
    // No window manager here: place the windows apart so the screenshot sees the audience window whole.
    x.run("xdotool windowmove " + audience + " 0 0");
    x.run("xdotool windowmove " + panel + " 0 740");

    SDL_Surface* first = IMG_Load((scratch / "slide-01.png").c_str());
    SDL_Surface* second = IMG_Load((scratch / "slide-02-step-1.png").c_str());
    SDL_Surface* third = IMG_Load((scratch / "slide-03.png").c_str());
    REQUIRE(first);
    REQUIRE(second);
    REQUIRE(third);
    const std::vector<SDL_Surface*> slides{first, second, third};
    const SDL_Rect audience_area{0, 0, 1280, 720}; // where the test put the audience window
    CHECK(x.wait_for(slides, 0, test::busy_machine_ms, &audience_area) == 0);

    // The panel was opened last and has the keyboard: keys typed there drive the show.
    x.run("xdotool getwindowfocus > " + (scratch / "focus").string());
    CHECK(test::read_text(scratch / "focus").starts_with(panel));
    x.key("Right");
    CHECK(x.wait_for(slides, 1, test::busy_machine_ms, &audience_area) == 1);
    x.key("3 Return");
    CHECK(x.wait_for(slides, 2, test::busy_machine_ms, &audience_area) == 2);

    x.key("Escape Escape");
    CHECK(test::exits_within(lectern, test::busy_machine_ms));
    SDL_FreeSurface(first);
    SDL_FreeSurface(second);
    SDL_FreeSurface(third);
    std::filesystem::remove_all(scratch);
}
