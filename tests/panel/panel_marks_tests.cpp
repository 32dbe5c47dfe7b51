// The panel's marks part in a bare ImGui frame (no window): the slide's countdown with Pause and Restart,
// and "Save ink..." once the teacher has drawn. Its text is read through ImGui's logging, and a click is
// ImGui's own mouse input on the button's rectangle.
#include "panel/panel_parts.h"

#include <doctest/doctest.h>
#include <imgui_internal.h>

#include <string>

using namespace lectern;

namespace {

// A bare ImGui context for a few frames of the marks part.
class MarksFrames {
public:
    MarksFrames() : m_context(ImGui::CreateContext()) {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = {1280, 800};
        io.IniFilename = nullptr; // no imgui.ini left in the working folder
        unsigned char* pixels = nullptr;
        int width = 0;
        int height = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    }
    ~MarksFrames() { ImGui::DestroyContext(m_context); }
    MarksFrames(const MarksFrames&) = delete;
    MarksFrames& operator=(const MarksFrames&) = delete;

    // One frame with the mouse at `mouse`, its button down or not; the text written and what was pressed.
    std::pair<std::string, PanelActions> frame(const PanelView& view, ImVec2 mouse = {-1, -1},
                                               bool down = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.0f / 60;
        io.MousePos = mouse;
        io.MouseDown[0] = down;
        ImGui::NewFrame();
        ImGui::Begin("marks");
        ImGui::LogToBuffer();
        PanelActions actions;
        draw_marks_part(view, actions);
        m_last_item = m_context->LastItemData.Rect;
        std::string text = m_context->LogBuffer.c_str();
        ImGui::LogFinish();
        ImGui::End();
        ImGui::EndFrame();
        return {text, actions};
    }
    // The centre of the last item drawn in the last frame.
    ImVec2 last_item_centre() const { return m_last_item.GetCenter(); }

private:
    ImGuiContext* m_context;
    ImRect m_last_item;
};

} // namespace

TEST_CASE("on a slide without a countdown or ink the panel shows nothing more") {
    MarksFrames frames;
    CHECK(frames.frame(PanelView{}).first.empty());
}

TEST_CASE("the panel shows the slide's countdown with Pause and Restart, and Resume while paused") {
    MarksFrames frames;
    PanelView view;
    view.countdown = PanelCountdown{"1:59", false};
    const std::string running = frames.frame(view).first;
    CHECK(running.find("Countdown 1:59") != std::string::npos);
    CHECK(running.find("Pause") != std::string::npos);
    CHECK(running.find("Restart") != std::string::npos);
    view.countdown = PanelCountdown{"1:30", true};
    const std::string paused = frames.frame(view).first;
    CHECK(paused.find("Countdown 1:30 (paused)") != std::string::npos);
    CHECK(paused.find("Resume") != std::string::npos);
}

TEST_CASE("clicking Restart asks for the countdown to start again") {
    MarksFrames frames;
    PanelView view;
    view.countdown = PanelCountdown{"Time's up", false};
    frames.frame(view);
    const ImVec2 restart = frames.last_item_centre(); // the last button drawn
    frames.frame(view, restart, false);
    frames.frame(view, restart, true);
    const PanelActions released = frames.frame(view, restart, false).second;
    CHECK(released.restart_countdown);
    CHECK_FALSE(released.pause_countdown);
}

TEST_CASE("Save ink... shows once the teacher has drawn, and the panel says where it was saved") {
    MarksFrames frames;
    PanelView view;
    view.has_ink = true;
    view.ink_status = "Ink saved to lesson.ink.json";
    const std::string text = frames.frame(view).first;
    CHECK(text.find("Save ink...") != std::string::npos);
    CHECK(text.find("Ink saved to lesson.ink.json") != std::string::npos);
}
