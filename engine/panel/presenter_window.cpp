#include "presenter_window.h"

#include "panel_parts.h"
#include "panel_text.h"
#include "render/sdl_window.h"

#include <imgui.h>
#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>

#include <algorithm>

namespace lectern {

namespace {

constexpr float ui_font_px = 20;

// The panel's own words only (the deck's go through PanelText): Basic Latin, Latin-1 and Latin Extended-A,
// general punctuation (curly quotes, dashes).
const ImWchar latin_ranges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2010, 0x2027, 0};

} // namespace

Expected<std::unique_ptr<PresenterWindow>> PresenterWindow::open(SDL_Rect bounds, FontCatalog& catalog) {
    const Expected<WindowAndRenderer> opened = open_window(
        "Lectern Presenter", bounds, SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI, "the presenter window");
    if (!opened)
        return Failure{opened.error()};
    std::unique_ptr<PresenterWindow> panel(new PresenterWindow(opened->window, opened->renderer, catalog));
    if (!panel->load_fonts(catalog))
        return Failure{"no font for the presenter panel: " + catalog.last_error()};
    return panel;
}

PresenterWindow::PresenterWindow(SDL_Window* window, SDL_Renderer* renderer, FontCatalog& catalog)
    : m_window(window), m_renderer(renderer), m_fonts(std::make_unique<PanelFonts>()),
      m_slides(std::make_unique<SlideRenderer>(renderer, catalog)),
      m_text(std::make_unique<PanelText>(renderer, catalog)) {
    m_imgui = ImGui::CreateContext();
    ImGui::SetCurrentContext(m_imgui);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // nothing written to the teacher's folders
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui::StyleColorsDark();
    ImGui::GetStyle().ScaleAllSizes(1.25f);
    ImGui_ImplSDL2_InitForSDLRenderer(m_window);
    ImGui_ImplSDLRenderer_Init(m_renderer);
}

PresenterWindow::~PresenterWindow() {
    m_text.reset();
    m_slides.reset();
    if (m_current_thumbnail)
        SDL_DestroyTexture(m_current_thumbnail);
    if (m_next_thumbnail)
        SDL_DestroyTexture(m_next_thumbnail);
    ImGui::SetCurrentContext(m_imgui);
    ImGui_ImplSDLRenderer_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext(m_imgui);
    SDL_DestroyRenderer(m_renderer);
    SDL_DestroyWindow(m_window);
}

bool PresenterWindow::load_fonts(FontCatalog& catalog) {
    ImGui::SetCurrentContext(m_imgui);
    const auto regular = catalog.primary_face({FontRole::Body, false, false, ui_font_px});
    if (!regular)
        return false;
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    m_fonts->ui =
        atlas->AddFontFromFileTTF(catalog.face(*regular).file.c_str(), ui_font_px, nullptr, latin_ranges);
    m_fonts->notes_scale = 0.7f;
    return m_fonts->ui != nullptr;
}

bool PresenterWindow::process_event(const SDL_Event& event, std::uint64_t) {
    ImGui::SetCurrentContext(m_imgui);
    ImGui_ImplSDL2_ProcessEvent(&event);
    m_settle_frames = 3;
    if (event.type == SDL_MOUSEBUTTONDOWN || event.type == SDL_MOUSEWHEEL || event.type == SDL_MOUSEMOTION ||
        event.type == SDL_TEXTINPUT)
        return true; // clicks in the panel press its buttons; they never advance the slides
    if (event.type == SDL_KEYDOWN)
        return ImGui::GetIO().WantTextInput;
    return false;
}

void PresenterWindow::change_notes_size(int steps) {
    m_fonts->notes_scale = std::clamp(m_fonts->notes_scale + 0.1f * static_cast<float>(steps), 0.4f, 1.5f);
    m_settle_frames = std::max(m_settle_frames, 1);
}

void PresenterWindow::set_slides(const DisplayList& current, const DisplayList* next) {
    m_current = current;
    m_next = next ? std::optional<DisplayList>(*next) : std::nullopt;
    m_thumbnails_stale = true;
    m_settle_frames = std::max(m_settle_frames, 1);
}

void PresenterWindow::reset_textures(bool device_lost) {
    ImGui::SetCurrentContext(m_imgui);
    if (device_lost) {
        m_slides->reset_textures();
        m_text->reset_textures();
        ImGui_ImplSDLRenderer_DestroyDeviceObjects();
        ImGui_ImplSDLRenderer_CreateDeviceObjects();
    }
    m_thumbnails_stale = true;
    m_settle_frames = 3;
}

