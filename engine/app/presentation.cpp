#include "presentation.h"

#include "core/compose/overlay_composer.h"
#include "core/deck/deck_language.h"

#include <algorithm>
#include <csignal>
#include <future>
#include <iostream>
#include <iterator>

namespace lectern {

namespace {

// Set by SIGUSR1: print the counters the soak tool reads.
volatile std::sig_atomic_t stats_requested = 0;

// What another thread calls to post `type` to the loop (picture decoding, the deck watcher).
std::function<void()> posting(EventWait& wait, std::uint32_t type) {
    return [&wait, type] {
        wait.post(type);
    };
}

PollSessionOptions poll_options_of(const PresentOptions& options, RemoteHooks remote) {
    PollSessionOptions polls{options.deck_path, options.retention_days, options.vote,
                             options.kiosk,     options.remote_asked,   options.vote_server};
    polls.vote_server.remote_hooks = std::move(remote);
    return polls;
}

// The fonts and what measures their words, made on a thread of their own at the start.
struct StartingFonts {
    std::unique_ptr<FontCatalog> catalog;
    std::unique_ptr<SdlTextMeasurer> measurer;
};

} // namespace

std::uint64_t Presentation::clock_speed() const {
    return static_cast<std::uint64_t>(std::max(1, m_options.clock_speed));
}

std::uint64_t Presentation::clock_ms() const {
    return SDL_GetTicks64() * clock_speed();
}

Presentation::Presentation(Deck deck, PresentOptions options)
    : m_options(std::move(options)), m_show(std::make_shared<const Deck>(std::move(deck))),
      m_kiosk(m_options.kiosk ? ShowMode::Kiosk : ShowMode::Presenting),
      m_polls(m_show.shared_deck(), poll_options_of(m_options, m_inbox.hooks()), m_problems) {
    m_problems.set(ProblemSource::Deck, m_options.deck_problems);
    m_problems.set(ProblemSource::Input, m_options.input_problems);
    m_show.show_languages(m_options.languages.language, m_options.languages.second);
}

Presentation::~Presentation() {
    m_inbox.close(); // the voting server waits for the remote's requests to be answered before it goes
    // Before the fonts their textures were made with, and before the EventWait their pictures' decoding
    // threads wake (a picture cache going away stops them waking it).
    m_panel.close();
    m_show.close();
}

// Pictures are decoded on threads of their own: a slide change waits at most picture_wait_ms for one,
// then shows a placeholder until the decoding thread wakes the loop with the picture.
void Presentation::decode_pictures_in_background() {
    m_pictures_event = SDL_RegisterEvents(1);
    if (m_pictures_event == static_cast<std::uint32_t>(-1)) {
        m_pictures_event = 0; // no event to wake the loop with: pictures are waited for, as before
        return;
    }
    m_show.slide_renderer().image_cache().decode_in_background(picture_wait_ms,
                                                               posting(*m_wait, m_pictures_event));
    m_panel.decode_pictures_in_background(picture_wait_ms, posting(*m_wait, m_pictures_event));
}

void Presentation::pictures_arrived(std::uint64_t now_ms) {
    m_ahead.pictures_arrived(); // views prepared with a placeholder are drawn again
    m_show.mark_behind();       // the room's screen draws the picture in place of its placeholder
    if (!m_show.view().fading(now_ms))
        show_current(false, now_ms); // and the panel's thumbnails are drawn again
}

int Presentation::run() {
    // The fonts are found and the first slide's words measured (fontconfig, SDL_ttf, HarfBuzz: about 20 ms)
    // on a thread of their own while this one opens the window (X and GL: about 100 ms of one core), so
    // the first frame waits only to be drawn (issue 22). Until get() hands them over, that thread alone
    // uses the fonts, and this one only reads the Show.
    std::future<StartingFonts> fonts = std::async(std::launch::async, [this] {
        StartingFonts found;
        // The deck's own language picks faces that differ by language, whichever language is shown: the
        // same faces as lectern render, before and after L.
        found.catalog = std::make_unique<FontCatalog>(font_families_of(*m_show.shared_deck()));
        found.measurer = std::make_unique<SdlTextMeasurer>(*found.catalog);
        // Composed only for the widths of its words, which the measurer keeps.
        m_show.compose(m_show.nav().slide, m_show.nav().step, *found.measurer, nullptr, nullptr);
        return found;
    });
    const std::vector<DisplayInfo> displays = list_displays();
    const std::optional<DisplayInfo> display = choose_display(displays, m_options.display);
    if (!display) {
        std::cerr << "lectern: no display matches \"" << m_options.display
                  << "\"; `lectern displays` lists them\n";
        return 2;
    }
    Expected<AudienceWindow> window = m_show.open_window(*display, m_options.mode);
    StartingFonts found = fonts.get();
    m_catalog = std::move(found.catalog);
    m_measurer = std::move(found.measurer);
    if (!window) {
        std::cerr << "lectern: " << window.error() << '\n';
        return 1;
    }
    m_show.open(*display, std::move(*window), *m_catalog);
    if (!m_kiosk.is_kiosk()) // a kiosk has no teacher at it
        m_panel.open(m_options.panel, m_options.panel_display, displays, *display, *m_catalog);
    SDL_DisableScreenSaver();
    m_show.hide_pointer();
    m_panel.start_timer(clock_ms());
    m_kiosk.slide_changed(clock_ms());
    std::signal(SIGUSR1, [](int) { stats_requested = 1; });
    // Edits to the deck show up by themselves; a broken edit never replaces the deck on screen.
    m_wait = std::make_unique<EventWait>();
    decode_pictures_in_background();
    m_reload_event = SDL_RegisterEvents(1);
    if (m_reload_event != static_cast<std::uint32_t>(-1) && !m_options.deck_path.empty()) {
        DeckLoadOptions reload_options;
        reload_options.picture_problems = PictureProblems::AreWarnings;
        m_watcher = std::make_unique<DeckWatcher>(m_options.deck_path, reload_options,
                                                  posting(*m_wait, m_reload_event));
    }
    m_marks.show_view(m_show.deck(), m_show.nav(), clock_ms());
    // The results on disk and the voting server (tens of milliseconds: fsyncs, a port, threads) start
    // after the first frame is on screen, unless the first slide shows what they give.
    bool services_started = first_slide_needs_services();
    if (services_started)
        start_services();
    show_current(false, clock_ms());

    while (m_running) {
        std::uint64_t now = clock_ms();
        if (stats_requested) {
            stats_requested = 0;
            std::cerr << "lectern: stats: " << m_show.stats() << std::endl;
        }
        // Each frame of growing bars redraws the room's screen; the panel's thumbnails catch up once
        // the bars have settled.
        const BarsFrame bars = m_polls.bars_frame(m_show.nav().slide, now);
        if (bars != BarsFrame::Still)
            show_current(false, now,
                         bars == BarsFrame::Growing ? PanelThumbnails::Keep : PanelThumbnails::Update);
        if (m_show.behind(now) || m_marks.behind(now))
            present(now);
        if (!services_started) {
            services_started = true;
            start_services();
            if (m_panel.is_open())
                show_current(false, now); // the panel's preview of the next slide with the join address
        }
        if (const std::optional<std::uint64_t> frame = m_panel.next_frame_ms(); frame && now >= *frame)
            draw_panel(now);
        const std::optional<std::uint64_t> deadline = next_deadline_ms(now);
        SDL_Event event;
        // The deadline is on the presentation's clock; the wait is in real milliseconds.
        const std::uint64_t speed = clock_speed();
        const std::optional<std::uint64_t> timeout =
            deadline ? std::optional((*deadline > now ? *deadline - now + speed - 1 : 0) / speed)
                     : std::nullopt;
        // Work ahead of the next key only when no event waits: a look that does not sleep.
        const bool work_ahead = ahead_work_left(now);
        const bool got = m_wait->next(event, work_ahead ? std::optional<std::uint64_t>(0) : timeout);
        now = clock_ms();
        if (got) {
            handle(event, now);
            while (m_running && SDL_PollEvent(&event))
                handle(event, now);
        } else if (work_ahead) {
            prepare_ahead(now);
        }
        m_show.update_pointer(now);
        if (const std::optional<PresenterCommand> held = m_kiosk.take_held(now))
            apply({*held, 0}, now);
        if (const std::optional<NavState> next =
                m_kiosk.advance(m_show.deck(), m_show.shape(), m_show.nav(), now);
            next && !following_leader()) // a corridor screen that follows a leader's loop keeps in step
            move_to(*next, now);
        m_show.expire_quit_hint(now);
        tell_remote(now);
        tell_school();
    }
    m_school.reset();  // a leader gives its claim up
    m_watcher.reset(); // its thread stops before the deck it reports on goes
    m_inbox.close();   // the remote's last requests are answered: the voting server may stop
    m_polls.end();     // no more votes: the session's totals are final
    return 0;
}

bool Presentation::first_slide_needs_services() const {
    const Deck& deck = m_show.deck();
    if (m_options.school || deck.slides.empty())
        return true; // a school's follower shows the leader's slide from the start
    const SlideLayout layout = deck.slides[m_show.nav().slide].layout;
    return is_interactive(layout) || layout == SlideLayout::Join;
}

void Presentation::start_services() {
    m_polls.open_results();
    m_remote_event = SDL_RegisterEvents(1);
    if (m_remote_event != static_cast<std::uint32_t>(-1))
        m_inbox.wake_with(posting(*m_wait, m_remote_event));
    else
        m_remote_event = 0; // the remote's requests are answered when the inbox closes
    m_polls.start_voting(*m_wait, m_show.nav().slide);
    if (m_polls.remote_on() && !m_panel.is_open() && m_options.vote_server.remote_pin.empty())
        std::cerr << "lectern: the remote's PIN is shown only on the presenter panel, which is not open: "
                     "choose one with --remote-pin NNNNNN, or open the panel on a second display "
                     "(--presenter)\n";
    m_polls.follow_slide(m_show.nav().slide, m_show.nav().slide);
    start_school();
}

std::optional<std::uint64_t> Presentation::next_deadline_ms(std::uint64_t now_ms) const {
    std::optional<std::uint64_t> deadline =
        m_show.wake_at_ms(now_ms, m_polls.bars_moving(m_show.nav().slide, now_ms));
    auto sooner = [&deadline](std::optional<std::uint64_t> at) {
        if (at)
            deadline = deadline ? std::min(*deadline, *at) : *at;
    };
    if (const std::optional<std::uint64_t> frame = m_panel.next_frame_ms())
        sooner(std::max(now_ms, *frame));
    sooner(m_kiosk.wake_at_ms(m_show.deck(), m_show.shape(), m_show.nav(), now_ms));
    sooner(m_marks.wake_at_ms(now_ms)); // a countdown's next second; nothing while it stands still
    return deadline;
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
    if (m_remote_event != 0 && event.type == m_remote_event) {
        remote_mail(now_ms);
        return;
    }
    if (m_school && m_school->event() != 0 && event.type == m_school->event()) {
        school_arrived(now_ms);
        return;
    }
    if (m_polls.votes_event() != 0 && event.type == m_polls.votes_event()) {
        m_polls.votes_arrived();
        poll_changed(now_ms);
        return;
    }
    if (m_panel.handle(event, now_ms) == PanelEvent::Taken)
        return; // keys typed in the panel go on: they work as in the audience window
    if (!m_kiosk.is_kiosk() && m_marks.handle(event, m_show.view()) == MarkInput::Taken)
        return; // the pen drew, or the wheel sized the spotlight or zoom
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
        // A kiosk keeps the pointer hidden; so does the large pointer (H), which stands in for it.
        if ((event.motion.xrel != 0 || event.motion.yrel != 0) && !m_kiosk.is_kiosk() &&
            !m_marks.marks().pointer_shown())
            m_show.pointer_moved(now_ms);
        break;
    case SDL_WINDOWEVENT:
    case SDL_RENDER_TARGETS_RESET:
    case SDL_RENDER_DEVICE_RESET:
        m_show.window_event(event);
        break;
    case SDL_DISPLAYEVENT:
        displays_changed();
        break;
    default:
        break;
    }
}

