// What the input map says in words: `lectern --help`, the README's table of keys and the presenter
// panel's hints are all written from the map, so they cannot drift from what the keys do. Pure.
#pragma once

#include "input_map.h"

#include <string>

namespace lectern {

// The keys bound to `command`, as people name them: "Right, Down, left click, 0-9, Ctrl+Alt+Q held 3 s".
std::string keys_for(const InputMap& map, PresenterCommand command);
// The first key bound to `command` in `mode` ("Esc"), or "" when none is.
std::string first_key_for(const InputMap& map, PresenterCommand command, InputMode mode);

// One command a line, "  go back: Left, Up, ...", for --help; commands with no keys are left out.
std::string key_help_text(const InputMap& map);
// The same as a Markdown table ("| to | press |"), as the README's section "Presenting" shows it.
std::string key_table_markdown(const InputMap& map);

} // namespace lectern
