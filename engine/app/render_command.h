// `lectern render DECK.toml --out DIR [--size WxH] [--slide N] [--ink FILE] [--lang TAG] [--dual TAG]`:
// writes each slide and build step as a PNG, drawn by the software renderer onto a surface (no display
// needed). Adapter over core + render. With --pdf FILE it hands over to pdf_command.h.
#pragma once

#include "command_line.h"
#include "core/deck/deck.h"

#include <optional>

namespace lectern {

// The deck to draw, as written, its problems printed (pictures that cannot be shown are warnings: they are
// drawn as placeholders); nothing when it has errors (`exit_code` 1) or lacks the --slide, --lang or
// --dual language asked for (2). --lang and --dual become the deck's own tags for them.
std::optional<Deck> load_deck_to_render(CommandLine& command, int& exit_code);

// Returns the exit code: 0 when every picture was written, 1 for a deck error or a write failure.
int run_render(CommandLine command);

} // namespace lectern
