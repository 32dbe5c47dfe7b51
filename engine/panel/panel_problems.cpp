#include "panel_parts.h"

namespace lectern {

void draw_problems_part(const PanelView& view) {
    if (view.problems.empty()) {
        ImGui::TextDisabled("No problems.");
        return;
    }
    ImGui::TextColored({1.0f, 0.75f, 0.2f, 1.0f}, "%zu problem%s (only you can see these)",
                       view.problems.size(), view.problems.size() == 1 ? "" : "s");
    for (const std::string& problem : view.problems)
        ImGui::TextWrapped("%s", problem.c_str());
}

} // namespace lectern
