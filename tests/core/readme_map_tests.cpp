// The README's map of the code matches the tree: every folder of engine/ and engine/core/ has its row,
// and every row names a folder that exists.
#include "test_files.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <string>

using namespace lectern;

namespace {

// The folders the README's table names, from rows that start "| `engine/...` |".
std::set<std::string> mapped_folders(const std::string& readme) {
    std::set<std::string> folders;
    for (const std::string& line : test::lines_of(readme)) {
        const std::string start = "| `engine/";
        if (!line.starts_with(start))
            continue;
        const std::size_t end = line.find('`', 3);
        if (end != std::string::npos)
            folders.insert(line.substr(3, end - 3));
    }
    return folders;
}

std::set<std::string> engine_folders() {
    std::set<std::string> folders;
    const std::filesystem::path root = test::source_dir();
    for (const char* parent : {"engine", "engine/core"}) {
        for (const auto& entry : std::filesystem::directory_iterator(root / parent)) {
            if (entry.is_directory())
                folders.insert(std::string(parent) + "/" + entry.path().filename().string() + "/");
        }
    }
    return folders;
}

} // namespace

TEST_CASE("the README's map of the code names every folder of engine/ and engine/core/, and no other") {
    const std::set<std::string> mapped = mapped_folders(test::read_text(test::source_dir() / "README.md"));
    const std::set<std::string> present = engine_folders();
    for (const std::string& folder : present)
        CHECK_MESSAGE(mapped.count(folder) == 1, folder, " has no row in the README's project layout");
    for (const std::string& folder : mapped)
        CHECK_MESSAGE(present.count(folder) == 1, folder, " is in the README's map but not in the tree");
}
