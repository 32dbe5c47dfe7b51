#include "presentation.h"

#include "core/compose/slide_composer.h"
#include "core/input/input_help.h"
#include "core/text/text_layout.h"

#include <algorithm>
#include <csignal>
#include <iostream>

namespace lectern {

namespace {

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

// Set by SIGUSR1: print the counters the soak tool reads.
volatile std::sig_atomic_t stats_requested = 0;

} // namespace

std::uint64_t Presentation::clock_speed() const {
    return static_cast<std::uint64_t>(std::max(1, m_options.clock_speed));
}

std::uint64_t Presentation::clock_ms() const {
    return SDL_GetTicks64() * clock_speed();
}

void Presentation::report_stats() const {
    const TextCacheCounters text = m_view->slide_renderer().text_cache().counters();
    const ImageCache& pictures = m_view->slide_renderer().image_cache();
    std::cerr << "lectern: stats: slide changes " << m_slide_changes << ", reloads " << m_reloads
              << ", text textures " << text.live_textures << " (" << text.live_bytes / 1024
              << " KiB), pictures " << pictures.live_textures() << " (" << pictures.live_bytes() / 1024
              << " KiB)" << std::endl;
}

Presentation::Presentation(Deck deck, PresentOptions options)
    : m_deck(std::make_shared<const Deck>(std::move(deck))), m_shape(shape_of(*m_deck)),
      m_options(std::move(options)) {
}

Presentation::~Presentation() {
    // Before the fonts their textures were made with, and before the EventWait their pictures' decoding
    // threads wake (a picture cache going away stops them waking it).
    m_panel.reset();
    m_view.reset();
}

std::function<void()> Presentation::wakes_loop_with(std::uint32_t event_type) const {
    EventWait* wait = m_wait.get();
    return [event_type, wait] {
        wait->post(event_type);
    };
}

// Pictures are decoded on threads of their own: a slide change waits at most picture_wait_ms for one,
// then shows a placeholder until the decoding thread wakes the loop with the picture.
void Presentation::decode_pictures_in_background() {
    m_pictures_event = SDL_RegisterEvents(1);
    if (m_pictures_event == static_cast<std::uint32_t>(-1)) {
        m_pictures_event = 0; // no event to wake the loop with: pictures are waited for, as before
        return;
    }
    m_view->slide_renderer().image_cache().decode_in_background(picture_wait_ms,
                                                                wakes_loop_with(m_pictures_event));
    if (m_panel)
        m_panel->slide_renderer().image_cache().decode_in_background(picture_wait_ms,
                                                                     wakes_loop_with(m_pictures_event));
}

void Presentation::pictures_arrived(std::uint64_t now_ms) {
    m_dirty = true; // the room's screen draws the picture in place of its placeholder
    if (!m_view->fading(now_ms))
        show_current(false, now_ms); // and the panel's thumbnails are drawn again
}

int Presentation::run() {
    const std::vector<DisplayInfo> displays = list_displays();
    const std::optional<DisplayInfo> display = choose_display(displays, m_options.display);
    if (!display) {
        std::cerr << "lectern: no display matches \"" << m_options.display
                  << "\"; `lectern displays` lists them\n";
        return 2;
    }
    m_display_name = display->name;
    m_catalog =
        std::make_unique<FontCatalog>(FontFamilies{m_deck->theme.body_font, m_deck->theme.heading_font});
    m_measurer = std::make_unique<SdlTextMeasurer>(*m_catalog);
    std::string error;
    m_view =
        AudienceView::open(*display, m_options.mode, "Lectern: " + m_deck->info.title, *m_catalog, error);
    if (!m_view) {
        std::cerr << "lectern: " << error << '\n';
        return 1;
    }
    open_panel(displays, *display);
    SDL_DisableScreenSaver();
    SDL_ShowCursor(SDL_DISABLE);
    m_cursor_shown = false;
    m_stopwatch = Stopwatch::started_at(clock_ms());
    m_kiosk_clock.slide_changed(clock_ms());
    std::signal(SIGUSR1, [](int) { stats_requested = 1; });
    // Edits to the deck show up by themselves; a broken edit never replaces the deck on screen.
    m_wait = std::make_unique<EventWait>();
    decode_pictures_in_background();
    m_reload_event = SDL_RegisterEvents(1);
    if (m_reload_event != static_cast<std::uint32_t>(-1) && !m_options.deck_path.empty()) {
        DeckLoadOptions reload_options;
        reload_options.picture_problems = PictureProblems::AreWarnings;
        m_watcher = std::make_unique<DeckWatcher>(m_options.deck_path, reload_options,
                                                  wakes_loop_with(m_reload_event));
    }
    open_results();
    start_voting();
    polls_follow_slide(m_nav.slide, m_nav.slide, clock_ms());
    show_current(false, clock_ms());

    while (m_running) {
        std::uint64_t now = clock_ms();
        if (stats_requested) {
            stats_requested = 0;
            report_stats();
        }
        // Each frame of growing bars redraws the room's screen; the panel's thumbnails catch up once
        // the bars have settled.
        const bool moving = bars_moving(now);
        if (moving || m_bars_were_moving)
            show_current(false, now, moving ? PanelThumbnails::Keep : PanelThumbnails::Update);
        m_bars_were_moving = moving;
        if (m_dirty || m_view->needs_frame(now)) {
            const std::optional<DisplayList> on_top = overlay(now);
            m_view->present(now, m_nav.blank, on_top ? &*on_top : nullptr);
            m_dirty = false;
        }
        if (m_panel && now >= m_panel->next_frame_ms())
            draw_panel(now);
        const std::optional<std::uint64_t> deadline = next_deadline_ms(now);
        SDL_Event event;
        // The deadline is on the presentation's clock; the wait is in real milliseconds.
        const std::uint64_t speed = clock_speed();
        const std::optional<std::uint64_t> timeout =
            deadline ? std::optional((*deadline > now ? *deadline - now + speed - 1 : 0) / speed)
                     : std::nullopt;
        const bool got = m_wait->next(event, timeout);
        now = clock_ms();
        if (got) {
            handle(event, now);
            while (m_running && SDL_PollEvent(&event))
                handle(event, now);
        }
        update_cursor(now);
        if (const std::optional<PresenterCommand> held = m_held.take_due(now))
            apply({*held, 0}, now);
        kiosk_tick(now);
        if (!m_quit.waiting_for_second_press(now) && m_quit.armed_at_ms) {
            m_quit.armed_at_ms.reset(); // the hint goes away
            m_dirty = true;
        }
    }
    m_watcher.reset(); // its thread stops before the deck it reports on goes
    m_server.reset();  // no more votes: the session's totals are final
    end_results();
    return 0;
}

std::optional<std::uint64_t> Presentation::next_deadline_ms(std::uint64_t now_ms) const {
    std::optional<std::uint64_t> deadline;
    auto sooner = [&deadline](std::uint64_t at) {
        deadline = deadline ? std::min(*deadline, at) : at;
    };
    if (m_view->needs_frame(now_ms) || bars_moving(now_ms))
        sooner(now_ms + 16); // one frame of the fade or of the bars
    if (auto hide = m_cursor.hide_at_ms(now_ms))
        sooner(*hide);
    if (auto expires = m_quit.expires_at_ms())
        sooner(*expires + 1);
    if (m_panel)
        sooner(std::max(now_ms, m_panel->next_frame_ms()));
    if (auto due = kiosk_due_ms())
        sooner(std::max(now_ms, *due));
    if (auto held = m_held.due_at_ms())
        sooner(std::max(now_ms, *held));
    return deadline;
}

void Presentation::update_cursor(std::uint64_t now_ms) {
    const bool visible = m_cursor.visible(now_ms);
    if (visible != m_cursor_shown) {
        SDL_ShowCursor(visible ? SDL_ENABLE : SDL_DISABLE);
        m_cursor_shown = visible;
    }
}

void Presentation::handle(const SDL_Event& event, std::uint64_t now_ms) {
    if (m_reload_event != 0 && event.type == m_reload_event) {
        reload(now_ms);
        return;
    }
    if (m_pictures_event != 0 && event.type == m_pictures_event) {
        pictures_arrived(now_ms);
        return;
    }
    if (m_votes_event != 0 && event.type == m_votes_event) {
        votes_arrived(now_ms);
        return;
    }
    if (m_panel && window_of(event) == m_panel->window_id()) {
        if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_CLOSE) {
            m_panel.reset(); // closing the panel leaves the show running
            return;
        }
        if (event.type == SDL_RENDER_TARGETS_RESET || event.type == SDL_RENDER_DEVICE_RESET) {
            m_panel->reset_textures(event.type == SDL_RENDER_DEVICE_RESET);
            return;
        }
        if (m_panel->process_event(event, now_ms) || event.type != SDL_KEYDOWN)
            return; // the panel's own: a click on a button, a size change
        // Keys in the panel work as in the audience window.
    }
    switch (event.type) {
    case SDL_QUIT:
        m_running = false; // the window was closed or the process told to stop: deliberate
        break;
    case SDL_KEYUP:
    case SDL_KEYDOWN:
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEWHEEL:
        handle_input(event, now_ms);
        break;
    case SDL_MOUSEMOTION:
        // SDL reports a motion of (0, 0) when the pointer enters the window: that is not the teacher
        // moving the mouse, and must not show the pointer over the first slide.
        if ((event.motion.xrel != 0 || event.motion.yrel != 0) && !m_options.kiosk)
            m_cursor.moved(now_ms); // a kiosk keeps the pointer hidden
        break;
    case SDL_WINDOWEVENT:
        if (event.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
            m_view->refresh();
            m_dirty = true;
        } else if (event.window.event == SDL_WINDOWEVENT_EXPOSED ||
                   event.window.event == SDL_WINDOWEVENT_SHOWN) {
            m_dirty = true;
        }
        break;
    case SDL_RENDER_TARGETS_RESET:
        m_view->refresh();
        m_dirty = true;
        break;
    case SDL_RENDER_DEVICE_RESET:
        m_view->reset_device();
        m_dirty = true;
        break;
    case SDL_DISPLAYEVENT:
        displays_changed();
        break;
    default:
        break;
    }
}

