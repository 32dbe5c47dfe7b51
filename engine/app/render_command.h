// `lectern render DECK.toml --out DIR [--size WxH] [--slide N]`: writes each slide and build step as a
// PNG, drawn by the software renderer onto a surface (no display needed). Adapter over core + render.
// With --pdf FILE it hands over to pdf_command.h.
#pragma once

#include "command_line.h"

namespace lectern {

// Returns the exit code: 0 when every picture was written, 1 for a deck error or a write failure.
int run_render(const CommandLine& command);

} // namespace lectern
