#include "word_filter_file.h"

#include "built_in_files.h"
#include "core/input/school_config.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace lectern {

namespace {

std::filesystem::path school_list() {
    return school_config_file("word-filter.txt", std::getenv("XDG_CONFIG_HOME"), std::getenv("HOME"));
}

} // namespace

WordFilter load_word_filter(const std::string& given_path, std::string& problem) {
    std::filesystem::path path = given_path;
    std::error_code error;
    if (path.empty()) {
        path = school_list();
        if (path.empty() || !std::filesystem::exists(path, error))
            return parse_word_filter(built_in_word_filter());
    }
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        problem = "cannot read the word filter " + path.string() + ": " + std::strerror(errno) +
                  " (a plain text file, one word or phrase per line)";
        return parse_word_filter(built_in_word_filter());
    }
    std::ostringstream text;
    text << file.rdbuf();
    return parse_word_filter(text.str());
}

} // namespace lectern
