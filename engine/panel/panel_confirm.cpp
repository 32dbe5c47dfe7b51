#include "panel_parts.h"

namespace lectern {

bool confirmed(const char* title, const char* question, const char* yes, const char* no) {
    bool pressed = false;
    if (ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted(question);
        if (ImGui::Button(yes)) {
            pressed = true;
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button(no))
            ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    return pressed;
}

} // namespace lectern
