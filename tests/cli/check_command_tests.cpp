// Runs the real lectern binary: exit codes and output of check, --help, --version and usage errors.
#include "lectern_run.h"
#include "test_files.h"

#include <doctest/doctest.h>

#include <algorithm>

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
