// Runs the real lectern binary: the school's flags (--school, --room, --lead, --local, --school-ca) are
// checked before anything starts, and a mistake says what to write instead.
#include "lectern_run.h"

#include <doctest/doctest.h>

using namespace lectern::test;

TEST_CASE("the school's flags: a bad broker address or a flag without --school is a usage error") {
    struct Case {
        const char* arguments;
        const char* message;
    };
    const Case cases[] = {
        {"valid/minimal.toml --school http://broker", "--school: "},
        {"valid/minimal.toml --lead", "--lead, --local, --room and --school-ca go with --school URL"},
        {"valid/minimal.toml --room hall", "--lead, --local, --room and --school-ca go with --school URL"},
        {"valid/minimal.toml --school mqtt://broker --lead --local",
         "--local is for a room that follows; the leader is always on its own keys"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.arguments);
        const LecternRun run = run_lectern(c.arguments);
        CHECK(run.exit_code == 2);
        CHECK(run.err.find(c.message) != std::string::npos);
    }
    const LecternRun help = run_lectern("--help");
    CHECK(help.out.find("[--school mqtt[s]://[USER:PASS@]HOST[:PORT] [--room NAME] [--lead]") !=
          std::string::npos);
}