void Presentation::displays_changed() {
    if (m_show.follow_display(m_options.display))
        m_problems.clear(ProblemSource::Screen);
    else
        m_problems.set(ProblemSource::Screen,
                       "No display is connected for the slides; they come back when one is");
}

void Presentation::apply(const CommandInput& input, std::uint64_t now_ms) {
    m_show.finish_fade(); // a key during a transition finishes it at once
    m_show.mark_behind();
    if (input.command == PresenterCommand::Quit && m_marks.escape())
        return; // Esc ends the spotlight, zoom or pen first
    if (m_marks.apply(input.command, now_ms)) {
        m_show.calm_quit(); // as any other command: a quit press before it no longer counts
        return;
    }
    if (input.command == PresenterCommand::Quit) {
        if (m_show.press_quit(now_ms))
            m_running = false;
        return;
    }
    if (input.command == PresenterCommand::QuitKiosk) {
        m_running = false; // deliberate: the input map binds it to a chord held for seconds
        return;
    }
    if (input.command == PresenterCommand::NotesBigger || input.command == PresenterCommand::NotesSmaller) {
        m_panel.change_notes_size(input.command == PresenterCommand::NotesBigger ? 1 : -1);
        return;
    }
    if (input.command == PresenterCommand::NextLanguage) {
        // L passes over the language shown beneath, which stays; with only two, they trade places.
        const DeckInfo& info = m_show.shared_deck()->info;
        std::string next = next_language(info, m_show.language());
        std::string second = m_show.second_language();
        if (next == second && info.languages.size() == 2)
            second = m_show.language();
        else if (next == second)
            next = next_language(info, next);
        show_languages(std::move(next), std::move(second), now_ms);
        return; // a room following the school's leader may still choose its own language
    }
    if (school_ignores(input.command))
        return; // a room following the leader shows what the leader shows
    m_show.calm_quit();
    const bool blank = m_show.nav().blank != Blank::None;
    if (input.command == PresenterCommand::ToggleVoting && !blank) {
        if (m_polls.toggle_voting(m_show.nav().slide, now_ms))
            show_current(false, now_ms);
        return;
    }
    if (input.command == PresenterCommand::ToggleReveal && !blank) {
        if (m_polls.toggle_reveal(m_show.nav().slide, now_ms))
            show_current(false, now_ms);
        return;
    }
    if (input.command == PresenterCommand::ToggleFullscreen) {
        m_show.toggle_fullscreen();
        return;
    }
    move_to(m_show.after(input.command, input.digit), now_ms);
}

