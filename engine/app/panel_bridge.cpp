#include "panel_bridge.h"

#include <algorithm>
#include <ctime>
#include <iostream>

namespace lectern {

namespace {

std::string clock_text(std::time_t when) {
    std::tm local{};
    localtime_r(&when, &local);
    char text[16];
    std::strftime(text, sizeof text, "%H:%M", &local);
    return text;
}

// A window of a sensible size on `display`, for a panel sharing the audience's screen.
SDL_Rect window_on(const DisplayInfo& display) {
    const int w = std::min(1280, display.bounds.w);
    const int h = std::min(800, display.bounds.h);
    return {display.bounds.x + (display.bounds.w - w) / 2, display.bounds.y + (display.bounds.h - h) / 2, w,
            h};
}

// The window an event belongs to, or 0 for events of the whole program.
std::uint32_t window_of(const SDL_Event& event) {
    switch (event.type) {
    case SDL_KEYDOWN:
    case SDL_KEYUP:
        return event.key.windowID;
    case SDL_TEXTINPUT:
        return event.text.windowID;
    case SDL_MOUSEMOTION:
        return event.motion.windowID;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        return event.button.windowID;
    case SDL_MOUSEWHEEL:
        return event.wheel.windowID;
    case SDL_WINDOWEVENT:
        return event.window.windowID;
    default:
        return 0;
    }
}

} // namespace

void PanelBridge::open(PanelChoice choice, const std::string& display_asked,
                       const std::vector<DisplayInfo>& displays, const DisplayInfo& audience,
                       FontCatalog& catalog) {
    if (choice == PanelChoice::Off)
        return;
    std::optional<DisplayInfo> display;
    if (!display_asked.empty()) {
        display = choose_display(displays, display_asked);
        if (!display)
            std::cerr << "lectern: no display matches \"" << display_asked
                      << "\" for the presenter panel; `lectern displays` lists them\n";
    } else {
        for (const DisplayInfo& candidate : displays) {
            if (candidate.name != audience.name || candidate.index != audience.index) {
                display = candidate;
                break;
            }
        }
    }
    // With one display the panel stays closed unless asked for: a mirrored laptop must not show notes.
    if (!display && choice == PanelChoice::On)
        display = audience;
    if (!display)
        return;
    const bool shares_screen = display->index == audience.index;
    Expected<std::unique_ptr<PresenterWindow>> opened =
        PresenterWindow::open(shares_screen ? window_on(*display) : display->bounds, catalog);
    if (!opened) {
        std::cerr << "lectern: " << opened.error() << " (the show goes on without it)\n";
        return;
    }
    m_window = std::move(*opened);
}

void PanelBridge::decode_pictures_in_background(int wait_ms, std::function<void()> wake) {
    if (m_window)
        m_window->slide_renderer().image_cache().decode_in_background(wait_ms, std::move(wake));
}

PanelEvent PanelBridge::handle(const SDL_Event& event, std::uint64_t now_ms) {
    if (!m_window || window_of(event) != m_window->window_id())
        return PanelEvent::NotThePanels;
    if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_CLOSE) {
        close(); // closing the panel leaves the show running
        return PanelEvent::Taken;
    }
    if (event.type == SDL_RENDER_TARGETS_RESET || event.type == SDL_RENDER_DEVICE_RESET) {
        m_window->reset_textures(event.type == SDL_RENDER_DEVICE_RESET);
        return PanelEvent::Taken;
    }
    if (m_window->process_event(event, now_ms) || event.type != SDL_KEYDOWN)
        return PanelEvent::Taken; // the panel's own: a click on a button, a size change
    return PanelEvent::Key;
}

void PanelBridge::change_notes_size(int steps) {
    if (m_window)
        m_window->change_notes_size(steps);
}

void PanelBridge::set_slides(const DisplayList& current, const DisplayList* next) {
    if (m_window)
        m_window->set_slides(current, next);
}

std::optional<std::uint64_t> PanelBridge::next_frame_ms() const {
    if (!m_window)
        return std::nullopt;
    return m_window->next_frame_ms();
}

PanelActions PanelBridge::draw(PanelView view, std::uint64_t now_ms) {
    if (!m_window)
        return {};
    view.stopwatch = m_stopwatch;
    view.now_ms = now_ms;
    const std::time_t wall = std::time(nullptr);
    view.wall_clock = clock_text(wall);
    if (view.deck) {
        const Pace pace = pace_of(m_stopwatch.elapsed_ms(now_ms), now_ms, view.nav.slide,
                                  view.deck->slides.size(), view.deck->info.duration_minutes);
        if (pace.state != PaceState::NoPlan)
            view.planned_end =
                clock_text(wall + static_cast<std::time_t>(std::max(0.0, pace.minutes_left) * 60));
    }
    PanelActions actions = m_window->frame(view);
    if (actions.pause_or_resume_timer) {
        if (m_stopwatch.running())
            m_stopwatch.pause(now_ms);
        else
            m_stopwatch.resume(now_ms);
    }
    if (actions.reset_timer)
        m_stopwatch.reset(now_ms);
    return actions;
}

} // namespace lectern
