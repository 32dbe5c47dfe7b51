#include "word_filter_file.h"

#include "built_in_files.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace lectern {

namespace {

std::filesystem::path school_list() {
    const char* config = std::getenv("XDG_CONFIG_HOME");
    if (config && config[0] == '/')
        return std::filesystem::path(config) / "lectern" / "word-filter.txt";
    const char* home = std::getenv("HOME");
    return home && home[0] ? std::filesystem::path(home) / ".config" / "lectern" / "word-filter.txt"
                           : std::filesystem::path();
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
