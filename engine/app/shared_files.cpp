#include "shared_files.h"

namespace lectern {

namespace {

bool holds_templates(const std::filesystem::path& folder) {
    std::error_code error;
    return std::filesystem::is_directory(folder / "slides" / "templates", error);
}

} // namespace

std::optional<std::filesystem::path> shared_files_folder() {
    std::error_code error;
    const std::filesystem::path program = std::filesystem::read_symlink("/proc/self/exe", error);
    if (!error) {
        // GNUInstallDirs' layout: bin/ and share/ side by side under the prefix.
        const std::filesystem::path installed = program.parent_path().parent_path() / "share" / "lectern";
        if (holds_templates(installed))
            return installed;
    }
    // Not installed: the source tree this program was built from (a developer's build folder).
    const std::filesystem::path source = LECTERN_SOURCE_DIR;
    if (holds_templates(source))
        return source;
    return std::nullopt;
}

} // namespace lectern
