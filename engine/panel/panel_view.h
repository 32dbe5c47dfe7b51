// PanelView and PanelActions: what the presenter panel shows this frame, and what the teacher asked for
// with it. The panel only draws a PanelView and fills PanelActions; the presentation acts on them.
#pragma once

#include "core/deck/deck.h"
#include "core/polls/poll.h"
#include "core/show/navigation.h"
#include "core/show/presenter_clock.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace lectern {

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
    std::string notes_size_keys; // "Ctrl+Plus and Ctrl+Minus", from the input map; "" when unbound
    // In a school's show (--school), for the current poll: every room's counts added up (empty until they
    // arrive), and each room's own by room (the leader's view; empty on a follower).
    std::vector<int> school_counts;
    std::vector<std::pair<std::string, std::vector<int>>> room_counts;
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
    bool new_room_code = false; // confirmed in the panel: devices must join again with the new code
    PollActions poll;
};

} // namespace lectern
