#include "voter_states.h"

#include "core/voting/voter_state.h"

#include <algorithm>

namespace lectern {

VoterStates::VoterStates(std::shared_ptr<const Deck> deck, std::size_t slide, std::optional<PollState> poll,
                         std::optional<std::vector<int>> school, std::string own_json)
    : m_deck(std::move(deck)), m_slide(slide), m_poll(std::move(poll)), m_school(std::move(school)) {
    m_built.emplace(m_deck->info.languages.front(), std::move(own_json));
}

std::string VoterStates::json(const std::string& language) {
    const std::vector<std::string>& languages = m_deck->info.languages;
    const std::string& used = std::ranges::find(languages, language) != languages.end() || languages.empty()
                                  ? language
                                  : languages.front();
    std::lock_guard lock(m_mutex);
    if (const auto found = m_built.find(used); found != m_built.end())
        return found->second;
    const Slide* slide = m_poll && m_slide < m_deck->slides.size() ? &m_deck->slides[m_slide] : nullptr;
    std::string made = voter_state_json(*m_deck, used, m_slide + 1, slide, m_poll ? &*m_poll : nullptr,
                                        m_school ? &*m_school : nullptr);
    m_built.emplace(used, made);
    return made;
}

} // namespace lectern
