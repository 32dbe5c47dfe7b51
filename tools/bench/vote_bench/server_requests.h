// The untimed requests the bench makes from 127.0.0.1 (the presenting machine itself, exempt from the
// per-address budgets): device tokens issued by the server, the totals it holds, and single votes for
// the vote-to-screen samples.
#pragma once

#include "http_load.h"

#include <cstddef>
#include <string>
#include <vector>

namespace present_bench {
class VirtualScreen;
}

namespace vote_bench {

// `count` fresh device tokens (POST /api/device on one kept-alive connection); fewer if the server
// stopped issuing them.
std::vector<std::string> issue_tokens(const Target& target, std::size_t count);

// The vote counts per option of the poll on screen, from GET /api/state (empty when unreadable).
std::vector<int> server_totals(const Target& target);

// Vote to screen: for each token, one vote (a different option each time), then rows across the bars are
// read with XGetImage every ~1 ms until they change (at most 2 s). Milliseconds per vote.
std::vector<double> vote_to_screen(present_bench::VirtualScreen& screen, const Target& target,
                                   const std::vector<std::string>& tokens);

} // namespace vote_bench