void PresenterWindow::update_thumbnails(int width, int height) {
    if (!m_thumbnails_stale && width == m_thumbnail_w && height == m_thumbnail_h)
        return;
    for (SDL_Texture** texture : {&m_current_thumbnail, &m_next_thumbnail}) {
        if (*texture && (width != m_thumbnail_w || height != m_thumbnail_h)) {
            SDL_DestroyTexture(*texture);
            *texture = nullptr;
        }
        if (!*texture)
            *texture = SDL_CreateTexture(m_renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET,
                                         width, height);
    }
    m_thumbnail_w = width;
    m_thumbnail_h = height;
    SDL_SetRenderTarget(m_renderer, m_current_thumbnail);
    m_slides->draw(m_current, {0, 0, width, height});
    SDL_SetRenderTarget(m_renderer, m_next_thumbnail);
    if (m_next)
        m_slides->draw(*m_next, {0, 0, width, height});
    SDL_SetRenderTarget(m_renderer, nullptr);
    m_thumbnails_stale = false;
}

std::uint64_t PresenterWindow::next_frame_ms() const {
    if (m_settle_frames > 0 || m_thumbnails_stale)
        return m_last_frame_ms + 16;
    return (m_last_frame_ms / 1000 + 1) * 1000; // the clock's next second
}

PanelActions PresenterWindow::frame(const PanelView& view) {
    ImGui::SetCurrentContext(m_imgui);
    m_last_frame_ms = view.now_ms;
    int width = 0;
    int height = 0;
    SDL_GetRendererOutputSize(m_renderer, &width, &height);
    const float w = static_cast<float>(width);
    const float h = static_cast<float>(height);
    const float left_w = std::round(w * 0.62f);
    const float aspect = m_current.height > 0 ? m_current.width / m_current.height : 16.0f / 9.0f;
    const float thumb_w = std::max(64.0f, std::round((left_w - 60) / 1.75f));
    const float thumb_h = std::round(thumb_w / aspect);
    update_thumbnails(static_cast<int>(thumb_w), static_cast<int>(thumb_h));

    m_text->begin_frame();
    ImGui_ImplSDLRenderer_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();
    ImGui::PushFont(m_fonts->ui);
    ImGui::SetNextWindowPos({0, 0});
    ImGui::SetNextWindowSize({w, h});
    PanelActions actions;
    ImGui::Begin("Presenter", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    draw_timer_part(view, actions);
    draw_marks_part(view, actions);
    ImGui::Separator();
    ImGui::BeginChild("left", {left_w, 0});
    draw_slides_part(view, m_current_thumbnail, m_next ? m_next_thumbnail : nullptr, {thumb_w, thumb_h});
    ImGui::Spacing();
    draw_notes_part(view, *m_fonts, *m_text);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("right", {0, 0});
    ImGui::BeginChild("slides", {0, std::round(h * (view.poll ? 0.3f : 0.55f))});
    draw_slide_list_part(view, actions, *m_text);
    ImGui::EndChild();
    draw_school_follow_part(view, actions);
    draw_language_part(view, actions);
    draw_poll_part(view, actions, *m_text);
    if (view.remote) {
        ImGui::Separator();
        draw_remote_part(*view.remote, actions);
    }
    ImGui::Separator();
    draw_problems_part(view);
    ImGui::EndChild();
    ImGui::End();
    ImGui::PopFont();
    ImGui::Render();

    SDL_SetRenderDrawColor(m_renderer, 24, 26, 30, 255);
    SDL_RenderClear(m_renderer);
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
    SDL_RenderPresent(m_renderer);
    if (m_settle_frames > 0)
        --m_settle_frames;
    const PollActions& poll = actions.poll;
    const bool poll_changed = poll.toggle_open || poll.toggle_reveal || poll.reset || poll.hand_count ||
                              poll.undo_hands || poll.answer_status || poll.flag_answer;
    if (actions.jump_to_slide || actions.next || actions.previous || actions.toggle_black ||
        actions.toggle_white || actions.pause_or_resume_timer || actions.reset_timer || poll_changed ||
        actions.remote.sign_out || actions.remote.new_pin || actions.remote.unlock ||
        actions.toggle_school_local)
        m_settle_frames = 3;
    return actions;
}

} // namespace lectern
