#include "core/compose/slide_title.h"
#include "panel_parts.h"

#include <string>

namespace lectern {

void draw_slide_list_part(const PanelView& view, PanelActions& actions, PanelText& text) {
    if (ImGui::Button("Previous"))
        actions.previous = true;
    ImGui::SameLine();
    if (ImGui::Button("Next"))
        actions.next = true;
    ImGui::SameLine(0, 16);
    if (ImGui::Button(view.nav.blank == Blank::Black ? "Show slide##black" : "Black screen"))
        actions.toggle_black = true;
    ImGui::SameLine();
    if (ImGui::Button(view.nav.blank == Blank::White ? "Show slide##white" : "White screen"))
        actions.toggle_white = true;

    ImGui::BeginChild("slide list", {0, 0}, true);
    const auto& slides = view.deck->slides;
    const float px = ImGui::GetFontSize();
    const float row_h = text.line_height(px);
    const ImVec4 ink = ImGui::GetStyleColorVec4(ImGuiCol_Text);
    for (std::size_t i = 0; i < slides.size(); ++i) {
        const bool current = i == view.nav.slide;
        ImGui::PushID(slides[i].id.c_str());
        // The row is the button; its label is drawn over it by the slides' text stack (any script).
        if (ImGui::Selectable("##slide", current, 0, {0, row_h}))
            actions.jump_to_slide = i;
        text.line_at(std::to_string(i + 1) + ". " + title_of(slides[i]), ImGui::GetItemRectMin(), px, ink);
        ImGui::PopID();
        if (current && ImGui::IsWindowAppearing())
            ImGui::SetScrollHereY();
    }
    ImGui::EndChild();
}

} // namespace lectern
