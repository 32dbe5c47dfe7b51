// The presentation's polls: which poll is open, what the room sees of it, and the teacher's show of
// hands, reveal and reset from the keys and the presenter panel.
#include "core/poll_record.h"
#include "presentation.h"

#include <chrono>
#include <iostream>

namespace lectern {

PollState* Presentation::poll_of(std::size_t slide) {
    if (slide >= m_deck.slides.size())
        return nullptr;
    auto found = m_polls.find(m_deck.slides[slide].id);
    return found == m_polls.end() ? nullptr : &found->second;
}

void Presentation::open_results() {
    StoreOpening opening = ResultsStore::open(m_options.deck_path, m_deck, m_options.retention_days,
                                              std::chrono::system_clock::now());
    if (!opening.store) {
        m_results_problem = "Results are not being kept: " + opening.error;
        std::cerr << "lectern: " << m_results_problem << '\n';
        return;
    }
    m_store = std::move(opening.store);
    // A session picked up after a crash or power cut: every vote comes back; only the slide on
    // screen is open.
    for (auto& [id, poll] : opening.polls) {
        poll.open = false;
        if (auto found = m_polls.find(id); found != m_polls.end())
            found->second = std::move(poll);
    }
    if (opening.restored)
        std::cerr << "lectern: restored the answers of an unfinished session (" << m_store->session()
                  << ")\n";
    if (!opening.warning.empty())
        std::cerr << "lectern: " << opening.warning << '\n';
}

void Presentation::keep(const PollRecord& record) {
    if (m_store && !m_store->record(record)) {
        m_results_problem = "Results could not be saved: " + m_store->last_error();
        std::cerr << "lectern: " << m_results_problem << '\n';
    }
}

void Presentation::end_results() {
    if (m_store && !m_store->end_session(m_polls))
        std::cerr << "lectern: the totals could not be written (" << m_store->last_error()
                  << "); the session log is kept, so nothing is lost\n";
}

void Presentation::polls_follow_slide(std::size_t from, std::size_t to, std::uint64_t now_ms) {
    if (from != to) {
        if (PollState* leaving = poll_of(from); leaving && leaving->open) {
            leaving->open = false;
            keep(PollRecord::closed(leaving->id));
        }
    }
    if (PollState* arriving = poll_of(to)) {
        if (m_options.kiosk)
            return; // a corridor display shows questions without taking answers
        if (!arriving->open) {
            arriving->open = true;
            keep(PollRecord::opened(arriving->id));
        }
        const Slide& slide = m_deck.slides[to];
        if (slide.question && slide.question->reveal == Reveal::Live && !arriving->revealed) {
            arriving->revealed = true;
            keep(PollRecord::revealed(arriving->id));
        }
        m_bars[arriving->id].settle(arriving->revealed ? total_counts(*arriving)
                                                       : std::vector<int>(arriving->choices, 0));
        (void)now_ms;
    }
}

void Presentation::toggle_voting(std::uint64_t now_ms) {
    if (PollState* poll = poll_of(m_nav.slide)) {
        poll->open = !poll->open;
        keep(poll->open ? PollRecord::opened(poll->id) : PollRecord::closed(poll->id));
        poll_changed(now_ms);
    }
}

void Presentation::toggle_reveal(std::uint64_t now_ms) {
    if (PollState* poll = poll_of(m_nav.slide)) {
        poll->revealed = !poll->revealed;
        keep(poll->revealed ? PollRecord::revealed(poll->id) : PollRecord::hidden(poll->id));
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
    // Each change is applied the way a replay of the log would apply it, then kept.
    std::vector<PollRecord> records;
    if (actions.reset)
        records.push_back(PollRecord::reset(poll->id));
    if (actions.hand_count)
        records.push_back(
            PollRecord::hand_count(poll->id, actions.hand_count->first, actions.hand_count->second));
    if (actions.undo_hands)
        records.push_back(PollRecord::hand_undo(poll->id));
    if (actions.answer_status)
        records.push_back(
            PollRecord::answer_status(poll->id, actions.answer_status->first, actions.answer_status->second));
    if (actions.flag_answer)
        records.push_back(PollRecord::answer_flag(poll->id, *actions.flag_answer));
    for (const PollRecord& record : records) {
        if (lectern::apply(m_polls, record)) {
            keep(record);
            changed = true;
        }
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
