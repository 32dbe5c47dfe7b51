#include "poll_session.h"

#include "core/polls/poll_record.h"
#include "polls/session_key.h"

#include <algorithm>
#include <chrono>
#include <iostream>

namespace lectern {

namespace {

// The answers "Reject all waiting" or "Reject all from this device" hide.
std::vector<PollRecord> rejections(const PollState& poll, const PollActions& actions) {
    std::string device;
    if (actions.reject_device_of) {
        for (const WordsAnswer& answer : poll.answers) {
            if (answer.number == *actions.reject_device_of)
                device = answer.device;
        }
    }
    std::vector<PollRecord> records;
    for (const WordsAnswer& answer : poll.answers) {
        const bool waiting = actions.reject_waiting && answer.status == AnswerStatus::Pending;
        const bool from_device =
            !device.empty() && answer.device == device && answer.status != AnswerStatus::Rejected;
        if (waiting || from_device)
            records.push_back(PollRecord::answer_status(poll.id, answer.number, AnswerStatus::Rejected));
    }
    return records;
}

} // namespace

PollSession::PollSession(std::shared_ptr<const Deck> deck, PollSessionOptions options, Problems& problems)
    : m_deck(std::move(deck)), m_options(std::move(options)), m_problems(problems) {
}

PollSession::~PollSession() = default;

std::optional<PollState> PollSession::poll_of(std::size_t slide) const {
    if (!m_book || slide >= m_deck->slides.size())
        return std::nullopt;
    return m_book->copy_of(m_deck->slides[slide].id);
}

std::map<std::string, std::vector<int>> PollSession::counts_by_poll() const {
    if (!m_book)
        return {};
    return m_book->read([](const std::map<std::string, PollState>& polls) {
        std::map<std::string, std::vector<int>> counts;
        for (const auto& [id, poll] : polls)
            counts[id] = poll.layout == SlideLayout::Words ? std::vector<int>{response_count(poll)}
                                                           : total_counts(poll);
        return counts;
    });
}

void PollSession::set_school_totals(std::map<std::string, std::vector<int>> totals) {
    if (m_server)
        m_server->set_school_totals(std::move(totals));
}

std::filesystem::path PollSession::results_session_file() const {
    const std::string session = m_book ? m_book->session() : std::string();
    if (session.empty() || m_options.deck_path.empty())
        return {};
    return results_folder_of(m_options.deck_path) / session;
}

void PollSession::open_results() {
    Expected<StoreOpening> opening = ResultsStore::open(
        m_options.deck_path, *m_deck, m_options.retention_days, std::chrono::system_clock::now());
    std::map<std::string, PollState> polls = polls_for(*m_deck);
    if (!opening) {
        // The answers already saved still show (read, not written); new ones wait until this is fixed.
        const std::string problem =
            "Results are not being kept: " + opening.error() +
            ". Answers saved before are shown, but votes from devices are refused until "
            "this is fixed; count a show of hands.";
        m_problems.set(ProblemSource::Results, problem);
        std::cerr << "lectern: " << problem << '\n';
        m_book = std::make_unique<PollBook>(polls_kept_read_only(m_options.deck_path, *m_deck), std::nullopt,
                                            problem);
        return;
    }
    // A session picked up after a crash or power cut: every vote comes back; only the slide on
    // screen is open.
    for (auto& [id, poll] : opening->polls) {
        poll.open = false;
        if (auto found = polls.find(id); found != polls.end())
            found->second = std::move(poll);
    }
    if (opening->restored)
        std::cerr << "lectern: restored the answers of an unfinished session (" << opening->store.session()
                  << ")\n";
    if (!opening->warning.empty())
        std::cerr << "lectern: " << opening->warning << '\n';
    m_options.vote_server.device_key = session_key_for(opening->store.log_path());
    m_book = std::make_unique<PollBook>(std::move(polls), std::move(opening->store), std::string());
}

void PollSession::start_voting(EventWait& wait, std::size_t slide) {
    const bool has_questions =
        std::ranges::any_of(m_deck->slides, [](const Slide& s) { return is_interactive(s.layout); });
    m_options.vote_server.votes = m_options.vote && has_questions;
    // A deck without questions opens no port unless the teacher asked for the remote.
    if (!m_options.vote_server.votes && !(m_options.remote_asked && m_options.vote_server.remote))
        return;
    m_votes_event = SDL_RegisterEvents(1);
    if (m_votes_event == static_cast<std::uint32_t>(-1)) {
        m_votes_event = 0;
        return;
    }
    const std::uint32_t event = m_votes_event;
    Expected<std::unique_ptr<VoteServer>> server =
        VoteServer::start(m_options.vote_server, *m_book, m_deck, [event, &wait] { wait.post(event); });
    if (!server) {
        const std::string problem = "Voting from devices is off: " + server.error();
        m_problems.set(ProblemSource::Voting, problem);
        std::cerr << "lectern: " << problem << '\n';
        return;
    }
    m_server = std::move(*server);
    m_server->show(slide);
    // One line each on standard output, as vote-api.md says, for scripts and for the teacher's terminal
    // (never the remote's PIN: that is for the presenter panel only).
    if (m_options.vote_server.votes) {
        m_join = m_server->join();
        std::cout << "voting: " << m_join->address << std::endl;
    }
    if (remote_on())
        std::cout << "remote: " << m_server->remote_address() << std::endl;
}

void PollSession::votes_arrived() {
    m_problems.set(ProblemSource::Results, m_book->problem());
}

void PollSession::end() {
    m_server.reset(); // no more votes: the session's totals are final
    if (m_book && !m_book->end_session())
        std::cerr << "lectern: " << m_book->problem() << '\n';
}

void PollSession::deck_reloaded(std::shared_ptr<const Deck> deck, std::size_t slide) {
    m_deck = std::move(deck);
    m_book->reload_polls(polls_for(*m_deck)); // answers carried over in the same step
    if (m_server) {
        m_server->set_deck(m_deck);
        m_server->show(slide);
    }
}

bool PollSession::change(const PollRecord& record) {
    return change(std::vector<PollRecord>{record});
}

bool PollSession::change(const std::vector<PollRecord>& records) {
    if (records.empty())
        return false;
    const BookEntry entry = m_book->apply_all(records);
    if (entry.outcome == VoteOutcome::Invalid)
        return false;
    if (m_book->keeping_results() && !entry.saved)
        std::cerr << "lectern: " << entry.message << '\n';
    m_problems.set(ProblemSource::Results, m_book->problem());
    if (m_server)
        m_server->polls_changed();
    return true;
}

void PollSession::follow_slide(std::size_t from, std::size_t to) {
    if (from != to) {
        if (const auto leaving = poll_of(from); leaving && leaving->open)
            change(PollRecord::closed(leaving->id));
    }
    if (m_server)
        m_server->show(to);
    if (auto arriving = poll_of(to)) {
        if (m_options.kiosk && !m_join)
            return; // a corridor display shows questions without taking answers
        if (!arriving->open)
            change(PollRecord::opened(arriving->id));
        const Slide& slide = m_deck->slides[to];
        if (slide.question && slide.question->reveal == Reveal::Live && !arriving->revealed)
            change(PollRecord::revealed(arriving->id));
        arriving = poll_of(to);
        m_bars[arriving->id].settle(arriving->revealed ? total_counts(*arriving)
                                                       : std::vector<int>(arriving->choices, 0));
    }
}

bool PollSession::toggle_voting(std::size_t slide, std::uint64_t now_ms) {
    const auto poll = poll_of(slide);
    if (!poll)
        return false;
    change(poll->open ? PollRecord::closed(poll->id) : PollRecord::opened(poll->id));
    retarget_bars(slide, now_ms);
    return true;
}

bool PollSession::toggle_reveal(std::size_t slide, std::uint64_t now_ms) {
    const auto poll = poll_of(slide);
    if (!poll)
        return false;
    change(poll->revealed ? PollRecord::hidden(poll->id) : PollRecord::revealed(poll->id));
    // Revealing grows the bars from nothing; hiding drops them at once.
    m_bars[poll->id].settle(std::vector<int>(poll->choices, 0));
    retarget_bars(slide, now_ms);
    return true;
}

bool PollSession::apply(const PollActions& actions, std::size_t slide, std::uint64_t now_ms) {
    const auto poll = poll_of(slide);
    if (!poll)
        return false;
    bool changed = false;
    if (actions.toggle_open)
        changed = toggle_voting(slide, now_ms) || changed;
    if (actions.toggle_reveal)
        changed = toggle_reveal(slide, now_ms) || changed;
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
    for (PollRecord& record : rejections(*poll, actions))
        records.push_back(std::move(record));
    if (change(records)) {
        retarget_bars(slide, now_ms);
        changed = true;
    }
    return changed;
}

void PollSession::retarget_bars(std::size_t slide, std::uint64_t now_ms) {
    if (const auto poll = poll_of(slide)) {
        if (poll->revealed)
            m_bars[poll->id].retarget(total_counts(*poll), now_ms);
    }
}

std::optional<PollView> PollSession::view_of(std::size_t slide, std::uint64_t now_ms) const {
    if (!m_book || slide >= m_deck->slides.size())
        return std::nullopt;
    // Read in place, not copied: this runs for every frame of growing bars, and a poll holds every
    // device's vote.
    return m_book->read([&](const std::map<std::string, PollState>& polls) -> std::optional<PollView> {
        const auto found = polls.find(m_deck->slides[slide].id);
        if (found == polls.end())
            return std::nullopt;
        const PollState& poll = found->second;
        PollView view;
        view.open = poll.open;
        view.revealed = poll.revealed;
        view.responses = response_count(poll);
        const auto bars = m_bars.find(poll.id);
        view.counts = bars != m_bars.end() && !bars->second.to.empty()
                          ? bars->second.value(now_ms)
                          : std::vector<float>(poll.choices, 0.0f);
        for (const WordCount& word : approved_words(poll))
            view.words.emplace_back(word.text, word.count);
        return view;
    });
}

bool PollSession::bars_moving(std::size_t slide, std::uint64_t now_ms) const {
    if (slide >= m_deck->slides.size())
        return false;
    const auto bars = m_bars.find(m_deck->slides[slide].id);
    return bars != m_bars.end() && bars->second.running(now_ms);
}

BarsFrame PollSession::bars_frame(std::size_t slide, std::uint64_t now_ms) {
    const bool moving = bars_moving(slide, now_ms);
    const bool were_moving = m_bars_were_moving;
    m_bars_were_moving = moving;
    return moving ? BarsFrame::Growing : were_moving ? BarsFrame::Settled : BarsFrame::Still;
}

bool PollSession::new_room_code() {
    if (!m_server || !m_join)
        return false;
    m_server->rotate_room();
    m_join = m_server->join();
    std::cout << "voting: " << m_join->address << std::endl;
    return true;
}

bool PollSession::remote_on() const {
    return m_server && !m_server->remote_pin().empty();
}

void PollSession::tell_remote(const RemoteState& state) {
    if (m_server)
        m_server->set_remote_state(state);
}

std::optional<RemotePanelView> PollSession::remote_panel() const {
    if (!remote_on())
        return std::nullopt;
    return RemotePanelView{m_server->remote_address(), m_server->remote_pin(), m_server->remotes(),
                           m_server->remote_locked()};
}

void PollSession::apply(const RemoteActions& actions) {
    if (!remote_on())
        return;
    if (actions.sign_out)
        m_server->sign_out_remote(*actions.sign_out);
    if (actions.new_pin)
        m_server->new_remote_pin();
    if (actions.unlock)
        m_server->unlock_remote();
}

} // namespace lectern
