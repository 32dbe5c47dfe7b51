#include "panel_parts.h"

#include <string>

namespace lectern {

// One thing a line, wrapped, so the PIN and the buttons stay in sight in the panel's narrow right-hand
// column at any window size.
void draw_remote_part(const RemotePanelView& remote, PanelActions& actions) {
    ImGui::TextWrapped("Phone remote: %s", remote.address.c_str());
    // The PIN is shown here and nowhere else: never on the room's screen, never on standard output.
    ImGui::Text("PIN %s", remote.pin.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("New PIN..."))
        ImGui::OpenPopup("New remote PIN?");
    if (confirmed("New remote PIN?", "Every phone signed in is signed out and must sign in with the new PIN.",
                  "Change the PIN", "Keep it"))
        actions.remote.new_pin = true;
    if (remote.locked) {
        if (ImGui::SmallButton("Unlock"))
            actions.remote.unlock = true;
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4{1.0f, 0.55f, 0.3f, 1.0f});
        ImGui::TextWrapped("The remote is locked: too many wrong PINs were tried. Someone may be guessing: "
                           "choose New PIN if the PIN may have been seen.");
        ImGui::PopStyleColor();
    }
    if (remote.remotes.empty()) {
        ImGui::TextDisabled("No phone is signed in.");
        return;
    }
    for (const SignedInRemote& phone : remote.remotes) {
        ImGui::PushID(phone.number);
        if (ImGui::SmallButton("Sign out"))
            actions.remote.sign_out = phone.number;
        ImGui::SameLine();
        ImGui::TextWrapped("Remote %d, from %s", phone.number, phone.address.c_str());
        ImGui::PopID();
    }
}

} // namespace lectern
