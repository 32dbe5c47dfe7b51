#include "school_config.h"

namespace lectern {

std::filesystem::path school_config_file(std::string_view file_name, const char* xdg_config_home,
                                         const char* home) {
    if (xdg_config_home && xdg_config_home[0] == '/')
        return std::filesystem::path(xdg_config_home) / "lectern" / file_name;
    return home && home[0] ? std::filesystem::path(home) / ".config" / "lectern" / file_name
                           : std::filesystem::path();
}

} // namespace lectern