void Presentation::displays_changed() {
    // SDL renumbers displays after a hot-plug: find the audience's display again by name.
    const std::vector<DisplayInfo> displays = list_displays();
    std::optional<DisplayInfo> display = choose_display(displays, m_display_name);
    if (!display)
        display = choose_display(displays, m_options.display);
    if (!display)
        display = choose_display(displays, "");
    if (display) {
        m_view->move_to(*display);
        m_dirty = true;
    }
}

void Presentation::apply(const CommandInput& input, std::uint64_t now_ms) {
    m_view->finish_fade(); // a key during a transition finishes it at once
    m_dirty = true;
    if (input.command == PresenterCommand::Quit) {
        if (m_quit.press(now_ms))
            m_running = false;
        return;
    }
    if (input.command == PresenterCommand::QuitKiosk) {
        m_running = false; // deliberate: the input map binds it to a chord held for seconds
        return;
    }
    if (input.command == PresenterCommand::NotesBigger || input.command == PresenterCommand::NotesSmaller) {
        if (m_panel)
            m_panel->change_notes_size(input.command == PresenterCommand::NotesBigger ? 1 : -1);
        return;
    }
    m_quit.armed_at_ms.reset();
    if (input.command == PresenterCommand::ToggleVoting && m_nav.blank == Blank::None) {
        toggle_voting(now_ms);
        return;
    }
    if (input.command == PresenterCommand::ToggleReveal && m_nav.blank == Blank::None) {
        toggle_reveal(now_ms);
        return;
    }
    if (input.command == PresenterCommand::ToggleFullscreen) {
        const auto display = choose_display(list_displays(), m_display_name);
        if (display)
            m_view->set_mode(m_view->mode() == WindowMode::FullScreen ? WindowMode::Windowed
                                                                      : WindowMode::FullScreen,
                             *display);
        return;
    }
    move_to(navigate(m_nav, input.command, m_shape, input.digit), now_ms);
}

