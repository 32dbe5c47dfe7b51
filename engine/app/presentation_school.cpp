// The presentation's part in a whole school's show (school_session.h, docs/school-mqtt.md): a leader
// tells the school what it shows after every change, a follower goes where the leader is through the
// same navigation as the teacher's keys, and every room sends its counts and shows the school's.
#include "presentation.h"

#include <numeric>

namespace lectern {

void Presentation::start_school() {
    if (!m_options.school)
        return;
    m_school = std::make_unique<SchoolSession>(*m_options.school, m_show.deck(), m_problems);
    if (const std::filesystem::path session = m_polls.results_session_file();
        m_options.school->link.lead && !session.empty())
        m_school->record_to(session.string() + ".school.csv"); // for `lectern results`
    m_school->start(*m_wait);
}

void Presentation::school_arrived(std::uint64_t now_ms) {
    const std::vector<std::string> problems_before = m_problems.of(ProblemSource::School);
    const SchoolArrivals arrivals = m_school->take_arrivals();
    // A problem's badge or note may have come or gone; the school's totals alone draw nothing here (a
    // frame for each of them kept 40 followers on one machine busy drawing).
    if (m_problems.of(ProblemSource::School) != problems_before)
        m_show.mark_behind();
    if (arrivals.state)
        follow_leader(*arrivals.state, now_ms);
    if (arrivals.totals_changed) {
        m_polls.set_school_totals(m_school->school_totals());
        // The screen shows them only on a revealed poll: while the school votes, no room redraws.
        if (const std::optional<PollState> poll = m_polls.poll_of(m_show.nav().slide); poll && poll->revealed)
            show_current(false, now_ms);
    }
}

void Presentation::follow_leader(const LeaderState& state, std::uint64_t now_ms) {
    m_show.finish_fade();
    NavState nav = clamp_to(state.nav, m_show.shape());
    nav.typed_number.clear();
    move_to(nav, now_ms);
    m_show.mark_behind(); // a blank screen is no new view, but it is a change
    const std::size_t slide = m_show.nav().slide;
    const std::optional<PollState> poll = m_polls.poll_of(slide);
    if (!poll || poll->id != state.poll)
        return;
    bool changed = false;
    if (poll->open != state.open)
        changed = m_polls.toggle_voting(slide, now_ms) || changed;
    if (poll->revealed != state.revealed)
        changed = m_polls.toggle_reveal(slide, now_ms) || changed;
    if (changed)
        show_current(false, now_ms);
}

bool Presentation::school_ignores(PresenterCommand command) const {
    return following_leader() && command != PresenterCommand::ToggleFullscreen;
}

void Presentation::tell_school() {
    if (!m_school)
        return;
    if (m_school->leading()) {
        const std::optional<PollState> poll = m_polls.poll_of(m_show.nav().slide);
        m_school->publish_state(m_show.nav(), poll ? poll->id : std::string(), poll && poll->open,
                                poll && poll->revealed);
    }
    m_school->publish_room_totals(m_polls.counts_by_poll());
}

void Presentation::add_school_counts(PollView& poll) const {
    const Slide& slide = m_show.deck().slides[m_show.nav().slide];
    if (!m_school || !poll.revealed || slide.layout == SlideLayout::Words)
        return; // a word cloud shows the room's own words
    const std::vector<int>* counts = m_school->school_counts(slide.id);
    if (!counts || counts->size() != poll.counts.size())
        return;
    for (std::size_t i = 0; i < counts->size(); ++i)
        poll.counts[i] = static_cast<float>((*counts)[i]);
    if (slide.question && !slide.question->multiple)
        poll.responses = std::accumulate(counts->begin(), counts->end(), 0);
}

void Presentation::school_counts_into(PanelView& view, const std::string& poll) const {
    if (const std::vector<int>* counts = m_school->school_counts(poll))
        view.school_counts = *counts;
    for (const auto& [room, polls] : m_school->room_counts()) {
        if (const auto counts = polls.find(poll); counts != polls.end())
            view.room_counts.emplace_back(room, counts->second);
    }
}

} // namespace lectern
