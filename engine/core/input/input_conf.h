// input.conf: the text form of the input map, one binding a line, in the style of mpv's input.conf:
//     Right            next
//     Shift+F5         start_here
//     Esc  mode=present  quit
//     Ctrl+Alt+Q  hold=3s  mode=kiosk  quit_kiosk
// `#` starts a comment. docs/input-conf.md describes the format. Pure: the caller reads the file.
#pragma once

#include "core/base/diagnostic.h"
#include "input_map.h"

#include <string>
#include <string_view>
#include <vector>

namespace lectern {

// Binds every line of `text` into `map`, in order, so later lines replace earlier ones for the same
// input. A line with an error binds nothing and is reported (`file:line:column`); the others still bind.
std::vector<Diagnostic> read_input_conf(std::string_view text, const std::string& file, InputMap& map);

} // namespace lectern