void Presentation::show_languages(std::string language, std::string second, std::uint64_t now_ms) {
    if (language == m_show.language() && second == m_show.second_language())
        return;
    m_show.show_languages(std::move(language), std::move(second));
    m_show.calm_quit();
    std::cerr << "lectern: showing " << m_show.language()
              << (m_show.second_language().empty() ? "" : " with " + m_show.second_language() + " beneath")
              << '\n';
    show_current(false, now_ms); // the same view: no fade, so the room sees the words change at once
}

PresenterCommand Presentation::blank_toggle(Blank blank) const {
    if (m_show.nav().blank == blank)
        return PresenterCommand::Next; // from a blanked screen, next shows the slide again
    return blank == Blank::Black ? PresenterCommand::BlackScreen : PresenterCommand::WhiteScreen;
}

void Presentation::move_to(const NavState& nav, std::uint64_t now_ms) {
    const ShowMove move = m_show.move_to(nav);
    if (move.from != move.to)
        m_polls.follow_slide(move.from, move.to);
    if (move.view_changed) {
        m_marks.show_view(m_show.deck(), m_show.nav(), now_ms);
        m_kiosk.slide_changed(now_ms);
        show_current(m_show.fades(), now_ms);
    }
}

void Presentation::show_current(bool fade, std::uint64_t now_ms, PanelThumbnails panel) {
    if (m_show.deck().slides.empty())
        return;
    std::optional<PollView> poll = m_polls.view_of(m_show.nav().slide, now_ms);
    if (poll)
        add_school_counts(*poll);
    const DisplayList current =
        m_show.show_current(fade, now_ms, *m_measurer, m_polls.join(), poll ? &*poll : nullptr);
    if (m_panel.is_open() && panel == PanelThumbnails::Update) {
        const std::optional<DisplayList> preview = m_show.compose_next(*m_measurer, m_polls.join());
        m_panel.set_slides(current, preview ? &*preview : nullptr);
    }
}

