// `lectern render DECK.toml --pdf FILE [--steps] [--handout] [--slide N]`: the deck as a PDF through the
// export layer (engine/export/pdf_document.h), laid out with the same fonts as the screen. Progress goes to
// standard error when it is a terminal.
#pragma once

#include "command_line.h"

namespace lectern {

// Returns the exit code: 0 when the PDF was written, 1 for a deck error or a write failure, 2 for a slide
// number the deck does not have.
int run_pdf_export(CommandLine command);

} // namespace lectern
