// Helpers for tests that read files of the source tree.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace lectern::test {

std::filesystem::path source_dir();
std::string read_text(const std::filesystem::path& path);
std::vector<std::string> lines_of(const std::string& text);
// Files directly in `folder` whose names end in `extension`, sorted.
std::vector<std::filesystem::path> files_in(const std::filesystem::path& folder,
                                            const std::string& extension);

// A fresh, empty folder under the system's temporary folder ("lectern-<name>-<pid>"), removed with
// everything in it when the test is done.
class TempFolder {
public:
    explicit TempFolder(const std::string& name);
    ~TempFolder();
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;

    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

} // namespace lectern::test
