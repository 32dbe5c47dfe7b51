// Panel parts drawn in bare ImGui frames (no window): what a part writes is captured with ImGui's own
// logging, so a test reads the text the teacher would read, and a click is ImGui's own mouse input on an
// item's rectangle, so a test presses a button as the teacher does.
#pragma once

#include "panel/panel_view.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <functional>
#include <string>
#include <utility>

namespace lectern::test {

// A bare ImGui context for a few frames of a part.
class BareFrames {
public:
    BareFrames();
    ~BareFrames();
    BareFrames(const BareFrames&) = delete;
    BareFrames& operator=(const BareFrames&) = delete;

    // One frame of `draw` with the mouse at `mouse`, its button down or not: the text written and what was
    // pressed.
    std::pair<std::string, PanelActions> frame(const std::function<void(PanelActions&)>& draw,
                                               ImVec2 mouse = {-1, -1}, bool down = false);
    // The centre of the last item drawn in the last frame.
    ImVec2 last_item_centre() const { return m_last_item.GetCenter(); }

private:
    ImGuiContext* m_context;
    ImRect m_last_item;
};

// The text of one frame of `draw`.
std::string text_of_part(const std::function<void(PanelActions&)>& draw);

} // namespace lectern::test
