#include "panel_parts.h"

#include <string>

namespace lectern {

void draw_remote_part(const RemotePanelView& remote, PanelActions& actions) {
    // The PIN is shown here and nowhere else: never on the room's screen, never on standard output.
    ImGui::Text("Phone remote: %s   PIN %s", remote.address.c_str(), remote.pin.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("New PIN..."))
        ImGui::OpenPopup("New remote PIN?");
    if (confirmed("New remote PIN?", "Every phone signed in is signed out and must sign in with the new PIN.",
                  "Change the PIN", "Keep it"))
        actions.remote.new_pin = true;
    if (remote.locked) {
        ImGui::TextColored({1.0f, 0.55f, 0.3f, 1.0f},
                           "The remote is locked: too many wrong PINs were tried. Someone may be guessing.");
        ImGui::SameLine();
        if (ImGui::SmallButton("Unlock"))
            actions.remote.unlock = true;
    }
    if (remote.remotes.empty()) {
        ImGui::TextDisabled("No phone is signed in.");
        return;
    }
    for (const SignedInRemote& phone : remote.remotes) {
        ImGui::PushID(phone.number);
        ImGui::Text("Remote %d, from %s", phone.number, phone.address.c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("Sign out"))
            actions.remote.sign_out = phone.number;
        ImGui::PopID();
    }
}

} // namespace lectern
