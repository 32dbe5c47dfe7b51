// PanelView and PanelActions: what the presenter panel shows this frame, and what the teacher asked for
// with it. The panel only draws a PanelView and fills PanelActions; the presentation acts on them.
#pragma once

#include "core/deck/deck.h"
#include "core/polls/poll.h"
#include "core/remote/remote_access.h"
#include "core/show/navigation.h"
#include "core/show/presenter_clock.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace lectern {

// The teacher's remote, as the panel shows it: where it is, its PIN (shown nowhere else), the phones
// signed in, and whether too many wrong PINs have locked it.
struct RemotePanelView {
    std::string address; // "http://HOST:PORT/remote"
    std::string pin;
    std::vector<SignedInRemote> remotes;
    bool locked = false;
};

// The current slide's countdown (core/show/countdown.h), as the room sees it.
struct PanelCountdown {
    std::string text; // "1:59", "Time's up"
    bool paused = false;
};

struct PanelView {
    const Deck* deck = nullptr;
    NavState nav;
    std::optional<NavState> next; // what next would show; nothing at the end
    Stopwatch stopwatch;
    std::uint64_t now_ms = 0;
    std::string wall_clock;  // "14:05"
    std::string planned_end; // "14:35", or "" without duration_minutes
    // Every problem of the presentation's one list (core/show/problems.h), in its order: a broken edit,
    // the screen, results, voting, pictures shown as placeholders, the deck's warnings, input.conf's.
    std::vector<std::string> problems;
    const PollState* poll = nullptr; // the current slide's poll, if it has one
    std::string join_address;        // where pupils vote, "" when device voting is off
    std::string room_code;
    std::string notes_size_keys;           // "Ctrl+Plus and Ctrl+Minus", from the input map; "" when unbound
    std::optional<RemotePanelView> remote; // nothing when the remote is off
    std::optional<PanelCountdown> countdown;
    bool has_ink = false;   // the teacher drew in this session: "Save ink..." can save it
    std::string ink_status; // "Ink saved to lesson.ink.json", or why it was not; "" before any save
    // In a school's show (--school), for the current poll: every room's counts added up (empty until they
    // arrive), and each room's own by room (the leader's view; empty on a follower).
    std::vector<int> school_counts;
    // A room following a school's leader: on it, or off it for now (--local, or the panel's button).
    enum class SchoolFollow { NotFollowing, OnLeader, Local } school_follow = SchoolFollow::NotFollowing;
    std::vector<std::pair<std::string, std::vector<int>>> room_counts;
    // The room's language and the one shown beneath it ("" for none), among deck->info.languages.
    std::string language;
    std::string second_language;
};

// What the teacher did to the remote.
struct RemoteActions {
    std::optional<int> sign_out; // the remote's number
    bool new_pin = false;        // confirmed in the panel: every phone is signed out
    bool unlock = false;
};

// What the teacher did to the current slide's poll.
struct PollActions {
    bool toggle_open = false;
    bool toggle_reveal = false;
    bool reset = false;                                    // confirmed in the panel before it is set
    std::optional<std::pair<std::size_t, int>> hand_count; // choice (0-based), new count
    bool undo_hands = false;
    std::optional<std::pair<std::size_t, AnswerStatus>> answer_status; // answer number, new status
    std::optional<std::size_t> flag_answer;                            // answer number
    bool reject_waiting = false;                                       // every answer still waiting is hidden
    std::optional<std::size_t> reject_device_of; // every answer from the device that sent this one
};

struct PanelActions {
    std::optional<std::size_t> jump_to_slide;
    bool next = false;
    bool previous = false;
    bool toggle_black = false;
    bool toggle_white = false;
    bool pause_or_resume_timer = false;
    bool reset_timer = false;
    bool new_room_code = false;          // confirmed in the panel: devices must join again with the new code
    bool pause_countdown = false;        // as T
    bool restart_countdown = false;      // as Shift+T
    bool save_ink = false;               // the session's ink as JSON beside the deck
    bool toggle_school_local = false;    // a school follower: off its leader for now, or back on it
    std::optional<std::string> language; // the room's language, one of the deck's
    std::optional<std::string> second_language; // the one beneath it, "" for none
    PollActions poll;
    RemoteActions remote;
};

} // namespace lectern
