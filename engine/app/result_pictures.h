// Result pictures: one PNG per poll of a session, drawn by the results views (the software renderer, no
// display needed). Implemented in result_pictures.cpp, which is written with the results views.
#pragma once

#include "core/deck/deck.h"
#include "core/polls/poll.h"

#include <map>
#include <string>

namespace lectern {

// Writes a chart of each of the deck's polls that has results in `polls` into the folder `dir` (created
// when missing), prints what went wrong to standard error, and returns the exit code for `lectern results
// --png`: 0 when every picture was written, 1 otherwise.
int write_result_pictures(const Deck& deck, const std::map<std::string, PollState>& polls,
                          const std::string& dir);

} // namespace lectern
