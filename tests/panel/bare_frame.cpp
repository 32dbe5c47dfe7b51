#include "bare_frame.h"

namespace lectern::test {

BareFrames::BareFrames() : m_context(ImGui::CreateContext()) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = {1280, 800};
    io.IniFilename = nullptr; // no imgui.ini left in the working folder
    unsigned char* pixels = nullptr;
    int width = 0;
    int height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
}

BareFrames::~BareFrames() {
    ImGui::DestroyContext(m_context);
}

std::pair<std::string, PanelActions> BareFrames::frame(const std::function<void(PanelActions&)>& draw,
                                                       ImVec2 mouse, bool down) {
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = 1.0f / 60;
    io.MousePos = mouse;
    io.MouseDown[0] = down;
    ImGui::NewFrame();
    // As wide as the panel's column, so a part that lays its buttons out by the room left sees real room.
    ImGui::SetNextWindowPos({0, 0});
    ImGui::SetNextWindowSize({800, 800});
    ImGui::Begin("part");
    ImGui::LogToBuffer();
    PanelActions actions;
    draw(actions);
    m_last_item = m_context->LastItemData.Rect;
    std::string text = m_context->LogBuffer.c_str();
    ImGui::LogFinish();
    ImGui::End();
    ImGui::EndFrame();
    return {text, actions};
}

std::string text_of_part(const std::function<void(PanelActions&)>& draw) {
    BareFrames frames;
    return frames.frame(draw).first;
}

} // namespace lectern::test
