// PollSession: the show's polls. Owns the PollBook (every poll, shared with the voting server's threads),
// the results kept on disk through it, the voting server pupils' devices use and what join slides show
// of it, and the bars growing to the counts on screen. Arriving on an interactive slide opens its poll,
// leaving closes it, coming back reopens it with its answers kept; every change goes through the book.
// Reports into the presentation's Problems: results that cannot be kept, voting that could not start.
#pragma once

#include "core/compose/count_animation.h"
#include "core/compose/slide_composer.h"
#include "core/deck/deck.h"
#include "core/show/problems.h"
#include "event_wait.h"
#include "net/vote_server.h"
#include "panel/panel_view.h"
#include "polls/poll_book.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lectern {

struct PollSessionOptions {
    std::filesystem::path deck_path; // where results are kept is derived from it ("" keeps none)
    int retention_days = 0;          // finished sessions older than this are deleted (0 = keep)
    bool vote = true;                // run the voting server when the deck has questions
    bool kiosk = false;              // a corridor display shows questions without taking answers
    bool remote_asked = false;       // --remote: the server runs for the teacher's remote without voting
    VoteServerOptions vote_server;
};

// What the bars on screen do this frame: nothing, grow (redraw the room's screen), or have just settled
// (redraw it and let the panel's thumbnails catch up).
enum class BarsFrame { Still, Growing, Settled };

class PollSession {
public:
    PollSession(std::shared_ptr<const Deck> deck, PollSessionOptions options, Problems& problems);
    PollSession(const PollSession&) = delete;
    PollSession& operator=(const PollSession&) = delete;
    ~PollSession();

    // Opens the deck's results (picking up a session a crash interrupted); read-only when they cannot
    // be kept, with the reason in Problems.
    void open_results();
    // Starts the voting server when voting is asked for and the deck has questions, or --remote asked
    // for the teacher's remote, on `slide`. The server wakes the loop through `wait` with votes_event() when
    // results change.
    void start_voting(EventWait& wait, std::size_t slide);
    std::uint32_t votes_event() const { return m_votes_event; }
    // The server said results changed: the results problem is read again.
    void votes_arrived();
    // Stops the voting server, then makes the session's totals final (a normal quit).
    void end();

    // A deck edited while shown: every poll of the same id and shape keeps its answers.
    void deck_reloaded(std::shared_ptr<const Deck> deck, std::size_t slide);
    // The slide on screen changed from `from` to `to`: polls close and open.
    void follow_slide(std::size_t from, std::size_t to);

    // The teacher's keys and panel on the poll of `slide`; true when the room's screen must be drawn
    // again (the bars are then moving to the new counts).
    bool toggle_voting(std::size_t slide, std::uint64_t now_ms);
    bool toggle_reveal(std::size_t slide, std::uint64_t now_ms);
    bool apply(const PollActions& actions, std::size_t slide, std::uint64_t now_ms);
    // Results changed: the bars of `slide` move to its counts when they are showing.
    void retarget_bars(std::size_t slide, std::uint64_t now_ms);

    std::optional<PollState> poll_of(std::size_t slide) const;
    // Every poll's counts by id: per option (devices and hands), words: the number of answers. What a
    // room sends towards the school's totals.
    std::map<std::string, std::vector<int>> counts_by_poll() const;
    // The school's totals by poll id arrived: voters see them once a poll is revealed.
    void set_school_totals(std::map<std::string, std::vector<int>> totals);
    // Where this session's results are kept ("" when they are not): a leader keeps the school's beside.
    std::filesystem::path results_session_file() const;
    // What the room sees of the poll of `slide` at `now_ms` (the bars where they have grown to).
    std::optional<PollView> view_of(std::size_t slide, std::uint64_t now_ms) const;
    bool bars_moving(std::size_t slide, std::uint64_t now_ms) const;
    BarsFrame bars_frame(std::size_t slide, std::uint64_t now_ms);

    // What join slides and question slides show, while voting runs; null otherwise.
    const JoinDetails* join() const { return m_join ? &*m_join : nullptr; }
    // A new room code: devices with the old one must join again. False when no server runs.
    bool new_room_code();

    // The teacher's remote, on the voting server: whether it runs, the state it is told, and the panel's
    // view and controls of it (nothing when it does not run).
    bool remote_on() const;
    void tell_remote(const RemoteState& state);
    std::optional<RemotePanelView> remote_panel() const;
    void apply(const RemoteActions& actions);

private:
    // Applied through the PollBook and saved; false when none fitted.
    bool change(const PollRecord& record);
    bool change(const std::vector<PollRecord>& records);

    std::shared_ptr<const Deck> m_deck;
    PollSessionOptions m_options;
    Problems& m_problems;
    std::map<std::string, CountAnimation> m_bars; // by slide id
    bool m_bars_were_moving = false;
    std::unique_ptr<PollBook> m_book;     // every poll, shared with the voting server's threads
    std::uint32_t m_votes_event = 0;      // an SDL user event the server posts when results change
    std::optional<JoinDetails> m_join;    // while devices can vote
    std::unique_ptr<VoteServer> m_server; // after m_book, so it stops before the book goes
};

} // namespace lectern
