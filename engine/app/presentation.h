// Presentation: the running show, a conductor of parts that each own one concern:
//   Show          the room's screen: the deck on show, navigation, blanking, fades, the quit guard,
//                 the pointer, the counters (show.h);
//   PollSession   the polls, the results kept on disk, the voting server, the bars (poll_session.h);
//   KioskMode     a kiosk's auto-advance and chords held for a command (core/show/kiosk_mode.h);
//   PanelBridge   the teacher's presenter panel and its timer (panel_bridge.h);
//   RemoteInbox   the teacher's phone remote's commands and picture requests, from the voting server's
//                 thread (remote_inbox.h); they act through the same commands as keys;
//   TeacherMarks  the pointer, spotlight, zoom, the pen's ink and the slide's countdown (teacher_marks.h);
//   SchoolSession a whole school's show over MQTT: leading other rooms or following one (school_session.h);
//   Problems      the one list of what is wrong, which every part reports into and the panel shows in
//                 full (core/show/problems.h); a kiosk marks it with a badge.
// The conductor turns SDL events into PresenterCommands through the input map and routes them, and
// draws only when something changed. The loop sleeps in EventWait until an event or the next due time
// (fade frame, pointer hiding, quit hint, kiosk slide, panel clock); other threads (the deck watcher,
// picture decoding, the voting server) wake it only through EventWait::post. An idle presentation uses
// no CPU.
#pragma once

#include "audience_view.h"
#include "core/base/diagnostic.h"
#include "core/deck/deck.h"
#include "core/deck/deck_language.h"
#include "core/input/input_map.h"
#include "core/show/kiosk_mode.h"
#include "core/show/problems.h"
#include "core/show/slides_ahead.h"
#include "deck_watcher.h"
#include "event_wait.h"
#include "net/vote_server.h"
#include "panel_bridge.h"
#include "poll_session.h"
#include "remote_inbox.h"
#include "render/font_catalog.h"
#include "render/offscreen_canvas.h"
#include "render/sdl_text_measurer.h"
#include "school_session.h"
#include "show.h"
#include "teacher_marks.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lectern {

