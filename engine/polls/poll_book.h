// PollBook: the presentation's polls, shared by the presenting loop (the teacher's keys and panel) and
// the voting server. Every change goes through it: checked and applied in one step under its lock, then
// written to the results log, and only then reported as done, so an acknowledged vote is always on
// disk. One writer thread writes: while one batch is being written and fsynced, the changes that arrive
// queue up and go together in the next, so a burst of votes costs a few fsyncs, not one each, and the
// voting server's event loop never waits for the disk (it is called back once the vote is saved).
// No SDL, ImGui or network includes.
#pragma once

#include "core/polls/poll.h"
#include "core/polls/poll_record.h"
#include "results_store.h"

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
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

// Called once a change is saved or refused: on the writer thread, or at once on the caller's thread
// when the change was refused before it was queued. Must not call back into the PollBook's writes.
using BookDone = std::function<void(BookEntry)>;

// A written answer as the voting server hands it over.
struct AnswerSubmission {
    std::string poll;
    std::string device; // kept in memory with the answer (limits, "Reject all from this device")
    std::string text;
    std::size_t max_chars = 0;
    std::string held_because;
    std::int64_t received_s = 0;
    AnswerLimits limits;
};

class PollBook {
public:
    // `store` is absent when results cannot be kept; `store_problem` then says why.
    PollBook(std::map<std::string, PollState> polls, std::optional<ResultsStore> store,
             std::string store_problem);
    PollBook(const PollBook&) = delete;
    PollBook& operator=(const PollBook&) = delete;
    ~PollBook(); // writes what is queued, then stops the writer

    // The teacher's change (open, close, reveal, hands, answer status...), applied as a replay of the log
    // would apply it, then saved; returns once saved. `outcome` is Invalid when it did not fit the poll.
    BookEntry apply(const PollRecord& record);
    // Several of them, saved together in one write (a bulk rejection). Invalid only when none fitted.
    BookEntry apply_all(const std::vector<PollRecord>& records);

    // A device's vote: counted in one step (privacy rule 3), then saved. `done` learns whether it is on
    // disk (saved) or could not be kept (saved false, with why; it is then taken back, so what the
    // screen shows is what is on disk).
    void vote(const std::string& poll, const std::string& device, const std::vector<int>& choices,
              BookDone done);
    // A written answer, the same way; TooMany when a limit of `limits` is reached.
    void answer(AnswerSubmission submission, BookDone done);
    // The same, waiting until saved (tests, tools).
    BookEntry vote(const std::string& poll, const std::string& device, const std::vector<int>& choices);

    // Reads the polls under the lock.
    template <typename Reader>
    auto read(Reader&& reader) const {
        std::lock_guard lock(m_mutex);
        return reader(std::as_const(m_polls));
    }
    std::optional<PollState> copy_of(const std::string& poll) const;

    // A reloaded deck's fresh polls: every poll of the same id and shape keeps its answers (carry_over),
    // in one step under the lock, so no vote arriving meanwhile can fall between the old and the new.
    void reload_polls(std::map<std::string, PollState> fresh);

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
    // Takes back an applied change that could not be saved (under the lock).
    using Undo = std::function<void(std::map<std::string, PollState>&)>;
    struct Queued {
        PollRecord record;
        BookEntry entry;
        Undo undo;
        BookDone done;
    };
    // A device's change refused before the poll's rules are asked: not on screen, or nowhere to save it.
    std::optional<BookEntry> before_rules(bool poll_found, std::string_view what) const;
    void queue(Queued change); // with m_mutex held
    void write_batches();      // the writer thread

    mutable std::mutex m_mutex;
    std::condition_variable m_changed; // something queued, a batch written, or stopping
    std::map<std::string, PollState> m_polls;
    std::optional<ResultsStore> m_store;
    std::string m_problem;
    std::vector<Queued> m_queue; // applied, waiting to be written
    bool m_writing = false;
    bool m_stopping = false;
    std::uint64_t m_version = 0;
    std::thread m_writer; // last: starts once everything above is ready
};

} // namespace lectern
