// lectern: the command-line entry point. Parses arguments and hands over; no logic lives here.
#include "check_command.h"
#include "command_line.h"
#include "core/deck/deck_json_schema.h"
#include "core/input/input_help.h"
#include "input_config.h"
#include "new_command.h"
#include "present_command.h"
#include "render_command.h"
#include "results_command.h"

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    using namespace lectern;
    const CommandLine command = parse_command_line(std::vector<std::string>(argv + 1, argv + argc));
    switch (command.kind) {
    case CommandKind::Help: {
        const LoadedInputMap input = load_input_map(); // the keys as this computer has them
        for (const Diagnostic& problem : input.problems)
            std::cerr << format_diagnostic(problem) << '\n';
        std::cout << usage_text() << key_help_text(input.map);
        return 0;
    }
    case CommandKind::Version:
        std::cout << "lectern " LECTERN_VERSION " (deck format 1)\n";
        return 0;
    case CommandKind::UsageError:
        std::cerr << "lectern: " << command.error << "\n\n" << usage_text();
        return 2;
    case CommandKind::Render:
        return run_render(command);
    case CommandKind::Check:
        return run_check(command.decks, std::cout, std::cerr);
    case CommandKind::Results:
        return run_results(command, std::cout, std::cerr);
    case CommandKind::Present:
        return run_present(command);
    case CommandKind::Displays:
        return run_displays();
    case CommandKind::New:
        return run_new(command.decks.front(), command.template_name, std::cout, std::cerr);
    case CommandKind::Schema:
        std::cout << deck_json_schema();
        return 0;
    }
    return 2;
}
