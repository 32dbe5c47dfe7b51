// The panel's problems part in a bare ImGui frame (no window): what it writes is captured with ImGui's
// own logging, so the test reads the text the teacher would read.
#include "panel/panel_parts.h"

#include <doctest/doctest.h>
#include <imgui_internal.h>

#include <string>

using namespace lectern;

namespace {

// The text draw_problems_part writes for `view`.
std::string problems_text(const PanelView& view) {
    ImGuiContext* context = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = {1280, 800};
    io.IniFilename = nullptr; // no imgui.ini left in the working folder
    unsigned char* pixels = nullptr;
    int width = 0;
    int height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    ImGui::NewFrame();
    ImGui::Begin("problems");
    ImGui::LogToBuffer();
    draw_problems_part(view);
    std::string text = context->LogBuffer.c_str();
    ImGui::LogFinish();
    ImGui::End();
    ImGui::EndFrame();
    ImGui::DestroyContext(context);
    return text;
}

} // namespace

TEST_CASE("the panel lists every problem of the list, not only the first") {
    PanelView view;
    view.problems = {"The edited deck has errors, so the last good version stays on screen",
                     "Voting from devices is off: port 8750 is in use",
                     "deck.toml:12:9: warning: safeguarding_lead is still the placeholder"};
    const std::string text = problems_text(view);
    CHECK(text.find("3 problems (only you can see these)") != std::string::npos);
    for (const std::string& problem : view.problems)
        CHECK_MESSAGE(text.find(problem) != std::string::npos, problem);
}

TEST_CASE("without problems the panel says so") {
    CHECK(problems_text({}).find("No problems.") != std::string::npos);
}
