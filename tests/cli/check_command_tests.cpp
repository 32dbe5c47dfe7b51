// Runs the real lectern binary: exit codes and output of check, --help, --version and usage errors.
#include "lectern_run.h"
#include "picture_files.h"
#include "test_files.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

using namespace lectern::test;

TEST_CASE("check exits 0 for clean decks and prints nothing on standard output") {
    const LecternRun run = run_lectern("check valid/minimal.toml valid/every-layout.toml");
    CHECK(run.exit_code == 0);
    CHECK(run.out == "");
    CHECK(run.err.find("checked 2 decks: 0 errors, 0 warnings") != std::string::npos);
}

TEST_CASE("check exits 0 when a deck has only warnings, and prints them") {
    const LecternRun run = run_lectern("check invalid/repeated-options.toml");
    CHECK(run.exit_code == 0);
    CHECK(run.out == lectern::test::read_text(lectern::test::source_dir() /
                                              "tests/decks/invalid/repeated-options.expected"));
}

TEST_CASE("check exits 1 when any deck has an error, and reports every deck") {
    const LecternRun run =
        run_lectern("check valid/minimal.toml invalid/many-problems.toml invalid/bad-room.toml");
    CHECK(run.exit_code == 1);
    const std::string expected =
        lectern::test::read_text(lectern::test::source_dir() / "tests/decks/invalid/many-problems.expected") +
        lectern::test::read_text(lectern::test::source_dir() / "tests/decks/invalid/bad-room.expected");
    CHECK(run.out == expected);
    CHECK(run.err.find("6 errors, 0 warnings") != std::string::npos);
}

TEST_CASE("check exits 1 for a deck file that does not exist") {
    const LecternRun run = run_lectern("check nowhere.toml");
    CHECK(run.exit_code == 1);
    CHECK(run.out.starts_with("nowhere.toml: error: cannot read this deck"));
}

TEST_CASE("usage errors exit 2 and show the usage") {
    for (const char* arguments : {"", "check", "check --frobnicate valid/minimal.toml", "--nope"}) {
        CAPTURE(arguments);
        const LecternRun run = run_lectern(arguments);
        CHECK(run.exit_code == 2);
        CHECK(run.err.find("Usage:") != std::string::npos);
    }
}

TEST_CASE("--help and --version exit 0") {
    const LecternRun help = run_lectern("--help");
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("lectern check DECK.toml...") != std::string::npos);
    const LecternRun version = run_lectern("--version");
    CHECK(version.exit_code == 0);
    CHECK(version.out.starts_with("lectern 0."));
    CHECK(version.out.find("deck format 1") != std::string::npos);
}

TEST_CASE(
    "--help lists the keys of the input map; a school's input.conf changes them, its mistakes printed") {
    TempFolder empty("input-none");
    setenv("XDG_CONFIG_HOME", empty.path().c_str(), 1);
    const LecternRun built_in = run_lectern("--help");
    CHECK(built_in.err == "");
    CHECK(built_in.out.find("  start from this slide: Shift+F5\n") != std::string::npos);
    CHECK(built_in.out.find(
              "  quit: press twice within 2 seconds, so a stray key never ends a lesson: Esc, Q\n") !=
          std::string::npos);

    const std::filesystem::path school = source_dir() / "tests/input";
    setenv("XDG_CONFIG_HOME", school.c_str(), 1);
    const LecternRun changed = run_lectern("--help");
    unsetenv("XDG_CONFIG_HOME");
    CHECK(changed.exit_code == 0);
    std::string expected;
    for (const std::string& line : lines_of(read_text(school / "lectern/input.expected")))
        expected += (school / "lectern" / "").string() + line + "\n";
    CHECK(changed.err == expected);
    CHECK(changed.out.find("  quit: press twice within 2 seconds, so a stray key never ends a lesson: Q\n") !=
          std::string::npos); // Esc ignore
    CHECK(
        changed.out.find("  go back: Left, Up, PageUp, Backspace, P, media previous, right click, wheel up, "
                         "Shift+N\n") != std::string::npos);
}

