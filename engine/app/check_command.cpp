#include "check_command.h"

#include "core/deck_loader.h"

namespace lectern {

int run_check(std::span<const std::string> deck_paths, std::ostream& out, std::ostream& summary) {
    std::size_t errors = 0;
    std::size_t warnings = 0;
    for (const std::string& path : deck_paths) {
        const DeckLoadResult result = load_deck_file(path);
        for (const Diagnostic& diagnostic : result.diagnostics)
            out << format_diagnostic(diagnostic) << '\n';
        errors += count_of(result.diagnostics, Severity::Error);
        warnings += count_of(result.diagnostics, Severity::Warning);
        if (result.deck)
            summary << path << ": " << result.deck->slides.size()
                    << (result.deck->slides.size() == 1 ? " slide, " : " slides, ")
                    << (has_errors(result.diagnostics) ? "not usable" : "ready to present") << '\n';
    }
    summary << "checked " << deck_paths.size() << (deck_paths.size() == 1 ? " deck: " : " decks: ") << errors
            << (errors == 1 ? " error, " : " errors, ") << warnings
            << (warnings == 1 ? " warning" : " warnings") << '\n';
    out.flush();
    return errors == 0 ? 0 : 1;
}

} // namespace lectern
