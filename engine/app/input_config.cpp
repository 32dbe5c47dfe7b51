#include "input_config.h"

#include "core/input/input_conf.h"
#include "core/input/school_config.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>

namespace lectern {

LoadedInputMap load_input_map() {
    LoadedInputMap loaded;
    // The built-in file is tested (core_tests), so it has no problems to report.
    read_input_conf(built_in_input_conf(), "assets/input.conf", loaded.map);
    const std::filesystem::path school =
        school_config_file("input.conf", std::getenv("XDG_CONFIG_HOME"), std::getenv("HOME"));
    std::error_code missing;
    if (school.empty() || !std::filesystem::exists(school, missing))
        return loaded;
    std::ifstream file(school, std::ios::binary);
    const std::string text{std::istreambuf_iterator<char>(file), {}};
    if (!file) {
        loaded.problems.push_back(
            {school.string(),
             {},
             Severity::Error,
             std::string("cannot read this file: ") + std::strerror(errno) + "; the built-in keys apply"});
        return loaded;
    }
    loaded.problems = read_input_conf(text, school.string(), loaded.map);
    return loaded;
}

} // namespace lectern
