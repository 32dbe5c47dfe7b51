#include "poll_book.h"

#include "core/base/concat.h"

#include <future>

namespace lectern {

namespace {

constexpr std::string_view not_on_screen = "that question is not on the screen now";

BookEntry refused(VoteOutcome outcome, std::string message, bool cannot_keep = false) {
    return {outcome, std::move(message), false, cannot_keep, 0};
}

} // namespace

PollBook::PollBook(std::map<std::string, PollState> polls, std::optional<ResultsStore> store,
                   std::string store_problem)
    : m_polls(std::move(polls)), m_store(std::move(store)), m_problem(std::move(store_problem)) {
    if (m_store)
        m_writer = std::thread([this] { write_batches(); });
}

PollBook::~PollBook() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    if (m_writer.joinable())
        m_writer.join();
}

BookEntry PollBook::apply(const PollRecord& record) {
    return apply_all({record});
}

BookEntry PollBook::apply_all(const std::vector<PollRecord>& records) {
    std::promise<BookEntry> saved;
    {
        std::lock_guard lock(m_mutex);
        std::vector<const PollRecord*> fitted;
        for (const PollRecord& record : records) {
            if (lectern::apply(m_polls, record))
                fitted.push_back(&record);
        }
        if (fitted.empty())
            return refused(VoteOutcome::Invalid, "that change does not fit the poll");
        ++m_version;
        if (!m_store)
            return refused(VoteOutcome::Counted, m_problem);
        for (const PollRecord* record : fitted) {
            BookDone done; // the last one's answer stands for all: they are written in one batch
            if (record == fitted.back())
                done = [&saved](BookEntry entry) {
                    saved.set_value(std::move(entry));
                };
            queue({*record, {VoteOutcome::Counted, {}, false, false, 0}, {}, std::move(done)});
        }
    }
    return saved.get_future().get();
}

void PollBook::vote(const std::string& poll, const std::string& device, const std::vector<int>& choices,
                    BookDone done) {
    std::unique_lock lock(m_mutex);
    const auto found = m_polls.find(poll);
    std::optional<BookEntry> entry = before_rules(found != m_polls.end(), "votes");
    if (!entry) {
        std::optional<std::vector<int>> before;
        if (const auto earlier = found->second.device_votes.find(device);
            earlier != found->second.device_votes.end())
            before = earlier->second;
        const VoteResult result = cast_vote(found->second, device, choices);
        if (result.outcome == VoteOutcome::Counted || result.outcome == VoteOutcome::Changed) {
            ++m_version;
            const std::vector<int> counted = found->second.device_votes[device];
            // Not on disk, so not counted: the screen must not show a vote the pupil was told failed
            // (unless the same device has voted again since; that vote decides).
            Undo undo = [poll, device, counted, before](std::map<std::string, PollState>& polls) {
                const auto kept = polls.find(poll);
                if (kept == polls.end())
                    return;
                auto& votes = kept->second.device_votes;
                if (const auto now = votes.find(device); now != votes.end() && now->second == counted) {
                    if (before)
                        now->second = *before;
                    else
                        votes.erase(now);
                }
            };
            queue({PollRecord::vote(poll, device, counted),
                   {result.outcome, {}, false, false, 0},
                   std::move(undo),
                   std::move(done)});
            return;
        }
        entry = refused(result.outcome, result.message);
    }
    lock.unlock();
    done(std::move(*entry));
}

