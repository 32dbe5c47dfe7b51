// `lectern results DECK.toml [--csv] [--delete] [--png DIR]`: shows, exports or removes the poll
// results stored for a deck. Adapter over the results store; the charts come from result_pictures.h.
#pragma once

#include "command_line.h"

#include <ostream>

namespace lectern {

// Returns the exit code: 0 done, 1 nothing stored, a deck error or a file that could not be read or
// removed. Results (or CSV) go to `out`; messages to `err`.
int run_results(const CommandLine& command, std::ostream& out, std::ostream& err);

} // namespace lectern
