// Totals files: a finished session as CSV (kind,poll,question,answer,count,time) and back. Private to
// the results store; plain text handling, no file IO.
#pragma once

#include "core/deck/deck.h"
#include "core/polls/poll.h"
#include "results_store.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace lectern {

std::string totals_csv(const std::vector<TotalsRow>& rows);
std::vector<TotalsRow> rows_from_csv(std::string_view text);
// The deck's polls rebuilt from a finished session's totals (hands carry the counts).
std::map<std::string, PollState> polls_from_rows(const Deck& deck, const std::vector<TotalsRow>& rows);

} // namespace lectern
