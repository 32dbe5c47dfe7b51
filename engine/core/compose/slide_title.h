// The one-line name of a slide, as the panel's slide list and the teacher's remote show it: its title,
// else its question, quote or caption, as plain text; else the name of its layout. Pure.
#pragma once

#include "core/deck/deck.h"

#include <string>

namespace lectern {

std::string title_of(const Slide& slide);

} // namespace lectern
