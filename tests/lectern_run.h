// Runs the real lectern binary (LECTERN_BINARY) from tests/decks and captures what it printed, for the
// tests of its commands. The child inherits the test's environment (XDG_DATA_HOME and so on).
#pragma once

#include <string>

namespace lectern::test {

struct LecternRun {
    int exit_code = -1;
    std::string out;
    std::string err;
};

// `arguments` are passed through the shell as written (quote them where needed).
LecternRun run_lectern(const std::string& arguments);

} // namespace lectern::test