struct PresentOptions {
    std::string display; // "" = the last display; a number or a name
    WindowMode mode = WindowMode::FullScreen;
    PanelChoice panel = PanelChoice::Auto;
    std::string panel_display;             // "" = the first display the audience is not on
    std::vector<Diagnostic> deck_problems; // warnings from loading, shown on the panel
    std::filesystem::path deck_path;       // where results are kept is derived from it
    int retention_days = 0;                // finished sessions older than this are deleted (0 = keep)
    bool kiosk = false;        // auto-advance, no panel, no voting; the input map's kiosk bindings apply
    bool vote = true;          // run the voting server when the deck has questions (kiosk: only when asked)
    int clock_speed = 1;       // --clock-speed: timers run this many times as fast (the soak tool)
    bool remote_asked = false; // --remote: the server runs for the teacher's remote even without voting
    VoteServerOptions vote_server;
    InputMap input_map;                         // built in, then the school's input.conf
    std::vector<Diagnostic> input_problems;     // errors in the school's input.conf, shown on the panel
    std::optional<SchoolSessionOptions> school; // --school: this room leads or follows others
    LanguageChoice languages;                   // --lang and --dual, among the deck's languages
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
    void handle(const SDL_Event& event, std::uint64_t now_ms);
    // A key press or release, a button or a wheel turn, through the input map (presentation_input.cpp).
    void handle_input(const SDL_Event& event, std::uint64_t now_ms);
    void apply(const CommandInput& input, std::uint64_t now_ms);
    void move_to(const NavState& nav, std::uint64_t now_ms);
    // The room's language and the second beneath it ("" for none): L, the panel, --lang and --dual.
    void show_languages(std::string language, std::string second, std::uint64_t now_ms);
    // The panel's and the remote's Black and White buttons: blank the screen, or show the slide again
    // when it is already blanked that way.
    PresenterCommand blank_toggle(Blank blank) const;
    // `panel`: whether the presenter's thumbnails follow too (not for every frame of growing bars).
    enum class PanelThumbnails { Update, Keep };
    void show_current(bool fade, std::uint64_t now_ms, PanelThumbnails panel = PanelThumbnails::Update);
    // Results changed (a vote, the teacher's keys or panel): the bars move, the screen is drawn again.
    void poll_changed(std::uint64_t now_ms);
    void displays_changed();
    std::optional<std::uint64_t> next_deadline_ms(std::uint64_t now_ms) const;
    // The results on disk, the remote's inbox, the voting server and the school: started before the
    // first frame only when the first slide shows something of theirs, else right after it.
    bool first_slide_needs_services() const;
    void start_services();
    // The hint or the kiosk's problem badge over the slide (core/compose/overlay_composer.h), and the
    // slide's countdown.
    std::optional<DisplayList> overlay(std::uint64_t now_ms);
    // Draws the room's screen: the slide, the teacher's marks, the overlay.
    void present(std::uint64_t now_ms);
    // Pictures shown as placeholders, from the audience's renderer into the problem list.
    void note_picture_problems();
    // The panel's frame and what its buttons do (presentation_panel.cpp).
    void draw_panel(std::uint64_t now_ms);
    void apply_panel(const PanelActions& actions, std::uint64_t now_ms);
    // Views a key would show next, prepared while idle, one piece a call (presentation_ahead.cpp):
    // whether work is left for an idle moment, and doing one piece of it.
    bool ahead_work_left(std::uint64_t now_ms);
    void prepare_ahead(std::uint64_t now_ms);
    void decode_pictures_in_background();
    void pictures_arrived(std::uint64_t now_ms);
    // A deck edited while shown (reload.cpp).
    void reload(std::uint64_t now_ms);
    // The teacher's remote (presentation_remote.cpp): its commands and pictures, and the state it is
    // told whenever something it shows changed.
    void remote_mail(std::uint64_t now_ms);
    void apply_remote(const RemoteCommand& command, std::uint64_t now_ms);
    void tell_remote(std::uint64_t now_ms);
    Expected<std::string> remote_picture(bool next, int width);
    // The school's show (presentation_school.cpp): joining, what arrived, following the leader, telling
    // the school what this room shows and counts, and the school's counts on a revealed poll.
    void start_school();
    void school_arrived(std::uint64_t now_ms);
    void follow_leader(const LeaderState& state, std::uint64_t now_ms);
    bool school_ignores(PresenterCommand command) const;
    bool following_leader() const { return m_school && m_school->following(); }
    void tell_school();
    void add_school_counts(PollView& poll) const;
    void school_counts_into(PanelView& view, const std::string& poll) const;

    PresentOptions m_options;
    Problems m_problems; // before the parts that report into it
    std::unique_ptr<FontCatalog> m_catalog;
    std::unique_ptr<SdlTextMeasurer> m_measurer;
    std::unique_ptr<EventWait> m_wait; // before the parts whose threads wake it
    Show m_show;
    PanelBridge m_panel;
    KioskMode m_kiosk;
    RemoteInbox m_inbox; // before m_polls, whose voting server it is handed to; closed before it goes
    PollSession m_polls; // its voting server's thread wakes m_wait
    TeacherMarks m_marks;
    std::unique_ptr<SchoolSession> m_school; // its link's thread wakes m_wait
    std::unique_ptr<DeckWatcher> m_watcher;
    std::uint32_t m_reload_event = 0;   // an SDL user event the watcher's thread posts
    std::uint32_t m_pictures_event = 0; // posted by a picture's decoding thread when it is ready
    std::uint32_t m_remote_event = 0;   // posted by the voting server's thread for the remote
    std::optional<RemoteState> m_remote_told;
    std::uint64_t m_remote_told_ms = 0;
    std::array<std::unique_ptr<OffscreenCanvas>, 2> m_remote_canvases; // the remote's pictures, by size
    SlidesAhead m_ahead;
    std::vector<std::optional<DisplayList>> m_ahead_lists; // m_ahead's views, as composed
    NavState m_ahead_from;                                 // where they were wanted from
    const Deck* m_ahead_deck = nullptr;                    // and its deck (a reload or L forgets them)
    std::string m_ahead_second;                            // and the language beneath (--dual)
    std::uint64_t m_ahead_textures = 0;                    // AudienceView::textures_generation()
    bool m_running = true;
};

} // namespace lectern
