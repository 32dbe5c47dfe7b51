// ResultsStore: keeps a deck's poll results on disk so that no acknowledged vote is ever lost, and
// reduces them to totals when the session ends. The only code of Lectern that writes results files
// (POSIX: open, write, fsync, flock). No SDL, ImGui or network includes.
//
// Layout (see README "Results and data protection"):
//   $XDG_DATA_HOME/lectern/                     (default ~/.local/share/lectern/), mode 0700
//     <deck stem>-<8 hex digits>/               one folder per deck: a hash of its absolute path, 0700
//       session-YYYYmmdd-HHMMSS.log             the running (or killed) session: one PollRecord per
//                                               line (core/polls/poll_record.h), device tokens included; 0600
//       session-YYYYmmdd-HHMMSS.totals.csv      a finished session: totals only, no device tokens; 0600
//                                               CSV "kind,poll,question,answer,count,time" (TotalsRow)
// A second session started within the same second gets "-2", "-3", ... after the time.
//
// Implemented: append + fsync before acknowledging, restore after a crash (a damaged last line is
// skipped), one running session per deck (flock), totals at a normal quit, retention, deletion.
// Not thread-safe: one owner calls record() at a time (PollBook, which the presentation loop and the
// voting server share).
// Never stored: addresses (they are never given to this class). Nothing is ever sent anywhere.
#pragma once

#include "core/base/expected.h"
#include "core/base/unique_fd.h"
#include "core/deck/deck.h"
#include "core/polls/poll.h"
#include "core/polls/poll_record.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lectern {

// $XDG_DATA_HOME/lectern when XDG_DATA_HOME is an absolute path, else $HOME/.local/share/lectern;
// empty when neither is set.
std::filesystem::path results_root();

// The deck's folder under results_root(), e.g. ".../lectern/qzone-pupils-1a2b3c4d" (it may not exist).
std::filesystem::path results_folder_of(const std::filesystem::path& deck_path);

// One line of a session's totals. Kind Option: one option and its count (devices and hands); Word: an
// approved words answer and how many gave it; Flagged: an answer flagged for the safeguarding lead, with
// the local time it arrived ("" when not known) and no count.
struct TotalsRow {
    enum class Kind { Option, Word, Flagged };
    Kind kind = Kind::Option;
    std::string poll;
    std::string question;
    std::string answer; // the option's label, the word, or the flagged text
    int count = 0;
    std::string time; // Flagged only: "2024-05-01 10:32:05 +0100"

    friend bool operator==(const TotalsRow&, const TotalsRow&) = default;
};

// The RFC 4180 form of one field: quoted (with "" for ") when it holds a comma, quote or line break, and
// after an apostrophe when a spreadsheet would read it as a formula (it starts with =, +, -, @, a tab or a
// return) or when it starts with an apostrophe itself.
std::string csv_field(std::string_view text);

// The newest results stored for a deck: the unfinished session's if there is one (the show is running,
// or it was killed), else the last finished session's.
struct StoredResults {
    std::string session;                    // "session-20240501-103205"
    std::string started;                    // "2024-05-01 10:32:05" (local time)
    bool finished = false;                  // false: still running, or stopped without a normal quit
    std::vector<TotalsRow> rows;            // polls in deck order (finished: as the session saw them)
    std::map<std::string, PollState> polls; // the deck's polls: replayed, or rebuilt from the totals
    std::size_t skipped_lines = 0;          // damaged log lines left out (a crash mid-write)
};

// Nothing when no results are stored; a Failure when a file could not be read, saying which and why.
Expected<std::optional<StoredResults>> read_latest_results(const std::filesystem::path& deck_path,
                                                           const Deck& deck);

// When results cannot be kept this time (the folder became read-only, say): the polls of the session that
// was running when the show stopped, read without writing anything, so the screen still shows every vote
// that was acknowledged (all closed); fresh polls when there is no such session.
std::map<std::string, PollState> polls_kept_read_only(const std::filesystem::path& deck_path,
                                                      const Deck& deck);

struct ResultsRemoval {
    std::vector<std::string> removed; // file names, then the folder, as removed
    std::string error;                // why not everything could be removed ("" when all went)
};

// Removes every stored result of the deck, and its folder. Refuses while a show of it is running.
ResultsRemoval delete_results(const std::filesystem::path& deck_path);

// The words of one poll, kept for the totals file: its id, question and option labels.
struct PollQuestion {
    std::string id;
    std::string question;
    std::vector<std::string> options; // a scale's steps as "1 (low label)", "2", ..., "7 (high label)"
};

struct StoreOpening;

class ResultsStore {
public:
    // Applies the retention period to every deck's finished sessions (older than `retention_days` days,
    // 0 = keep them), then restores this deck's unfinished session if the process was killed, or starts
    // a new one named after `now_wall` (local time). Never throws: a Failure says why results cannot be
    // kept this time (no HOME, a read-only folder, another lectern showing the same deck, ...).
    static Expected<StoreOpening> open(const std::filesystem::path& deck_path, const Deck& deck,
                                       int retention_days, std::chrono::system_clock::time_point now_wall);

    // Moving keeps the open log (and its lock); when a store goes, the log is closed without ending the
    // session, so the next open() restores it, as after a crash.
    ResultsStore(ResultsStore&&) noexcept = default;
    ResultsStore& operator=(ResultsStore&&) noexcept = default;

    // Appends the record and fsyncs it; succeeds only once it is on disk (acknowledge a vote only then).
    // A Failure when it cannot be kept (a full disk, ...); nothing half-written stays.
    // The record is a change the owner has applied to its polls: an answer's arrival time is kept in that
    // order, for the flagged answers of the totals file.
    Expected<void> record(const PollRecord& record);
    // Several records in one write and one fsync (a batch of votes); all kept, or none.
    Expected<void> record_all(std::span<const PollRecord> records);

    // A normal quit: writes the totals file (fsynced), then removes the log with its device tokens.
    // When nobody answered anything, no totals file is written. A Failure when the totals could not be
    // written; the log is then kept, so nothing is lost.
    Expected<void> end_session(const std::map<std::string, PollState>& polls);

    const std::filesystem::path& log_path() const { return m_log; }
    const std::string& session() const { return m_session; }

private:
    ResultsStore() = default;

    UniqueFd m_log_fd;            // open with an exclusive lock while the session runs
    std::int64_t m_size = 0;      // of the log: where a failed write is cut back to
    bool m_needs_newline = false; // a failed write could not be cut back: start the next line afresh
    bool m_ended = false;
    std::filesystem::path m_folder;
    std::filesystem::path m_log;
    std::string m_session;
    std::vector<PollQuestion> m_questions;                           // the deck's polls, in deck order
    std::map<std::string, std::vector<std::int64_t>> m_answer_times; // poll -> when each answer arrived
};

struct StoreOpening {
    ResultsStore store;
    std::map<std::string, PollState> polls; // one per interactive slide: restored, or fresh and closed
    bool restored = false;                  // an unfinished session was picked up again
    std::size_t skipped_lines = 0;          // damaged log lines left out (a crash mid-write)
    std::vector<std::string> expired;       // sessions the retention period removed ("deck/file")
    std::string warning;                    // old sessions the retention period could not remove
};

} // namespace lectern
