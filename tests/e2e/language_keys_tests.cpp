// End to end under a real X server: a deck in English, Polish and Urdu. L switches the room's language
// live on the same slide and build step, and each screen must equal what `lectern render --lang` draws for
// that view; --dual shows what `lectern render --dual` draws.
#include "deck_edits.h"
#include "test_files.h"
#include "x_session.h"

#include <SDL2/SDL_image.h>
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <unistd.h>

using namespace lectern;

namespace {

constexpr int screen_w = 1280;
constexpr int screen_h = 720;

std::filesystem::path scratch() {
    return std::filesystem::temp_directory_path() / ("lectern-e2e-languages-" + std::to_string(getpid()));
}

} // namespace

TEST_CASE(
    "L switches the room's language on the same slide and build step, as lectern render --lang draws it") {
    const std::filesystem::path deck = test::source_dir() / "tests/decks/e2e/languages.toml";
    for (const char* language : {"en", "pl", "ur"}) {
        std::filesystem::create_directories(scratch() / language);
        REQUIRE(test::render_deck(deck, scratch() / language, std::string("--lang ") + language));
    }
    const auto expected = [&](const char* language, const char* name) {
        return test::rendered_picture(scratch() / language, name);
    };

    test::XSession x(screen_w, screen_h);
    REQUIRE_MESSAGE(x.ready(), "Xvfb started (tools/setup.sh installs it)");
    const pid_t lectern = x.start({LECTERN_BINARY, deck.string()}, (scratch() / "lectern.log").string());
    REQUIRE(lectern > 0);

    struct Step {
        const char* keys;
        const char* language;
        const char* picture;
    };
    const Step steps[] = {
        {"", "en", "slide-01.png"},
        {"l", "pl", "slide-01.png"},
        {"Right", "pl", "slide-02-step-1.png"},
        {"Right", "pl", "slide-02-step-2.png"},
        {"l", "ur", "slide-02-step-2.png"}, // the build step stays
        {"Right", "ur", "slide-02-step-3.png"},
        {"l", "en", "slide-02-step-3.png"}, // round to the deck's own language
        {"Right", "en", "slide-03.png"},
    };
    for (const Step& step : steps) {
        CAPTURE(step.keys);
        CAPTURE(step.language);
        CAPTURE(step.picture);
        if (*step.keys)
            x.key(step.keys);
        SDL_Surface* want = expected(step.language, step.picture);
        CHECK(x.shows_within(want, test::busy_machine_ms));
        SDL_FreeSurface(want);
    }
    x.key("Escape Escape");
    CHECK(test::exits_within(lectern, test::busy_machine_ms));
    std::filesystem::remove_all(scratch());
}

TEST_CASE(
    "--lang and --dual start the show in a language with a second beneath, as lectern render draws it") {
    const std::filesystem::path deck = test::source_dir() / "tests/decks/e2e/languages.toml";
    const std::filesystem::path pictures = scratch() / "dual";
    std::filesystem::create_directories(pictures);
    REQUIRE(test::render_deck(deck, pictures, "--lang ur --dual en"));

    test::XSession x(screen_w, screen_h);
    REQUIRE_MESSAGE(x.ready(), "Xvfb started (tools/setup.sh installs it)");
    const pid_t lectern = x.start({LECTERN_BINARY, deck.string(), "--lang", "ur", "--dual", "en"},
                                  (scratch() / "lectern.log").string());
    REQUIRE(lectern > 0);
    for (const char* picture : {"slide-01.png", "slide-02-step-1.png"}) {
        CAPTURE(picture);
        if (std::string(picture) != "slide-01.png")
            x.key("Right");
        SDL_Surface* want = test::rendered_picture(pictures, picture);
        CHECK(x.shows_within(want, test::busy_machine_ms));
        SDL_FreeSurface(want);
    }
    x.key("Escape Escape");
    CHECK(test::exits_within(lectern, test::busy_machine_ms));
    std::filesystem::remove_all(scratch());
}
