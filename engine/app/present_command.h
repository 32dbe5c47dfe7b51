// `lectern DECK.toml` and `lectern displays`: presenting on a real screen. Adapter over SDL video.
#pragma once

#include "command_line.h"

namespace lectern {

int run_present(const CommandLine& command);
int run_displays();

} // namespace lectern