void Presentation::move_to(const NavState& nav, std::uint64_t now_ms) {
    const NavState before = m_nav;
    m_nav = nav;
    m_dirty = true;
    if (m_nav.slide != before.slide)
        polls_follow_slide(before.slide, m_nav.slide, now_ms);
    if (m_nav.slide != before.slide || m_nav.step != before.step) {
        m_kiosk_clock.slide_changed(now_ms);
        ++m_slide_changes;
        show_current(m_deck->info.transition == Transition::Fade && m_nav.blank == Blank::None, now_ms);
    }
}

void Presentation::show_current(bool fade, std::uint64_t now_ms, PanelThumbnails panel) {
    if (m_deck->slides.empty())
        return;
    const Slide& slide = m_deck->slides[m_nav.slide];
    const std::optional<PollView> poll = poll_view(m_nav.slide, now_ms);
    const DisplayList current =
        compose_slide(*m_deck, slide, m_nav.step, *m_measurer, join_details(), poll ? &*poll : nullptr).list;
    m_view->show(current, fade, now_ms);
    m_dirty = true;
    if (m_panel && panel == PanelThumbnails::Update) {
        const std::optional<NavState> next = following(m_nav, m_shape);
        if (next) {
            const DisplayList preview =
                compose_slide(*m_deck, m_deck->slides[next->slide], next->step, *m_measurer, join_details())
                    .list;
            m_panel->set_slides(current, &preview);
        } else {
            m_panel->set_slides(current, nullptr);
        }
    }
}

