// Runs the real lectern binary: --lang and --dual are checked against the deck's languages before anything
// starts (presenting, render to PNG or PDF), and a mistake names the languages the deck has.
#include "lectern_run.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <unistd.h>

using namespace lectern::test;

TEST_CASE("--lang and --dual must be languages of the deck; the message says which it has") {
    struct Case {
        const char* arguments;
        const char* message;
    };
    const std::string out =
        (std::filesystem::temp_directory_path() / ("lectern-lang-" + std::to_string(getpid()))).string();
    const std::string render = "render valid/translated.toml --out '" + out + "' ";
    const Case cases[] = {
        {"valid/translated.toml --lang de", "--lang de: this deck is in en-GB, pl, ur; give one of those"},
        {"valid/translated.toml --dual fr", "--dual fr: this deck is in en-GB, pl, ur; give one of those"},
        {"valid/minimal.toml --lang pl", "--lang pl: this deck is in en; it has no translations"},
        {"valid/translated.toml --lang pl --dual pl",
         "--dual shows a second language beneath the room's: give it another one than --lang"},
        {"valid/translated.toml --dual en", "--dual en is the language already shown"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.arguments);
        const LecternRun run = run_lectern(c.arguments);
        CHECK(run.exit_code == 2);
        CHECK(run.err.find(c.message) != std::string::npos);
    }
    const LecternRun wrong_render = run_lectern(render + "--lang de");
    CHECK(wrong_render.exit_code == 2);
    CHECK(wrong_render.err.find("--lang de: this deck is in en-GB, pl, ur") != std::string::npos);
    const LecternRun polish = run_lectern(render + "--lang pl-PL --dual ur --slide 1");
    CHECK(polish.exit_code == 0);
    CHECK(std::filesystem::exists(std::filesystem::path(out) / "slide-01.png"));
    std::filesystem::remove_all(out);
}
