// PollBook: the presentation's polls, shared by the presenting loop (the teacher's keys and panel) and
// the voting server's threads. Every change goes through it: checked and applied in one step under its
// lock, then written to the results log, and only then reported as done, so an acknowledged vote is
// always on disk. Writes are grouped: while one batch is being written and fsynced, the votes that
// arrive queue up and go together in the next, so a burst of votes costs a few fsyncs, not one each.
// No SDL, ImGui or network includes.
#pragma once

#include "core/poll.h"
#include "core/poll_record.h"
#include "results_store.h"

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace lectern {

// What became of a change: whether it fitted the poll, and whether it is on disk.
struct BookEntry {
    VoteOutcome outcome = VoteOutcome::Invalid; // Counted or Changed when applied
    std::string message;                        // for the voter or the panel when not applied or not saved
    bool saved = false;                         // in the results log (always false without a store)
    bool cannot_keep = false;                   // refused only because results cannot be kept at all
    std::size_t answer_number = 0;              // words answers: the new answer's number
};

class PollBook {
public:
    // `store` is absent when results cannot be kept; `store_problem` then says why.
    PollBook(std::map<std::string, PollState> polls, std::optional<ResultsStore> store,
             std::string store_problem);
    PollBook(const PollBook&) = delete;
    PollBook& operator=(const PollBook&) = delete;

    // The teacher's change (open, close, reveal, hands, answer status...), applied as a replay of the log
    // would apply it, then saved. `outcome` is Invalid when the record did not fit the poll.
    BookEntry apply(const PollRecord& record);

    // A device's vote (choices) or written answer (text): counted in one step (privacy rule 3), then
    // saved. Returns once the vote is on disk (saved) or could not be kept (saved false, with why; it is
    // then taken back, so what the screen shows is what is on disk).
    BookEntry vote(const std::string& poll, const std::string& device, const std::vector<int>& choices);
    BookEntry answer(const std::string& poll, const std::string& text, std::size_t max_chars,
                     const std::string& held_because, std::int64_t received_s);

    // Reads the polls under the lock.
    template <typename Reader>
    auto read(Reader&& reader) const {
        std::lock_guard lock(m_mutex);
        return reader(std::as_const(m_polls));
    }
    std::optional<PollState> copy_of(const std::string& poll) const;

    // A reloaded deck's polls (answers carried over by the caller).
    void replace_polls(std::map<std::string, PollState> polls);

    // Grows with every change; lets readers tell whether anything changed since they last looked.
    std::uint64_t version() const;

    bool keeping_results() const { return m_store.has_value(); }
    // Why results are not being kept, or the last failure to save ("" when all is well).
    std::string problem() const;
    std::string session() const;

    // A normal quit: waits for writes in progress, then reduces the session to totals. False (with
    // problem()) when the totals could not be written; the log is then kept.
    bool end_session();

private:
    BookEntry save(std::unique_lock<std::mutex>& lock, PollRecord record, BookEntry entry);

    mutable std::mutex m_mutex;
    std::condition_variable m_written;
    std::map<std::string, PollState> m_polls;
    std::optional<ResultsStore> m_store;
    std::string m_problem;
    std::vector<PollRecord> m_queue;                               // applied, waiting to be written
    std::uint64_t m_queued = 0;                                    // records ever queued
    std::uint64_t m_saved = 0;                                     // records ever written (or failed)
    std::vector<std::pair<std::uint64_t, std::uint64_t>> m_failed; // ranges [first, last] not saved
    bool m_writing = false;
    std::uint64_t m_version = 0;
};

} // namespace lectern