std::optional<DisplayList> Presentation::overlay(std::uint64_t now_ms) {
    std::string message;
    if (m_quit.waiting_for_second_press(now_ms))
        message = "Press " +
                  first_key_for(m_options.input_map, PresenterCommand::Quit, InputMode::Presenting) +
                  " again to quit";
    else if (!m_nav.typed_number.empty())
        message = "Go to slide " + m_nav.typed_number + " (" +
                  first_key_for(m_options.input_map, PresenterCommand::Confirm, InputMode::Presenting) + ")";
    // A kiosk has no teacher watching: a small badge in the corner says something needs looking at
    // (a broken edit, a picture that would not load, results that cannot be kept); the details are in
    // the journal or on standard error.
    const bool kiosk_badge = m_options.kiosk && (!m_reload_problem.empty() || !m_results_problem.empty() ||
                                                 !m_view->slide_renderer().picture_problems().empty());
    if (message.empty() && !kiosk_badge)
        return std::nullopt;
    const Box slide = slide_bounds(m_deck->info.aspect);
    if (message.empty()) {
        DisplayList badge;
        badge.width = slide.w;
        badge.height = slide.h;
        const Box corner{slide.w - 64, slide.h - 64, 40, 40};
        badge.items.emplace_back(FilledBox{corner, {230, 159, 0, 200}, 20});
        TextBlock mark;
        mark.paragraphs = paragraphs_of("!");
        mark.box = corner;
        mark.base = {FontRole::Heading, true, false, 28};
        mark.align = TextAlign::Centre;
        mark.vertical = VerticalAlign::Middle;
        mark.colour = {0, 0, 0, 255};
        for (TextRun& run : fit_text(mark, *m_measurer).runs)
            badge.items.emplace_back(std::move(run));
        return badge;
    }
    DisplayList list;
    list.width = slide.w;
    list.height = slide.h;
    TextBlock block;
    block.paragraphs = paragraphs_of(message);
    block.box = {slide.w - 760, slide.h - 110, 720, 70};
    block.base = {FontRole::Body, true, false, 36};
    block.align = TextAlign::Centre;
    block.vertical = VerticalAlign::Middle;
    block.colour = {255, 255, 255, 255};
    list.items.emplace_back(FilledBox{block.box, {0, 0, 0, 200}, 14});
    for (TextRun& run : fit_text(block, *m_measurer).runs)
        list.items.emplace_back(std::move(run));
    return list;
}

} // namespace lectern
