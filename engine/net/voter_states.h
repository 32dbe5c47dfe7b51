// VoterStates: what voters are told after one change (core/voting/voter_state.h), in each language a
// device asks for. Each language's JSON is built once, the first time a device asks for it, and shared
// by GET /api/state and every event stream of that language: a change costs one JSON per language in
// use, never one per device. Safe to use from any thread. Knows nothing of who asked: no language is
// kept beyond the answer it makes.
#pragma once

#include "core/deck/deck.h"
#include "core/polls/poll.h"

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace lectern {

class VoterStates {
public:
    // A copy of the poll on screen (none between questions) and the school's totals of it, if any.
    // `slide` is 0-based; `own_json` is the state in the deck's own language, already made.
    VoterStates(std::shared_ptr<const Deck> deck, std::size_t slide, std::optional<PollState> poll,
                std::optional<std::vector<int>> school, std::string own_json);

    // The state in `language`; a language the deck does not have (a stream from before a reload) gets
    // the deck's own.
    std::string json(const std::string& language);
    // The deck these states tell of (a reload makes new ones even when the original's words are the same).
    const Deck* deck() const { return m_deck.get(); }

private:
    std::shared_ptr<const Deck> m_deck;
    std::size_t m_slide = 0;
    std::optional<PollState> m_poll;
    std::optional<std::vector<int>> m_school;
    std::mutex m_mutex;
    std::map<std::string, std::string> m_built; // language -> its JSON
};

} // namespace lectern
