#include "core/base/diagnostic.h"
#include "panel_parts.h"

namespace lectern {

void draw_problems_part(const PanelView& view) {
    const std::size_t count = view.deck_problems.size() + view.input_problems.size() +
                              view.picture_problems.size() + (view.screen_problem.empty() ? 0 : 1);
    if (count == 0) {
        ImGui::TextDisabled("No problems.");
        return;
    }
    ImGui::TextColored({1.0f, 0.75f, 0.2f, 1.0f}, "%zu problem%s (only you can see these)", count,
                       count == 1 ? "" : "s");
    if (!view.screen_problem.empty())
        ImGui::TextWrapped("%s", view.screen_problem.c_str());
    for (const auto& [path, problem] : view.picture_problems)
        ImGui::TextWrapped("Picture %s is shown as a placeholder: %s", path.c_str(), problem.c_str());
    for (const auto* problems : {&view.deck_problems, &view.input_problems}) {
        for (const Diagnostic& diagnostic : *problems)
            ImGui::TextWrapped("%s", format_diagnostic(diagnostic).c_str());
    }
}

} // namespace lectern
