// The presenter panel's languages, for a deck with translations (core/deck/deck_language.h): the room's
// language, a second one beneath it (dual mode) or none, and the deck's note on its translations.
#include "core/deck/deck_language.h"
#include "panel_parts.h"

#include <string>

namespace lectern {

namespace {

// One button a language; the one in use is shown pressed. Returns the tag pressed, or nothing.
std::optional<std::string> language_buttons(const char* id, const std::vector<std::string>& languages,
                                            const std::string& chosen, bool with_none) {
    std::optional<std::string> pressed;
    ImGui::PushID(id);
    if (with_none) {
        if (ImGui::RadioButton("None", chosen.empty()))
            pressed = std::string();
        ImGui::SameLine();
    }
    for (std::size_t i = 0; i < languages.size(); ++i) {
        const std::string label = language_name(languages[i]) + " (" + languages[i] + ")";
        if (i > 0 || with_none) {
            const float room = ImGui::GetContentRegionAvail().x;
            if (ImGui::CalcTextSize(label.c_str()).x + 40 < room)
                ImGui::SameLine();
        }
        if (ImGui::RadioButton(label.c_str(), chosen == languages[i]))
            pressed = languages[i];
    }
    ImGui::PopID();
    return pressed;
}

} // namespace

void draw_language_part(const PanelView& view, PanelActions& actions) {
    if (view.deck == nullptr || view.deck->info.languages.size() < 2)
        return;
    const std::vector<std::string>& languages = view.deck->info.languages;
    ImGui::TextUnformatted("Language on the screen (L):");
    if (std::optional<std::string> pressed = language_buttons("room", languages, view.language, false))
        actions.language = std::move(*pressed);
    ImGui::TextUnformatted("Beneath it, smaller:");
    if (std::optional<std::string> pressed =
            language_buttons("second", languages, view.second_language, true))
        actions.second_language = std::move(*pressed);
    if (!view.deck->info.translation_note.empty())
        ImGui::TextWrapped("Translations: %s", view.deck->info.translation_note.c_str());
}

} // namespace lectern
