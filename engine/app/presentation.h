// Presentation: the running show. Turns SDL events into PresenterCommands through the input map,
// moves the core's navigation state, and asks the audience view to draw only when something changed.
// The loop sleeps in SDL_WaitEventTimeout until an event or the next due timer (fade frame, pointer
// hiding, quit hint), so an idle presentation uses no CPU.
#pragma once

#include "audience_view.h"
#include "core/base/diagnostic.h"
#include "core/compose/count_animation.h"
#include "core/compose/slide_composer.h"
#include "core/deck/deck.h"
#include "core/input/held_binding.h"
#include "core/input/input_map.h"
#include "core/polls/poll.h"
#include "core/show/kiosk_clock.h"
#include "core/show/navigation.h"
#include "core/show/presenter_clock.h"
#include "core/show/quit_guard.h"
#include "core/show/screen_timers.h"
#include "deck_watcher.h"
#include "event_wait.h"
#include "net/vote_server.h"
#include "panel/presenter_window.h"
#include "polls/poll_book.h"
#include "polls/results_store.h"
#include "render/font_catalog.h"
#include "render/sdl_text_measurer.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lectern {

// Whether the teacher's panel opens: by default only when there is a second display for it, so a
// laptop mirrored to a projector never shows the notes to the room.
enum class PanelChoice { Auto, On, Off };

struct PresentOptions {
    std::string display; // "" = the last display; a number or a name
    WindowMode mode = WindowMode::FullScreen;
    PanelChoice panel = PanelChoice::Auto;
    std::string panel_display;             // "" = the first display the audience is not on
    std::vector<Diagnostic> deck_problems; // warnings from loading, shown on the panel
    std::filesystem::path deck_path;       // where results are kept is derived from it
    int retention_days = 0;                // finished sessions older than this are deleted (0 = keep)
    bool kiosk = false;  // auto-advance, no panel, no voting; the input map's kiosk bindings apply
    bool vote = true;    // run the voting server when the deck has questions (kiosk: only when asked)
    int clock_speed = 1; // --clock-speed: timers run this many times as fast (the soak tool)
    VoteServerOptions vote_server;
    InputMap input_map;                     // built in, then the school's input.conf
    std::vector<Diagnostic> input_problems; // errors in the school's input.conf, shown on the panel
};

class Presentation {
public:
    Presentation(Deck deck, PresentOptions options);
    ~Presentation();

    // Opens the window and runs until the teacher quits. Returns the exit code.
    int run();

private:
    // The presentation's clock: milliseconds since SDL started, times the clock speed.
    std::uint64_t clock_ms() const;
    std::uint64_t clock_speed() const;
    void report_stats() const;
    void handle(const SDL_Event& event, std::uint64_t now_ms);
    // A key press or release, a button or a wheel turn, through the input map (presentation_input.cpp).
    void handle_input(const SDL_Event& event, std::uint64_t now_ms);
    void apply(const CommandInput& input, std::uint64_t now_ms);
    // `panel`: whether the presenter's thumbnails follow too (not for every frame of growing bars).
    enum class PanelThumbnails { Update, Keep };
    void show_current(bool fade, std::uint64_t now_ms, PanelThumbnails panel = PanelThumbnails::Update);
    void displays_changed();
    std::optional<std::uint64_t> next_deadline_ms(std::uint64_t now_ms) const;
    std::optional<DisplayList> overlay(std::uint64_t now_ms);
    void update_cursor(std::uint64_t now_ms);
    void open_panel(const std::vector<DisplayInfo>& displays, const DisplayInfo& audience);
    void draw_panel(std::uint64_t now_ms);
    void apply_panel(const PanelActions& actions, std::uint64_t now_ms);
    void move_to(const NavState& nav, std::uint64_t now_ms);

    // Polls (presentation_polls.cpp): arriving on an interactive slide opens it, leaving closes it,
    // coming back reopens it with its votes kept.
    std::optional<PollState> poll_of(std::size_t slide) const;
    bool change(const PollRecord& record);
    bool change(const std::vector<PollRecord>& records); // in one write; true when any fitted
    static std::vector<PollRecord>
    rejections(const PollState& poll,
               const PollActions& actions); // through the PollBook: applied, saved; false when it did not fit
    void start_voting();
    void votes_arrived(std::uint64_t now_ms);
    // What another thread calls to push `event_type` and wake the loop (deck watcher, picture decoding).
    std::function<void()> wakes_loop_with(std::uint32_t event_type) const;
    void decode_pictures_in_background();
    void pictures_arrived(std::uint64_t now_ms);
    const JoinDetails* join_details() const;
    void polls_follow_slide(std::size_t from, std::size_t to, std::uint64_t now_ms);
    void toggle_voting(std::uint64_t now_ms);
    void toggle_reveal(std::uint64_t now_ms);
    void apply_poll(const PollActions& actions, std::uint64_t now_ms);
    void poll_changed(std::uint64_t now_ms);
    std::optional<PollView> poll_view(std::size_t slide, std::uint64_t now_ms) const;
    bool bars_moving(std::uint64_t now_ms) const;
    void reload(std::uint64_t now_ms);
    void kiosk_tick(std::uint64_t now_ms);
    std::optional<std::uint64_t> kiosk_due_ms() const;
    void open_results();
    void end_results();

    // Shared with the voting server's thread: a reload replaces it and never changes it, so never copied.
    std::shared_ptr<const Deck> m_deck;
    DeckShape m_shape;
    PresentOptions m_options;
    std::string m_display_name; // to find the audience's display again after a hot-plug
    std::unique_ptr<FontCatalog> m_catalog;
    std::unique_ptr<SdlTextMeasurer> m_measurer;
    std::unique_ptr<AudienceView> m_view;
    std::unique_ptr<PresenterWindow> m_panel;
    std::unique_ptr<EventWait> m_wait; // before the threads that wake it (watcher, voting server)
    Stopwatch m_stopwatch;
    std::map<std::string, CountAnimation> m_bars; // by slide id
    std::unique_ptr<PollBook> m_book;             // every poll, shared with the voting server's threads
    std::string m_results_problem;
    std::unique_ptr<VoteServer> m_server; // after m_book, so it stops before the book goes
    std::optional<JoinDetails> m_join;    // what join slides and question slides show, while voting runs
    std::string m_vote_problem;
    std::uint32_t m_votes_event = 0; // an SDL user event the server pushes when results change
    std::unique_ptr<DeckWatcher> m_watcher;
    std::uint32_t m_reload_event = 0;   // an SDL user event the watcher's thread pushes
    std::uint32_t m_pictures_event = 0; // pushed by a picture's decoding thread when it is ready
    std::string m_reload_problem;
    std::string m_screen_problem;
    NavState m_nav;
    QuitGuard m_quit;
    KioskClock m_kiosk_clock;
    HeldBinding m_held; // a chord held for its command (Ctrl+Alt+Q ends a kiosk)
    CursorHider m_cursor;
    bool m_cursor_shown = true;
    bool m_dirty = true;
    bool m_bars_were_moving = false;
    bool m_running = true;
    std::uint64_t m_slide_changes = 0; // for the soak tool's counters (SIGUSR1)
    std::uint64_t m_reloads = 0;
};

} // namespace lectern
