// The panel's marks part in bare ImGui frames (bare_frame.h): the slide's countdown with Pause and
// Restart, and "Save ink..." once the teacher has drawn, its Restart pressed with ImGui's own mouse input.
#include "bare_frame.h"
#include "panel/panel_parts.h"

#include <doctest/doctest.h>

#include <string>

using namespace lectern;

namespace {

// Frames of the marks part (bare_frame.h).
class MarksFrames {
public:
    std::pair<std::string, PanelActions> frame(const PanelView& view, ImVec2 mouse = {-1, -1},
                                               bool down = false) {
        return m_frames.frame([&](PanelActions& actions) { draw_marks_part(view, actions); }, mouse, down);
    }
    ImVec2 last_item_centre() const { return m_frames.last_item_centre(); }

private:
    test::BareFrames m_frames;
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
