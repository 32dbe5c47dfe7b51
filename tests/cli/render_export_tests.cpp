// Runs the real lectern binary: `lectern render DECK --out DIR`, its workers taking views one at a time
// (issue 22). Every view is written once, as a valid PNG, with the same bytes as when one process draws it
// alone.
#include "lectern_run.h"
#include "test_files.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <string>

using namespace lectern::test;

namespace {

std::set<std::string> names_in(const std::filesystem::path& folder) {
    std::set<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(folder))
        names.insert(entry.path().filename().string());
    return names;
}

} // namespace

TEST_CASE("render: every view once, each a PNG identical to the same view drawn by one process alone") {
    const TempFolder all("render-export-all");
    const TempFolder one("render-export-one");
    // The layouts deck: build steps, pictures and every layout, small so the sanitizers finish quickly.
    const LecternRun whole =
        run_lectern("render valid/every-layout.toml --size 480x270 --out '" + all.path().string() + "'");
    REQUIRE(whole.exit_code == 0);
    const std::set<std::string> names = names_in(all.path());
    CHECK(whole.err.find("wrote " + std::to_string(names.size()) + " pictures") != std::string::npos);
    REQUIRE(names.size() >= 8); // enough views for more than one worker
    for (const std::string& name : names) {
        CAPTURE(name);
        CHECK(name.ends_with(".png"));
        CHECK(read_text(all.path() / name).starts_with("\x89PNG\r\n\x1a\n"));
    }
    // One slide alone: a single process draws it, with nothing taken by another worker.
    const LecternRun alone = run_lectern("render valid/every-layout.toml --size 480x270 --slide 2 --out '" +
                                         one.path().string() + "'");
    REQUIRE(alone.exit_code == 0);
    for (const std::string& name : names_in(one.path())) {
        CAPTURE(name);
        REQUIRE(names.contains(name));
        CHECK(read_text(one.path() / name) == read_text(all.path() / name));
    }
}
