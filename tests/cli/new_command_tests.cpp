// Runs the real lectern binary: `lectern new` from each template, and `lectern schema`.
#include "lectern_run.h"
#include "test_files.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

using namespace lectern::test;

TEST_CASE("new writes each template as a deck that checks clean, with the schema directive and the schema") {
    TempFolder folder("new-templates");
    for (const char* name : {"lesson", "assembly", "parents", "corridor"}) {
        CAPTURE(name);
        const std::filesystem::path deck = folder.path() / (std::string(name) + ".toml");
        const LecternRun made = run_lectern("new '" + deck.string() + "' --template " + name);
        CHECK(made.exit_code == 0);
        CHECK(made.err == "");
        CHECK(made.out.find("wrote " + deck.string() + ", a " + name + " deck of ") == 0);
        CHECK(made.out.find("lectern check " + deck.string()) != std::string::npos);
        const std::string text = read_text(deck);
        CHECK(text.starts_with("#:schema ./lectern-deck.schema.json\n"));
        CHECK(text.substr(text.find('\n') + 1) ==
              read_text(source_dir() / "slides/templates" / (std::string(name) + ".toml")));

        const LecternRun checked = run_lectern("check '" + deck.string() + "'");
        CHECK(checked.exit_code == 0);
        CHECK(checked.out == "");
        CHECK(checked.err.find("0 errors, 0 warnings") != std::string::npos);
    }
    CHECK(read_text(folder.path() / "lectern-deck.schema.json") ==
          read_text(source_dir() / "slides/lectern-deck.schema.json"));
}

TEST_CASE("each template's comments explain every layout it uses") {
    for (const std::filesystem::path& path : files_in(source_dir() / "slides/templates", ".toml")) {
        CAPTURE(path);
        const std::string text = read_text(path);
        std::size_t at = 0;
        while ((at = text.find("\nlayout = \"", at)) != std::string::npos) {
            at += 11;
            const std::string layout = text.substr(at, text.find('"', at) - at);
            CAPTURE(layout);
            CHECK(text.find("# layout \"" + layout + "\": ") != std::string::npos);
        }
    }
}

TEST_CASE("new is a lesson by default, and writes the schema only once") {
    TempFolder folder("new-default");
    const std::filesystem::path deck = folder.path() / "mine.toml";
    const LecternRun made = run_lectern("new '" + deck.string() + "'");
    CHECK(made.exit_code == 0);
    CHECK(made.out.find("a lesson deck of 10 slides") != std::string::npos);
    CHECK(made.out.find("wrote " + (folder.path() / "lectern-deck.schema.json").string()) !=
          std::string::npos);
    const LecternRun again = run_lectern("new '" + (folder.path() / "other.toml").string() + "'");
    CHECK(again.exit_code == 0);
    CHECK(again.out.find("schema") == std::string::npos);
}

TEST_CASE("new refuses to overwrite a file, and says so") {
    TempFolder folder("new-exists");
    const std::filesystem::path deck = folder.path() / "lesson.toml";
    CHECK(run_lectern("new '" + deck.string() + "'").exit_code == 0);
    const std::string first = read_text(deck);
    const LecternRun again = run_lectern("new '" + deck.string() + "' --template corridor");
    CHECK(again.exit_code == 1);
    CHECK(again.out == "");
    CHECK(again.err == "lectern: " + deck.string() +
                           " already exists; lectern new never replaces a file: choose another name\n");
    CHECK(read_text(deck) == first);
}

TEST_CASE("new with an unknown template is a usage error with a suggestion") {
    const LecternRun run = run_lectern("new /tmp/never-written.toml --template assmbly");
    CHECK(run.exit_code == 2);
    CHECK(run.err.starts_with("lectern: --template takes one of lesson, assembly, parents, corridor; did you "
                              "mean assembly?\n"));
    CHECK(!std::filesystem::exists("/tmp/never-written.toml"));
}

TEST_CASE("schema prints the schema kept in slides/lectern-deck.schema.json") {
    const LecternRun run = run_lectern("schema");
    CHECK(run.exit_code == 0);
    CHECK(run.err == "");
    CHECK(run.out == read_text(source_dir() / "slides/lectern-deck.schema.json"));
    CHECK(run.out.find("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"") != std::string::npos);
}
