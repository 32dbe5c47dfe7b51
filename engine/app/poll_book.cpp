#include "poll_book.h"

namespace lectern {

PollBook::PollBook(std::map<std::string, PollState> polls, std::optional<ResultsStore> store,
                   std::string store_problem)
    : m_polls(std::move(polls)), m_store(std::move(store)), m_problem(std::move(store_problem)) {
}

BookEntry PollBook::apply(const PollRecord& record) {
    std::unique_lock lock(m_mutex);
    if (!lectern::apply(m_polls, record))
        return {VoteOutcome::Invalid, "that change does not fit the poll", false, false, 0};
    ++m_version;
    return save(lock, record, {VoteOutcome::Counted, {}, false, false, 0});
}

BookEntry PollBook::vote(const std::string& poll, const std::string& device,
                         const std::vector<int>& choices) {
    std::unique_lock lock(m_mutex);
    const auto found = m_polls.find(poll);
    if (found == m_polls.end())
        return {VoteOutcome::NotOpen, "that question is not on the screen now", false, false, 0};
    if (!m_store)
        return {VoteOutcome::Invalid, "votes cannot be saved on the teacher's computer just now", false, true,
                0};
    std::optional<std::vector<int>> before;
    if (const auto earlier = found->second.device_votes.find(device);
        earlier != found->second.device_votes.end())
        before = earlier->second;
    const VoteResult result = cast_vote(found->second, device, choices);
    if (result.outcome != VoteOutcome::Counted && result.outcome != VoteOutcome::Changed)
        return {result.outcome, result.message, false, false, 0};
    ++m_version;
    const std::vector<int> counted = found->second.device_votes[device];
    BookEntry entry =
        save(lock, PollRecord::vote(poll, device, counted), {result.outcome, {}, false, false, 0});
    if (!entry.saved) {
        // Not on disk, so not counted: the screen must not show a vote the pupil was told failed.
        // (Unless the same device has voted again since; that vote decides.)
        auto& votes = m_polls.at(poll).device_votes;
        if (const auto now = votes.find(device); now != votes.end() && now->second == counted) {
            if (before)
                now->second = *before;
            else
                votes.erase(now);
            ++m_version;
        }
    }
    return entry;
}

BookEntry PollBook::answer(const std::string& poll, const std::string& text, std::size_t max_chars,
                           const std::string& held_because, std::int64_t received_s) {
    std::unique_lock lock(m_mutex);
    const auto found = m_polls.find(poll);
    if (found == m_polls.end())
        return {VoteOutcome::NotOpen, "that question is not on the screen now", false, false, 0};
    if (!m_store)
        return {VoteOutcome::Invalid, "answers cannot be saved on the teacher's computer just now", false,
                true, 0};
    const VoteResult result = submit_answer(found->second, text, max_chars, held_because);
    if (result.outcome != VoteOutcome::Counted)
        return {result.outcome, result.message, false, false, 0};
    ++m_version;
    const std::size_t number = found->second.answers.size();
    BookEntry entry = save(lock, PollRecord::answer(poll, text, held_because, received_s),
                           {result.outcome, {}, false, false, number});
    if (!entry.saved) {
        auto& answers = m_polls.at(poll).answers;
        if (!answers.empty() && answers.back().number == number) {
            answers.pop_back(); // not on disk, so not received
            ++m_version;
        }
    }
    return entry;
}

// Queues the applied record and waits until a batch holding it is written. The first waiter to find no
// write in progress writes everything queued so far, outside the lock, and wakes the others.
BookEntry PollBook::save(std::unique_lock<std::mutex>& lock, PollRecord record, BookEntry entry) {
    if (!m_store) {
        entry.message = m_problem;
        return entry;
    }
    m_queue.push_back(std::move(record));
    const std::uint64_t mine = ++m_queued;
    while (m_saved < mine) {
        if (m_writing) {
            m_written.wait(lock);
            continue;
        }
        m_writing = true;
        std::vector<PollRecord> batch = std::move(m_queue);
        m_queue.clear();
        const std::uint64_t first = m_saved + 1;
        const std::uint64_t last = m_queued;
        lock.unlock();
        const bool written = m_store->record_all(batch);
        lock.lock();
        m_writing = false;
        if (!written) {
            m_failed.emplace_back(first, last);
            m_problem = "Results could not be saved: " + m_store->last_error();
        } else if (m_problem.starts_with("Results could not be saved")) {
            m_problem.clear(); // the disk has room again
        }
        m_saved = last;
        m_written.notify_all();
    }
    entry.saved = true;
    for (const auto& [first, last] : m_failed) {
        if (mine >= first && mine <= last) {
            entry.saved = false;
            entry.message = m_problem;
        }
    }
    return entry;
}

std::optional<PollState> PollBook::copy_of(const std::string& poll) const {
    std::lock_guard lock(m_mutex);
    const auto found = m_polls.find(poll);
    return found == m_polls.end() ? std::nullopt : std::optional(found->second);
}

void PollBook::replace_polls(std::map<std::string, PollState> polls) {
    std::lock_guard lock(m_mutex);
    m_polls = std::move(polls);
    ++m_version;
}

std::uint64_t PollBook::version() const {
    std::lock_guard lock(m_mutex);
    return m_version;
}

std::string PollBook::problem() const {
    std::lock_guard lock(m_mutex);
    return m_problem;
}

std::string PollBook::session() const {
    std::lock_guard lock(m_mutex);
    return m_store ? m_store->session() : std::string();
}

bool PollBook::end_session() {
    std::unique_lock lock(m_mutex);
    m_written.wait(lock, [this] { return !m_writing; });
    if (!m_store)
        return true;
    if (!m_store->end_session(m_polls)) {
        m_problem = "the totals could not be written (" + m_store->last_error() +
                    "); the session log is kept, so nothing is lost";
        return false;
    }
    return true;
}

} // namespace lectern
