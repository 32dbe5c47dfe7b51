#include "core/compose/slide_composer.h"
#include "panel_parts.h"

#include <string>

namespace lectern {

namespace {

std::string describe(const Deck& deck, const NavState& nav) {
    std::string text = "Slide " + std::to_string(nav.slide + 1) + " of " + std::to_string(deck.slides.size());
    const std::size_t steps = build_steps(deck.slides[nav.slide]);
    if (steps > 1)
        text += ", point " + std::to_string(nav.step + 1) + " of " + std::to_string(steps);
    return text;
}

} // namespace

void draw_slides_part(const PanelView& view, SDL_Texture* current, SDL_Texture* next, ImVec2 thumbnail_size) {
    const Deck& deck = *view.deck;
    ImGui::BeginGroup();
    ImGui::TextUnformatted(("Now: " + describe(deck, view.nav)).c_str());
    if (view.nav.blank != Blank::None)
        ImGui::TextColored({1.0f, 0.75f, 0.2f, 1.0f}, view.nav.blank == Blank::Black
                                                          ? "The room sees a black screen"
                                                          : "The room sees a white screen");
    if (current)
        ImGui::Image(reinterpret_cast<ImTextureID>(current), thumbnail_size);
    ImGui::EndGroup();
    ImGui::SameLine(0, 24);
    ImGui::BeginGroup();
    if (view.next) {
        ImGui::TextUnformatted(("Next: " + describe(deck, *view.next)).c_str());
        if (next)
            ImGui::Image(reinterpret_cast<ImTextureID>(next),
                         {thumbnail_size.x * 0.75f, thumbnail_size.y * 0.75f});
    } else {
        ImGui::TextUnformatted("Next: the end of the deck");
    }
    ImGui::EndGroup();
}

} // namespace lectern
