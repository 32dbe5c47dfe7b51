// The presenter panel's view of a school's poll (docs/school-mqtt.md): the school's totals per option and,
// on the leader, each room's counts beside them, so the teacher sees where the answers came from.
#include "panel_parts.h"

#include <algorithm>
#include <string>

namespace lectern {

namespace {

constexpr std::size_t max_room_columns = 12; // ImGui's table stays readable; the rest are counted

} // namespace

void draw_school_follow_part(const PanelView& view, PanelActions& actions) {
    if (view.school_follow == PanelView::SchoolFollow::NotFollowing)
        return;
    const bool local = view.school_follow == PanelView::SchoolFollow::Local;
    ImGui::TextWrapped("%s", local ? "This room presents on its own for now; the leader's room goes on."
                                   : "This room follows the school's leader: its slide keys wait.");
    if (ImGui::SmallButton(local ? "Follow the leader again" : "Present on my own"))
        actions.toggle_school_local = true;
}

void draw_school_part(const PanelView& view) {
    if (view.school_counts.empty())
        return;
    const std::size_t rooms = std::min(view.room_counts.size(), max_room_columns);
    ImGui::Text("The whole school: %zu room%s", view.room_counts.size(),
                view.room_counts.size() == 1 ? "" : "s");
    if (!ImGui::BeginTable("school", static_cast<int>(rooms) + 2,
                           ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollX))
        return;
    ImGui::TableSetupColumn("Option");
    ImGui::TableSetupColumn("School");
    for (std::size_t r = 0; r < rooms; ++r)
        ImGui::TableSetupColumn(view.room_counts[r].first.c_str());
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < view.school_counts.size(); ++i) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%c", static_cast<char>('A' + std::min<std::size_t>(i, 25)));
        ImGui::TableNextColumn();
        ImGui::Text("%d", view.school_counts[i]);
        for (std::size_t r = 0; r < rooms; ++r) {
            ImGui::TableNextColumn();
            const std::vector<int>& counts = view.room_counts[r].second;
            ImGui::Text("%d", i < counts.size() ? counts[i] : 0);
        }
    }
    ImGui::EndTable();
    if (view.room_counts.size() > rooms)
        ImGui::TextDisabled("and %zu more rooms", view.room_counts.size() - rooms);
}

} // namespace lectern
