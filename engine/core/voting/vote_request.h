// VoteRequest: the body of POST /api/vote (vote-api.md), read strictly: {"poll": "ID", "choices": [1]}
// or {"poll": "ID", "text": "..."}. Anything else is refused with a message the voter page can show. Pure.
#pragma once

#include "core/base/expected.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lectern {

struct VoteRequest {
    std::string poll;
    std::optional<std::vector<int>> choices; // 1-based
    std::optional<std::string> text;         // words answers
};

// The request, or a Failure saying why the body was refused (for a 400 answer).
Expected<VoteRequest> parse_vote_request(std::string_view body);

} // namespace lectern
