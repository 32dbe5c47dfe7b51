#include "lectern_run.h"

#include "test_files.h"

#include <cstdlib>
#include <filesystem>
#include <sys/wait.h>
#include <unistd.h>

namespace lectern::test {

LecternRun run_lectern(const std::string& arguments) {
    const std::string stem = "/tmp/lectern-run-" + std::to_string(getpid());
    const std::string command = "cd '" + (source_dir() / "tests/decks").string() + "' && '" + LECTERN_BINARY +
                                "' " + arguments + " >" + stem + ".out 2>" + stem + ".err";
    const int status = std::system(command.c_str());
    LecternRun run{WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_text(stem + ".out"),
                   read_text(stem + ".err")};
    std::filesystem::remove(stem + ".out");
    std::filesystem::remove(stem + ".err");
    return run;
}

} // namespace lectern::test
