#include "panel_parts.h"

#include <cmath>
#include <cstdio>
#include <string>

namespace lectern {

namespace {

std::string minutes_and_seconds(std::uint64_t ms) {
    char text[32];
    const std::uint64_t seconds = ms / 1000;
    std::snprintf(text, sizeof text, "%02llu:%02llu", static_cast<unsigned long long>(seconds / 60),
                  static_cast<unsigned long long>(seconds % 60));
    return text;
}

ImVec4 colour_of(PaceState state) {
    switch (state) {
    case PaceState::Behind:
        return {1.0f, 0.75f, 0.2f, 1.0f};
    case PaceState::NearlyOut:
        return {1.0f, 0.55f, 0.1f, 1.0f};
    case PaceState::Over:
        return {1.0f, 0.3f, 0.3f, 1.0f};
    case PaceState::Ahead:
    case PaceState::OnPace:
        return {0.45f, 0.85f, 0.45f, 1.0f};
    case PaceState::NoPlan:
        break;
    }
    return {0.8f, 0.8f, 0.8f, 1.0f};
}

} // namespace

void draw_timer_part(const PanelView& view, PanelActions& actions) {
    const std::uint64_t elapsed = view.stopwatch.elapsed_ms(view.now_ms);
    ImGui::Text("Elapsed %s%s", minutes_and_seconds(elapsed).c_str(),
                view.stopwatch.running() ? "" : " (paused)");
    ImGui::SameLine(0, 24);
    if (ImGui::Button(view.stopwatch.running() ? "Pause" : "Resume"))
        actions.pause_or_resume_timer = true;
    ImGui::SameLine();
    if (ImGui::Button("Reset"))
        actions.reset_timer = true;
    ImGui::SameLine(0, 24);
    ImGui::Text("Clock %s", view.wall_clock.c_str());

    const Deck& deck = *view.deck;
    const Pace pace =
        pace_of(elapsed, view.now_ms, view.nav.slide, deck.slides.size(), deck.info.duration_minutes);
    if (pace.state == PaceState::NoPlan) {
        ImGui::TextDisabled("No planned length: add duration_minutes to the deck to see your pace.");
        return;
    }
    const int minutes = static_cast<int>(std::lround(std::abs(pace.minutes_ahead)));
    std::string status;
    switch (pace.state) {
    case PaceState::OnPace:
        status = "On pace";
        break;
    case PaceState::Ahead:
        status = std::to_string(minutes) + " min ahead";
        break;
    case PaceState::Behind:
        status = std::to_string(minutes) + " min behind";
        break;
    case PaceState::NearlyOut:
        status = "Nearly out of time: " + std::to_string(static_cast<int>(std::ceil(pace.minutes_left))) +
                 " min left";
        break;
    case PaceState::Over:
        status = "Over time by " + std::to_string(static_cast<int>(std::ceil(-pace.minutes_left))) + " min";
        break;
    case PaceState::NoPlan:
        break;
    }
    ImGui::TextColored(colour_of(pace.state), "%s", status.c_str());
    ImGui::SameLine(0, 24);
    ImGui::Text("Planned %d min, ends at %s", *deck.info.duration_minutes, view.planned_end.c_str());
}

} // namespace lectern
