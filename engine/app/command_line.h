// CommandLine: what the user asked `lectern` to do, parsed from argv. Pure parsing, no side effects.
#pragma once

#include <string>
#include <vector>

namespace lectern {

enum class CommandKind { Present, Check, Help, Version, UsageError };

struct CommandLine {
    CommandKind kind = CommandKind::Help;
    std::vector<std::string> decks;
    std::string error; // for UsageError: what was wrong
};

CommandLine parse_command_line(const std::vector<std::string>& arguments);

// The text of `lectern --help`.
const char* usage_text();

} // namespace lectern
