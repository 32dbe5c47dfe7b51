#include "panel_parts.h"

namespace lectern {

void draw_marks_part(const PanelView& view, PanelActions& actions) {
    if (!view.countdown && !view.has_ink && view.ink_status.empty())
        return; // most slides have neither: the panel stays as it was
    if (view.countdown) {
        ImGui::Text("Countdown %s%s", view.countdown->text.c_str(),
                    view.countdown->paused ? " (paused)" : "");
        ImGui::SameLine(0, 24);
        if (ImGui::Button(view.countdown->paused ? "Resume##countdown" : "Pause##countdown"))
            actions.pause_countdown = true;
        ImGui::SameLine();
        if (ImGui::Button("Restart##countdown"))
            actions.restart_countdown = true;
        if (view.has_ink)
            ImGui::SameLine(0, 24);
    }
    if (view.has_ink && ImGui::Button("Save ink..."))
        actions.save_ink = true;
    if (!view.ink_status.empty()) {
        if (view.has_ink || view.countdown)
            ImGui::SameLine(0, 12);
        ImGui::TextUnformatted(view.ink_status.c_str());
    }
}

} // namespace lectern
