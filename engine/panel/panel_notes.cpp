#include "core/text/inline_markup.h"
#include "panel_parts.h"

#include <sstream>
#include <string>

namespace lectern {

namespace {

// Words of one paragraph, each in its span's weight, wrapped to the width available.
void draw_wrapped_spans(const std::vector<StyledSpan>& spans, const PanelFonts& fonts) {
    const float right_edge = ImGui::GetContentRegionAvail().x + ImGui::GetCursorPosX();
    bool first = true;
    for (const StyledSpan& span : spans) {
        ImFont* font = span.bold ? fonts.notes_bold : fonts.notes;
        ImGui::PushFont(font);
        std::istringstream words(span.text);
        const bool leading_space = !span.text.empty() && span.text.front() == ' ';
        bool first_of_span = true;
        for (std::string word; words >> word;) {
            const float width = ImGui::CalcTextSize(word.c_str()).x;
            const float space = ImGui::CalcTextSize(" ").x;
            if (!first) {
                const bool join = first_of_span && !leading_space; // "**bold**," keeps the comma close
                ImGui::SameLine(0, join ? 0 : space);
                if (ImGui::GetCursorPosX() + width > right_edge)
                    ImGui::NewLine();
            }
            ImGui::TextUnformatted(word.c_str());
            first = false;
            first_of_span = false;
        }
        ImGui::PopFont();
    }
}

} // namespace

void draw_notes_part(const PanelView& view, const PanelFonts& fonts) {
    const Slide& slide = view.deck->slides[view.nav.slide];
    if (view.notes_size_keys.empty())
        ImGui::TextUnformatted("Notes");
    else
        ImGui::Text("Notes (%s change the size)", view.notes_size_keys.c_str());
    ImGui::BeginChild("notes", {0, 0}, true);
    ImGui::SetWindowFontScale(fonts.notes_scale);
    if (slide.notes.empty()) {
        ImGui::TextDisabled("This slide has no notes.");
    }
    std::istringstream lines(slide.notes);
    for (std::string line; std::getline(lines, line);) {
        if (line.find_first_not_of(' ') == std::string::npos) {
            ImGui::Spacing();
            continue;
        }
        const bool item = line.starts_with("- ");
        if (item) {
            ImGui::Bullet();
            ImGui::SameLine();
            line = line.substr(2);
        }
        draw_wrapped_spans(parse_inline_markup(line), fonts);
    }
    ImGui::EndChild();
}

} // namespace lectern
