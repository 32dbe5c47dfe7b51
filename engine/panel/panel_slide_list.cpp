#include "core/text/inline_markup.h"
#include "panel_parts.h"

#include <string>

namespace lectern {

namespace {

std::string title_of(const Slide& slide) {
    if (!slide.title.empty())
        return plain_text_of(slide.title);
    if (slide.question)
        return plain_text_of(slide.question->text);
    if (!slide.quote.empty())
        return plain_text_of(slide.quote);
    if (!slide.caption.empty())
        return plain_text_of(slide.caption);
    return std::string(name_of(slide.layout));
}

} // namespace

void draw_slide_list_part(const PanelView& view, PanelActions& actions) {
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
    for (std::size_t i = 0; i < slides.size(); ++i) {
        const std::string label = std::to_string(i + 1) + ". " + title_of(slides[i]) + "##" + slides[i].id;
        const bool current = i == view.nav.slide;
        if (ImGui::Selectable(label.c_str(), current))
            actions.jump_to_slide = i;
        if (current && ImGui::IsWindowAppearing())
            ImGui::SetScrollHereY();
    }
    ImGui::EndChild();
}

} // namespace lectern
