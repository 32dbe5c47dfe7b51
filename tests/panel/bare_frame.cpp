#include "bare_frame.h"

#include <imgui.h>
#include <imgui_internal.h>

namespace lectern::test {

std::string text_of_part(const std::function<void(PanelActions&)>& draw) {
    ImGuiContext* context = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = {1280, 800};
    io.IniFilename = nullptr; // no imgui.ini left in the working folder
    unsigned char* pixels = nullptr;
    int width = 0;
    int height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    ImGui::NewFrame();
    ImGui::Begin("part");
    ImGui::LogToBuffer();
    PanelActions actions;
    draw(actions);
    std::string text = context->LogBuffer.c_str();
    ImGui::LogFinish();
    ImGui::End();
    ImGui::EndFrame();
    ImGui::DestroyContext(context);
    return text;
}

} // namespace lectern::test
