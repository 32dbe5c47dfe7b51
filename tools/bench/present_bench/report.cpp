#include "report.h"

#include "numbers.h"

#include <cstdio>

namespace present_bench {

std::string Report::verdict(bool met) {
    m_all_met = m_all_met && met;
    return std::string(met ? "yes" : "**no**");
}

void Report::print_table() const {
    std::printf("\n| figure | value | target | met | reproduce |\n|---|---|---|---|---|\n");
    for (const Row& row : m_rows)
        std::printf("| %s | %s | %s | %s | `%s` |\n", row.figure.c_str(), row.value.c_str(),
                    row.target.c_str(), row.met.c_str(), row.command.c_str());
}

std::string shell_quote(const std::string& text) {
    if (text.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+=:,") ==
        std::string::npos)
        return text;
    std::string quoted = "'";
    for (const char c : text)
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

std::string mb(long kb) {
    return fixed(static_cast<double>(kb) / 1024.0) + " MiB";
}

} // namespace present_bench
