// PanelView and PanelActions: what the presenter panel shows this frame, and what the teacher asked for
// with it. The panel only draws a PanelView and fills PanelActions; the presentation acts on them.
#pragma once

#include "core/deck.h"
#include "core/diagnostic.h"
#include "core/navigation.h"
#include "core/presenter_clock.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lectern {

struct PanelView {
    const Deck* deck = nullptr;
    NavState nav;
    std::optional<NavState> next; // what next would show; nothing at the end
    Stopwatch stopwatch;
    std::uint64_t now_ms = 0;
    std::string wall_clock;                              // "14:05"
    std::string planned_end;                             // "14:35", or "" without duration_minutes
    std::vector<Diagnostic> deck_problems;               // warnings kept from loading the deck
    std::map<std::string, std::string> picture_problems; // path -> why it could not be shown
    std::string screen_problem;                          // e.g. the audience display went away
};

struct PanelActions {
    std::optional<std::size_t> jump_to_slide;
    bool next = false;
    bool previous = false;
    bool toggle_black = false;
    bool toggle_white = false;
    bool pause_or_resume_timer = false;
    bool reset_timer = false;
};

} // namespace lectern