void PollBook::answer(AnswerSubmission submission, BookDone done) {
    std::unique_lock lock(m_mutex);
    const auto found = m_polls.find(submission.poll);
    std::optional<BookEntry> entry = before_rules(found != m_polls.end(), "answers");
    if (!entry && found->second.open) {
        if (std::string limit = answer_limit_reached(found->second, submission.device, submission.limits);
            !limit.empty())
            entry = refused(VoteOutcome::TooMany, std::move(limit));
    }
    if (!entry) {
        PollState& poll = found->second;
        const VoteResult result =
            submit_answer(poll, submission.text, submission.max_chars, submission.held_because);
        if (result.outcome == VoteOutcome::Counted) {
            ++m_version;
            const std::size_t number = poll.answers.size();
            poll.answers.back().device = submission.device;
            Undo undo = [id = submission.poll, number](std::map<std::string, PollState>& polls) {
                const auto kept = polls.find(id);
                if (kept != polls.end() && !kept->second.answers.empty() &&
                    kept->second.answers.back().number == number)
                    kept->second.answers.pop_back(); // not on disk, so not received
            };
            queue({PollRecord::answer(submission.poll, submission.text, submission.held_because,
                                      submission.received_s),
                   {result.outcome, {}, false, false, number},
                   std::move(undo),
                   std::move(done)});
            return;
        }
        entry = refused(result.outcome, result.message);
    }
    lock.unlock();
    done(std::move(*entry));
}

BookEntry PollBook::vote(const std::string& poll, const std::string& device,
                         const std::vector<int>& choices) {
    std::promise<BookEntry> saved;
    vote(poll, device, choices, [&saved](BookEntry entry) { saved.set_value(std::move(entry)); });
    return saved.get_future().get();
}

std::optional<BookEntry> PollBook::before_rules(bool poll_found, std::string_view what) const {
    if (!poll_found)
        return refused(VoteOutcome::NotOpen, std::string(not_on_screen));
    if (!m_store)
        return refused(VoteOutcome::Invalid,
                       concat(what, " cannot be saved on the teacher's computer just now"), true);
    return std::nullopt;
}

void PollBook::queue(Queued change) {
    m_queue.push_back(std::move(change));
    m_changed.notify_all();
}

// The writer: takes everything queued so far, writes it in one write and one fsync outside the lock,
// takes back what could not be saved, then tells each change's caller.
void PollBook::write_batches() {
    std::unique_lock lock(m_mutex);
    while (true) {
        m_changed.wait(lock, [this] { return !m_queue.empty() || m_stopping; });
        if (m_queue.empty())
            return; // stopping, and everything is written
        std::vector<Queued> batch = std::move(m_queue);
        m_queue.clear();
        m_writing = true;
        std::vector<PollRecord> records;
        records.reserve(batch.size());
        for (const Queued& change : batch)
            records.push_back(change.record);
        lock.unlock();
        const Expected<void> written = m_store->record_all(records);
        lock.lock();
        m_writing = false;
        if (!written) {
            m_problem = "Results could not be saved: " + written.error();
            for (auto change = batch.rbegin(); change != batch.rend(); ++change) {
                if (change->undo)
                    change->undo(m_polls);
            }
            ++m_version;
        } else if (m_problem.starts_with("Results could not be saved")) {
            m_problem.clear(); // the disk has room again
        }
        const std::string problem = m_problem;
        m_changed.notify_all();
        lock.unlock();
        for (Queued& change : batch) {
            change.entry.saved = written.ok();
            if (!written)
                change.entry.message = problem;
            if (change.done)
                change.done(std::move(change.entry));
        }
        lock.lock();
    }
}

std::optional<PollState> PollBook::copy_of(const std::string& poll) const {
    std::lock_guard lock(m_mutex);
    const auto found = m_polls.find(poll);
    return found == m_polls.end() ? std::nullopt : std::optional(found->second);
}

void PollBook::reload_polls(std::map<std::string, PollState> fresh) {
    std::lock_guard lock(m_mutex);
    m_polls = carry_over(m_polls, std::move(fresh));
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
    m_changed.wait(lock, [this] { return m_queue.empty() && !m_writing; });
    if (!m_store)
        return true;
    if (const Expected<void> ended = m_store->end_session(m_polls); !ended) {
        m_problem = "the totals could not be written (" + ended.error() +
                    "); the session log is kept, so nothing is lost";
        return false;
    }
    return true;
}

} // namespace lectern
