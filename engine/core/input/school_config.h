// Where a school keeps its own settings files: $XDG_CONFIG_HOME/lectern/, else ~/.config/lectern/.
// Pure: the caller passes the environment's values.
#pragma once

#include <filesystem>
#include <string_view>

namespace lectern {

// The path of `file_name` in the school's settings folder, or an empty path when neither variable says
// where it is (`xdg_config_home` counts only when absolute, as the XDG specification says).
std::filesystem::path school_config_file(std::string_view file_name, const char* xdg_config_home,
                                         const char* home);

} // namespace lectern
