// The presentation's side of the presenter panel: where it opens, what it is shown, what its buttons do.
#include "core/input/input_help.h"
#include "presentation.h"

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

} // namespace

void Presentation::open_panel(const std::vector<DisplayInfo>& displays, const DisplayInfo& audience) {
    if (m_options.panel == PanelChoice::Off || m_options.kiosk)
        return;
    std::optional<DisplayInfo> display;
    if (!m_options.panel_display.empty()) {
        display = choose_display(displays, m_options.panel_display);
        if (!display)
            std::cerr << "lectern: no display matches \"" << m_options.panel_display
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
    if (!display && m_options.panel == PanelChoice::On)
        display = audience;
    if (!display)
        return;
    const bool shares_screen = display->index == audience.index;
    std::string error;
    m_panel = PresenterWindow::open(shares_screen ? window_on(*display) : display->bounds, *m_catalog, error);
    if (!m_panel)
        std::cerr << "lectern: " << error << " (the show goes on without it)\n";
}

void Presentation::draw_panel(std::uint64_t now_ms) {
    PanelView view;
    view.deck = m_deck.get();
    view.nav = m_nav;
    view.next = following(m_nav, m_shape);
    view.stopwatch = m_stopwatch;
    view.now_ms = now_ms;
    const std::time_t wall = std::time(nullptr);
    view.wall_clock = clock_text(wall);
    const Pace pace = pace_of(m_stopwatch.elapsed_ms(now_ms), now_ms, m_nav.slide, m_deck->slides.size(),
                              m_deck->info.duration_minutes);
    if (pace.state != PaceState::NoPlan)
        view.planned_end = clock_text(wall + static_cast<std::time_t>(std::max(0.0, pace.minutes_left) * 60));
    view.deck_problems = m_options.deck_problems;
    view.input_problems = m_options.input_problems;
    const InputMode mode = m_options.kiosk ? InputMode::Kiosk : InputMode::Presenting;
    const std::string bigger = first_key_for(m_options.input_map, PresenterCommand::NotesBigger, mode);
    const std::string smaller = first_key_for(m_options.input_map, PresenterCommand::NotesSmaller, mode);
    view.notes_size_keys = bigger.empty() || smaller.empty() ? bigger + smaller : bigger + " and " + smaller;
    view.picture_problems = m_view->slide_renderer().picture_problems();
    view.screen_problem = !m_reload_problem.empty()    ? m_reload_problem
                          : !m_screen_problem.empty()  ? m_screen_problem
                          : !m_results_problem.empty() ? m_results_problem
                                                       : m_vote_problem;
    const std::optional<PollState> poll = poll_of(m_nav.slide);
    view.poll = poll ? &*poll : nullptr;
    if (m_join) {
        view.join_address = m_join->address;
        view.room_code = m_join->room_code;
    }
    apply_panel(m_panel->frame(view), now_ms);
}

void Presentation::apply_panel(const PanelActions& actions, std::uint64_t now_ms) {
    if (actions.jump_to_slide)
        move_to(go_to_slide(m_nav, *actions.jump_to_slide, m_shape), now_ms);
    if (actions.next)
        apply({PresenterCommand::Next, 0}, now_ms);
    if (actions.previous)
        apply({PresenterCommand::Previous, 0}, now_ms);
    if (actions.toggle_black)
        move_to(navigate(m_nav,
                         m_nav.blank == Blank::Black ? PresenterCommand::Next : PresenterCommand::BlackScreen,
                         m_shape),
                now_ms);
    if (actions.toggle_white)
        move_to(navigate(m_nav,
                         m_nav.blank == Blank::White ? PresenterCommand::Next : PresenterCommand::WhiteScreen,
                         m_shape),
                now_ms);
    if (actions.pause_or_resume_timer) {
        if (m_stopwatch.running())
            m_stopwatch.pause(now_ms);
        else
            m_stopwatch.resume(now_ms);
    }
    if (actions.reset_timer)
        m_stopwatch.reset(now_ms);
    if (actions.new_room_code && m_server) {
        m_server->rotate_room();
        m_join = m_server->join();
        std::cout << "voting: " << m_join->address << std::endl;
        show_current(false, now_ms);
    }
    apply_poll(actions.poll, now_ms);
}

} // namespace lectern