void Presentation::poll_changed(std::uint64_t now_ms) {
    m_polls.retarget_bars(m_show.nav().slide, now_ms);
    show_current(false, now_ms);
}

void Presentation::note_picture_problems() {
    std::vector<std::string> pictures;
    for (const auto& [path, problem] : m_show.slide_renderer().picture_problems())
        pictures.push_back("Picture " + path + " is shown as a placeholder: " + problem);
    m_problems.set(ProblemSource::Pictures, std::move(pictures));
}

std::optional<DisplayList> Presentation::overlay(std::uint64_t now_ms) {
    note_picture_problems();
    // A kiosk has no teacher watching: a small badge in the corner says something needs looking at (a
    // broken edit, a picture that would not load, results that cannot be kept); the details are in the
    // journal or on standard error.
    std::string hint = m_show.hint(now_ms, m_options.input_map);
    if (hint.empty() && m_school)
        hint = m_school->screen_note(); // a follower whose deck is not the leader's says so on screen
    const Overlay on_top{std::move(hint), m_kiosk.is_kiosk() && m_problems.any_while_showing()};
    std::optional<DisplayList> words = compose_overlay(on_top, m_show.deck().info.aspect, *m_measurer);
    if (!m_marks.marks().countdown() || m_show.nav().blank != Blank::None)
        return words;
    // The countdown under the hint, so "Press Esc again to quit" is never hidden.
    const DisplayList& slide = m_show.view().slide();
    DisplayList both;
    both.width = slide.width;
    both.height = slide.height;
    m_marks.add_countdown(slide, m_show.deck().theme, *m_measurer, now_ms, both);
    if (words)
        std::ranges::move(words->items, std::back_inserter(both.items));
    return both;
}

void Presentation::present(std::uint64_t now_ms) {
    const std::optional<DisplayList> on_top = overlay(now_ms);
    const MarksFrame marks = m_marks.frame(m_show.view().slide(), m_show.deck().theme);
    m_show.present(now_ms, on_top ? &*on_top : nullptr, &marks);
    m_marks.drawn(now_ms);
}

} // namespace lectern
