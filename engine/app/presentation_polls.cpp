// The presentation's polls: which poll is open, what the room sees of it, and the teacher's show of
// hands, reveal and reset from the keys and the presenter panel.
#include "presentation.h"

namespace lectern {

PollState* Presentation::poll_of(std::size_t slide) {
    if (slide >= m_deck.slides.size())
        return nullptr;
    auto found = m_polls.find(m_deck.slides[slide].id);
    return found == m_polls.end() ? nullptr : &found->second;
}

void Presentation::polls_follow_slide(std::size_t from, std::size_t to, std::uint64_t now_ms) {
    if (from != to) {
        if (PollState* leaving = poll_of(from))
            leaving->open = false;
    }
    if (PollState* arriving = poll_of(to)) {
        arriving->open = true;
        const Slide& slide = m_deck.slides[to];
        if (slide.question && slide.question->reveal == Reveal::Live)
            arriving->revealed = true;
        m_bars[arriving->id].settle(arriving->revealed ? total_counts(*arriving)
                                                       : std::vector<int>(arriving->choices, 0));
        (void)now_ms;
    }
}

void Presentation::toggle_voting(std::uint64_t now_ms) {
    if (PollState* poll = poll_of(m_nav.slide)) {
        poll->open = !poll->open;
        poll_changed(now_ms);
    }
}

void Presentation::toggle_reveal(std::uint64_t now_ms) {
    if (PollState* poll = poll_of(m_nav.slide)) {
        poll->revealed = !poll->revealed;
        // Revealing grows the bars from nothing; hiding drops them at once.
        m_bars[poll->id].settle(std::vector<int>(poll->choices, 0));
        poll_changed(now_ms);
    }
}

void Presentation::apply_poll(const PollActions& actions, std::uint64_t now_ms) {
    PollState* poll = poll_of(m_nav.slide);
    if (!poll)
        return;
    if (actions.toggle_open)
        toggle_voting(now_ms);
    if (actions.toggle_reveal)
        toggle_reveal(now_ms);
    bool changed = false;
    if (actions.reset) {
        reset_votes(*poll);
        changed = true;
    }
    if (actions.hand_count) {
        set_hand_count(*poll, actions.hand_count->first, actions.hand_count->second);
        changed = true;
    }
    if (actions.undo_hands)
        changed = undo_hand_count(*poll) || changed;
    if (actions.answer_status) {
        for (WordsAnswer& answer : poll->answers) {
            if (answer.number == actions.answer_status->first)
                answer.status = actions.answer_status->second;
        }
        changed = true;
    }
    if (actions.flag_answer) {
        for (WordsAnswer& answer : poll->answers) {
            if (answer.number == *actions.flag_answer)
                answer.flagged = true;
        }
        changed = true;
    }
    if (changed)
        poll_changed(now_ms);
}

void Presentation::poll_changed(std::uint64_t now_ms) {
    if (PollState* poll = poll_of(m_nav.slide)) {
        if (poll->revealed)
            m_bars[poll->id].retarget(total_counts(*poll), now_ms);
    }
    show_current(false, now_ms);
}

std::optional<PollView> Presentation::poll_view(std::size_t slide, std::uint64_t now_ms) const {
    if (slide >= m_deck.slides.size())
        return std::nullopt;
    const auto found = m_polls.find(m_deck.slides[slide].id);
    if (found == m_polls.end())
        return std::nullopt;
    const PollState& poll = found->second;
    PollView view;
    view.open = poll.open;
    view.revealed = poll.revealed;
    view.responses = response_count(poll);
    const auto bars = m_bars.find(poll.id);
    view.counts = bars != m_bars.end() && !bars->second.to.empty() ? bars->second.value(now_ms)
                                                                   : std::vector<float>(poll.choices, 0.0f);
    for (const WordCount& word : approved_words(poll))
        view.words.emplace_back(word.text, word.count);
    return view;
}

bool Presentation::bars_moving(std::uint64_t now_ms) const {
    if (m_nav.slide >= m_deck.slides.size())
        return false;
    const auto bars = m_bars.find(m_deck.slides[m_nav.slide].id);
    return bars != m_bars.end() && bars->second.running(now_ms);
}

} // namespace lectern
