// A panel part drawn in a bare ImGui frame (no window): what it writes is captured with ImGui's own
// logging, so a test reads the text the teacher would read; what it records in PanelActions comes back
// too (nothing is clicked in a bare frame, so actions are empty unless the part sets them by itself).
#pragma once

#include "panel/panel_view.h"

#include <functional>
#include <string>

namespace lectern::test {

std::string text_of_part(const std::function<void(PanelActions&)>& draw);

} // namespace lectern::test
