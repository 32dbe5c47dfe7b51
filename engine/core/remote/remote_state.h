// RemoteState: what the teacher's remote is told (GET /api/remote/state and the `state` events of
// /api/remote/events, docs/vote-api.md): where the show is, the notes, the clock and the poll on screen.
// The presentation fills it; this writes it as JSON. Never pupils' written answers, never the panel's
// problems (they name files). Pure.
#pragma once

#include "core/deck/deck.h"
#include "core/show/navigation.h"
#include "core/show/presenter_clock.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace lectern {

enum class RemoteBlank { None, Black, White };

struct RemotePoll {
    std::string id;
    bool open = false;
    bool revealed = false;
    std::size_t answers = 0; // how many have answered (devices and counted hands), not what

    friend bool operator==(const RemotePoll&, const RemotePoll&) = default;
};

struct RemoteState {
    std::size_t slide = 1; // 1-based
    std::size_t step = 1;  // 1-based build step
    std::size_t steps = 1;
    std::size_t count = 0; // slides in the deck
    std::string title;
    std::string notes;      // as written in the deck: **bold**, _italic_ and "- " lists for the page to set
    std::string next_title; // "" on the last slide
    std::int64_t elapsed_ms = 0;
    std::int64_t planned_ms = 0;        // 0 when the deck gives no duration_minutes
    bool paused = false;                // the teacher paused the timer on the panel: the page stops counting
    PaceState pace = PaceState::NoPlan; // as the panel colours it (presenter_clock.h)
    double minutes_ahead = 0;           // negative when behind
    RemoteBlank blank = RemoteBlank::None;
    std::optional<RemotePoll> poll;

    friend bool operator==(const RemoteState&, const RemoteState&) = default;
};

//   {"slide", "step", "steps", "count", "title", "notes", "next_title", "elapsed_ms", "planned_ms",
//    "blank": "none|black|white", "poll": null | {"id", "open", "revealed", "answers"}}, and besides the
// contract "pace" ("none", "on_pace", "ahead", "behind", "nearly_out", "over") and "minutes_ahead", so the
// page colours the pace as the panel does without a second copy of its rules, and "paused".
std::string remote_state_json(const RemoteState& state);

// Where the show is, as the remote is told: the slide and build step on screen, blanking, the teacher's
// stopwatch (elapsed, paused or not) with the pace the panel shows, and the poll of the slide (nothing when
// it has none).
RemoteState remote_state_of(const Deck& deck, const NavState& nav, const DeckShape& shape,
                            const Stopwatch& stopwatch, std::uint64_t now_ms, std::optional<RemotePoll> poll);

// Whether `now` tells the remote anything `sent` did not. The running clock (elapsed time, minutes
// ahead) is not news: the page counts on from what it was last told.
bool remote_news(const RemoteState& sent, const RemoteState& now);

} // namespace lectern
