#include "command_line.h"

namespace lectern {

CommandLine parse_command_line(const std::vector<std::string>& arguments) {
    CommandLine command;
    if (arguments.empty()) {
        command.kind = CommandKind::UsageError;
        command.error = "no deck given";
        return command;
    }
    std::size_t first = 0;
    if (arguments[0] == "check") {
        command.kind = CommandKind::Check;
        first = 1;
    } else {
        command.kind = CommandKind::Present;
    }
    for (std::size_t i = first; i < arguments.size(); ++i) {
        const std::string& argument = arguments[i];
        if (argument == "--help" || argument == "-h") {
            return {CommandKind::Help, {}, {}};
        } else if (argument == "--version") {
            return {CommandKind::Version, {}, {}};
        } else if (argument.starts_with("-")) {
            return {CommandKind::UsageError, {}, "unknown option " + argument};
        } else {
            command.decks.push_back(argument);
        }
    }
    if (command.decks.empty()) {
        command.kind = CommandKind::UsageError;
        command.error = "no deck given";
    } else if (command.kind == CommandKind::Present && command.decks.size() > 1) {
        command.kind = CommandKind::UsageError;
        command.error = "present one deck at a time (use `lectern check` to check several)";
    }
    return command;
}

const char* usage_text() {
    return R"(Usage:
  lectern DECK.toml            present a deck
  lectern check DECK.toml...   check decks and print every problem as file:line:column
  lectern --help               show this help
  lectern --version            show the version and the deck format version

Exit codes of check: 0 no errors (warnings allowed), 1 a deck has an error, 2 usage error.
The deck format is described in slides/README.md.
)";
}

} // namespace lectern
