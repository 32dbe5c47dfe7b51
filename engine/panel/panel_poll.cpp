#include "core/text/inline_markup.h"
#include "panel_parts.h"

#include <algorithm>
#include <string>

namespace lectern {

namespace {

void draw_hands(const PollState& poll, const Slide& slide, PanelActions& actions, PanelText& text) {
    const std::vector<int> devices = device_counts(poll);
    if (!ImGui::BeginTable("hands", 4, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg))
        return;
    ImGui::TableSetupColumn("Option", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Devices");
    ImGui::TableSetupColumn("Hands");
    ImGui::TableSetupColumn("On screen");
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < poll.choices; ++i) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const std::string label = slide.layout == SlideLayout::Scale
                                      ? std::to_string(i + 1)
                                      : std::string(1, static_cast<char>('A' + i)) + ". " +
                                            plain_text_of(slide.question->options[i]);
        text.line(label, ImGui::GetFontSize(), ImGui::GetStyleColorVec4(ImGuiCol_Text));
        ImGui::TableNextColumn();
        ImGui::Text("%d", devices[i]);
        ImGui::TableNextColumn();
        int hands = poll.hand_counts[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::SetNextItemWidth(150);
        if (ImGui::InputInt("##hands", &hands, 1, 5))
            actions.poll.hand_count = std::pair{i, std::max(0, hands)};
        ImGui::PopID();
        ImGui::TableNextColumn();
        ImGui::Text("%d", devices[i] + poll.hand_counts[i]);
    }
    ImGui::EndTable();
    ImGui::BeginDisabled(poll.hand_history.empty());
    if (ImGui::Button("Undo last count"))
        actions.poll.undo_hands = true;
    ImGui::EndDisabled();
}

void draw_answers(const PollState& poll, PanelActions& actions, PanelText& text) {
    if (poll.answers.empty()) {
        ImGui::TextDisabled("No written answers yet. Pupils' answers wait here for you before they show.");
        return;
    }
    const auto waiting = std::ranges::count(poll.answers, AnswerStatus::Pending, &WordsAnswer::status);
    ImGui::BeginDisabled(waiting == 0);
    if (ImGui::Button("Reject all waiting"))
        actions.poll.reject_waiting = true;
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::Text("%td waiting", waiting);
    for (const WordsAnswer& answer : poll.answers) {
        ImGui::PushID(static_cast<int>(answer.number));
        const char* status = answer.status == AnswerStatus::Approved   ? "shown"
                             : answer.status == AnswerStatus::Rejected ? "hidden"
                                                                       : "waiting";
        // The pupil's words in the slides' text stack (any script, right to left where it is), after
        // the panel's own label.
        ImGui::Text("%zu.", answer.number);
        ImGui::SameLine();
        text.wrapped(answer.text, ImGui::GetFontSize(), ImGui::GetStyleColorVec4(ImGuiCol_Text));
        ImGui::TextDisabled("(%s)%s", status, answer.flagged ? " [flagged]" : "");
        if (!answer.held_because.empty())
            ImGui::TextColored({1.0f, 0.75f, 0.2f, 1.0f}, "   held back: %s", answer.held_because.c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("Show"))
            actions.poll.answer_status = std::pair{answer.number, AnswerStatus::Approved};
        ImGui::SameLine();
        if (ImGui::SmallButton("Hide"))
            actions.poll.answer_status = std::pair{answer.number, AnswerStatus::Rejected};
        ImGui::SameLine();
        if (!answer.flagged && ImGui::SmallButton("Flag for safeguarding lead"))
            actions.poll.flag_answer = answer.number;
        if (!answer.device.empty()) {
            ImGui::SameLine();
            if (ImGui::SmallButton("Reject all from this device"))
                actions.poll.reject_device_of = answer.number;
        }
        ImGui::PopID();
    }
}

// Where pupils join, and a new room code when the old one has spread beyond the room.
void draw_join_line(const PanelView& view, PanelActions& actions) {
    if (view.join_address.empty()) {
        ImGui::TextDisabled("Device voting is off: count a show of hands below.");
        return;
    }
    ImGui::Text("Join at %s   room code %s", view.join_address.c_str(), view.room_code.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("New room code..."))
        ImGui::OpenPopup("New room code?");
    if (confirmed("New room code?",
                  "Devices using the old code stop voting and must join again with the new one.\n"
                  "Votes already counted are kept.",
                  "Change the code", "Keep it"))
        actions.new_room_code = true;
}

} // namespace

void draw_poll_part(const PanelView& view, PanelActions& actions, PanelText& text) {
    if (!view.poll) {
        if (view.deck && view.nav.slide < view.deck->slides.size() &&
            view.deck->slides[view.nav.slide].layout == SlideLayout::Join) {
            ImGui::Separator();
            draw_join_line(view, actions);
        }
        return;
    }
    const PollState& poll = *view.poll;
    const Slide& slide = view.deck->slides[view.nav.slide];
    ImGui::Separator();
    ImGui::Text("Voting %s, results %s, %d answer%s", poll.open ? "open" : "closed",
                poll.revealed ? "showing" : "hidden", response_count(poll),
                response_count(poll) == 1 ? "" : "s");
    if (ImGui::Button(poll.open ? "Close voting (V)" : "Open voting (V)"))
        actions.poll.toggle_open = true;
    ImGui::SameLine();
    if (ImGui::Button(poll.revealed ? "Hide results (R)" : "Reveal results (R)"))
        actions.poll.toggle_reveal = true;
    ImGui::SameLine();
    if (ImGui::Button("Reset..."))
        ImGui::OpenPopup("Reset answers?");
    if (confirmed("Reset answers?", "Forget every answer and hand count for this question?", "Reset",
                  "Keep them"))
        actions.poll.reset = true;
    draw_join_line(view, actions);
    if (slide.layout == SlideLayout::Words)
        draw_answers(poll, actions, text);
    else
        draw_hands(poll, slide, actions, text);
    draw_school_part(view);
}

} // namespace lectern
