// The input map a show uses: the defaults built into the program (assets/input.conf), then the school's
// own $XDG_CONFIG_HOME/lectern/input.conf (~/.config/lectern/input.conf), whose lines replace the defaults
// for the same input. A bad school file never stops the show: its good lines apply, and its errors come
// back to be printed and shown on the panel.
#pragma once

#include "core/base/diagnostic.h"
#include "core/input/input_map.h"

#include <vector>

namespace lectern {

std::string_view built_in_input_conf(); // generated from assets/input.conf

struct LoadedInputMap {
    InputMap map;
    std::vector<Diagnostic> problems; // the school file's, `file:line:column`
};

LoadedInputMap load_input_map();

} // namespace lectern
