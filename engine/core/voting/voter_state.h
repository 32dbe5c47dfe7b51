// VoterState: what voters' browsers are told about the presentation (GET /api/state and the `state`
// events of vote-api.md): the slide number and, on an interactive slide, its question. Totals only,
// never who answered what, and results only once the teacher reveals them (privacy rule 5). Pure.
#pragma once

#include "core/deck/deck.h"
#include "core/polls/poll.h"

#include <cstddef>
#include <string>

namespace lectern {

// `slide_number` is 1-based. `slide` and `poll` are null when no interactive slide is showing.
//   {"slide": N, "poll": null}
//   {"slide": N, "poll": {"id", "layout", "question", "options", "multiple", "open", "revealed",
//                         scale: "steps", "low", "high"; words: "max_chars";
//                         once revealed: "results" (counts per option; words: [{"text", "count"}]),
//                         quiz: "answer" (1-based) and "explain";
//                         in a school's show (docs/school-mqtt.md), once revealed: "school", every
//                         room's counts added up, per option}}
// `school` is null outside a school's show, or before the school's counts of this poll have arrived.
std::string voter_state_json(std::size_t slide_number, const Slide* slide, const PollState* poll,
                             const std::vector<int>* school = nullptr);

} // namespace lectern
