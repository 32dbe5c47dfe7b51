// The results table: one row a figure with its target, whether it is met and the command that reproduces it.
#pragma once

#include <set>
#include <string>
#include <utility>
#include <vector>

namespace present_bench {

struct Row {
    std::string figure, value, target, met, command;
};

// Which figures were asked for with --only: every one when none was.
class Selection {
public:
    void add(const std::string& figure) { m_only.insert(figure); }
    bool wanted(const std::string& figure) const { return m_only.empty() || m_only.count(figure) != 0; }

private:
    std::set<std::string> m_only;
};

class Report {
public:
    // command_base: the command line each row's "reproduce" command starts with.
    explicit Report(std::string command_base) : m_command_base(std::move(command_base)) {}

    const std::string& command_base() const { return m_command_base; }

    // "yes", or "**no**" (and then not every target is met).
    std::string verdict(bool met);

    bool all_met() const { return m_all_met; }

    void add(Row row) { m_rows.push_back(std::move(row)); }

    // The table in Markdown, after a blank line.
    void print_table() const;

private:
    std::string m_command_base;
    std::vector<Row> m_rows;
    bool m_all_met = true;
};

// text quoted for a POSIX shell when it needs it.
std::string shell_quote(const std::string& text);

// kb kibibytes as "N.N MiB".
std::string mb(long kb);

} // namespace present_bench