TEST_CASE("check of the shipped lessons warns only that each still needs its safeguarding lead filled in") {
    std::string decks;
    std::string expected;
    for (const char* name :
         {"qzone-assembly.toml", "qzone-corridor.toml", "qzone-parents.toml", "qzone-pupils.toml"}) {
        const std::string shown = std::string("../../slides/") + name;
        decks += " " + shown;
        const std::vector<std::string> lines = lines_of(read_text(source_dir() / "slides" / name));
        const auto line = std::ranges::find_if(
            lines, [](const std::string& l) { return l.starts_with("safeguarding_lead = "); });
        REQUIRE(line != lines.end());
        expected +=
            shown + ":" + std::to_string(line - lines.begin() + 1) +
            ":21: warning: safeguarding_lead in the [deck] table still has a [part in square brackets] to "
            "fill in; write the name of your school's designated safeguarding lead and how to reach them\n";
    }
    const LecternRun run = run_lectern("check" + decks);
    CHECK(run.exit_code == 0);
    CHECK(run.out == expected);
    CHECK(run.err.find("checked 4 decks: 0 errors, 4 warnings") != std::string::npos);
}

namespace {

// A folder of files made for one test, as a teacher's hurried save or a pupil's prank would leave them.
struct PrankFolder {
    lectern::test::TempFolder folder{"check-pranks"};
    const std::filesystem::path& path = folder.path();
    std::string deck_showing(const std::string& picture) const {
        const std::filesystem::path deck = path / "deck.toml";
        lectern::test::write_file(deck,
                                  "[deck]\ntitle = \"T\"\n\n[[slides]]\nlayout = \"image\"\nimage = \"" +
                                      picture + "\"\nalt = \"A picture\"\n");
        return deck.string();
    }
};

} // namespace

TEST_CASE("check on a FIFO says what it is and ends, instead of waiting for ever") {
    const PrankFolder folder;
    REQUIRE(mkfifo((folder.path / "deck.toml").c_str(), 0600) == 0);
    const LecternRun run = run_lectern("check '" + (folder.path / "deck.toml").string() + "'");
    CHECK(run.exit_code == 1);
    CHECK(
        run.out.ends_with("deck.toml: error: cannot read this deck: it is a FIFO (named pipe), not a file; a "
                          "deck must be a TOML file of at most 8 MiB\n"));
}

TEST_CASE(
    "check on a deck linked to /dev/zero says it is a device, instead of reading until memory runs out") {
    const PrankFolder folder;
    std::filesystem::create_symlink("/dev/zero", folder.path / "deck.toml");
    const LecternRun run = run_lectern("check '" + (folder.path / "deck.toml").string() + "'");
    CHECK(run.exit_code == 1);
    CHECK(run.out.find("cannot read this deck: it is a device, not a file") != std::string::npos);
}

TEST_CASE("check refuses a PNG of more than 40 megapixels with its size and what to do, without crashing") {
    // 437 KB, 60000 x 60000: crashed inside libpng (IMG_LoadPNG_RW); 20000 x 20000 passed and cost GBs.
    const PrankFolder folder;
    lectern::test::write_file(folder.path / "huge.png", lectern::test::png_claiming(60000, 60000));
    const LecternRun run = run_lectern("check '" + folder.deck_showing("huge.png") + "'");
    CHECK(run.exit_code == 1);
    CHECK(run.out.ends_with(
        "deck.toml:6:9: error: image file \"huge.png\" in slide 1 cannot be shown: it is 60000 x "
        "60000 pixels (3600 megapixels), more than the 40 megapixels Lectern decodes; save a "
        "smaller copy (a projector shows about 2 megapixels: 1920 x 1080 is plenty)\n"));
}

TEST_CASE("check warns of an SVG too slow to draw: the show would leave it out") {
    // 20,000 large half-transparent circles: many times the 2 s the show waits, on any machine.
    const PrankFolder folder;
    lectern::test::write_file(folder.path / "circles.svg", lectern::test::svg_of_circles(20000, 400));
    const LecternRun run = run_lectern("check '" + folder.deck_showing("circles.svg") + "'");
    CHECK(run.exit_code == 0);
    CHECK(run.out.ends_with(
        "deck.toml:6:9: warning: image file \"circles.svg\" in slide 1 cannot be shown: the "
        "SVG took longer than 2 s to draw, so it was left out; simplify it or save it as PNG\n"));
}
