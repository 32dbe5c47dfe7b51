// VoterState: what voters' browsers are told about the presentation (GET /api/state and the `state`
// events of vote-api.md): the slide number and, on an interactive slide, its question. Totals only,
// never who answered what, and results only once the teacher reveals them (privacy rule 5). Pure.
#pragma once

#include "core/deck/deck.h"
#include "core/polls/poll.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

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

// What the voting server sends (version 3): the state above with the poll's words in `language` (one of
// deck.info.languages; a key the translation leaves out keeps the original), and
//   state: "language" (the one used) and "languages": [{"tag", "name" (in its own language)}] for a picker;
//   poll:  "language", and per option its "letters" and "colours" ("#RRGGBB") as the big screen shows
//          them (A, B, C... in the theme's chart palette; a scale's steps keep their numbers, in the
//          palette's first colour; none for words).
// `slide` is one of deck.slides, untranslated.
std::string voter_state_json(const Deck& deck, std::string_view language, std::size_t slide_number,
                             const Slide* slide, const PollState* poll,
                             const std::vector<int>* school = nullptr);

} // namespace lectern
