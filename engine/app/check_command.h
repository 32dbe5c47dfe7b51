// `lectern check DECK.toml...`: validates decks without opening a window and prints every problem,
// one per line, as file:line:column: severity: message. Adapter over the core's deck loader.
#pragma once

#include <ostream>
#include <span>
#include <string>

namespace lectern {

// Returns the process exit code: 0 when no deck has an error (warnings allowed), 1 otherwise.
int run_check(std::span<const std::string> deck_paths, std::ostream& out, std::ostream& summary);

} // namespace lectern
