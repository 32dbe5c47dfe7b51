#include "panel_parts.h"

namespace lectern {

void draw_notes_part(const PanelView& view, const PanelFonts& fonts, PanelText& text) {
    const Slide& slide = view.deck->slides[view.nav.slide];
    if (view.notes_size_keys.empty())
        ImGui::TextUnformatted("Notes");
    else
        ImGui::Text("Notes (%s change the size)", view.notes_size_keys.c_str());
    ImGui::BeginChild("notes", {0, 0}, true);
    if (slide.notes.empty())
        ImGui::TextDisabled("This slide has no notes.");
    else
        text.notes(slide.notes, fonts.notes_px * fonts.notes_scale, ImGui::GetStyleColorVec4(ImGuiCol_Text));
    ImGui::EndChild();
}

} // namespace lectern
