// PollRecord: one change to a poll as a value, its one-line text form for the results log, and the
// replay that turns a log back into polls. Pure: no file IO and no clock (times come in as values).
// The results store (engine/polls/results_store.h) writes these lines; this file only says what they mean.
//
// Line format, version 1: tab-separated fields, ending with a checksum; no newline inside a line.
//
//   1 <TAB> kind <TAB> poll id [<TAB> field]... <TAB> checksum
//
//   kind     fields after the poll id
//   open     -                       (voting opened; also close, reveal, hide, undo, reset: no fields)
//   vote     device token, choices   (choices 1-based, comma-separated: "1,3")
//   hands    choice index, count     (0-based index, as set_hand_count takes it)
//   answer   text, held because, received   (received: Unix seconds, 0 when not known)
//   status   answer number, pending|approved|rejected
//   flag     answer number, on|off
//
// Text fields are escaped: backslash as \\, tab as \t, line feed as \n, carriage return as \r and any
// other byte below 0x20 (and 0x7F) as \xHH; every other byte, UTF-8 included, is written as it is.
// The checksum is 8 lowercase hex digits of the 32-bit FNV-1a hash of everything before the last tab,
// so a line cut short or garbled by a crash mid-write is recognised and skipped, never misread.
#pragma once

#include "core/base/expected.h"
#include "poll.h"

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace lectern {

enum class RecordKind {
    Opened,
    Closed,
    Revealed,
    Hidden,
    Vote,
    HandCount,
    HandUndo,
    Reset,
    Answer,
    AnswerStatus,
    AnswerFlag
};

// One change to one poll. Only the fields of its kind are meaningful; the others keep their defaults.
struct PollRecord {
    std::string poll; // the poll's id (its slide's id)
    RecordKind kind = RecordKind::Opened;
    std::string device;           // Vote: the device's random token (this session only)
    std::vector<int> choices;     // Vote: 1-based choices
    std::size_t choice_index = 0; // HandCount: 0-based, as set_hand_count takes it
    int count = 0;                // HandCount
    std::string text;             // Answer
    std::string held_because;     // Answer: why it was held for the teacher, or ""
    std::int64_t received_s = 0;  // Answer: when it arrived (Unix seconds; 0 = unknown)
    std::size_t number = 0;       // AnswerStatus, AnswerFlag: the answer's number (1, 2, ...)
    lectern::AnswerStatus status = lectern::AnswerStatus::Pending; // AnswerStatus
    bool flagged = true; // AnswerFlag: false takes the flag off again

    static PollRecord opened(std::string poll);
    static PollRecord closed(std::string poll);
    static PollRecord revealed(std::string poll);
    static PollRecord hidden(std::string poll);
    static PollRecord vote(std::string poll, std::string device, std::vector<int> choices);
    static PollRecord hand_count(std::string poll, std::size_t choice_index, int count);
    static PollRecord hand_undo(std::string poll);
    static PollRecord reset(std::string poll);
    static PollRecord answer(std::string poll, std::string text, std::string held_because,
                             std::int64_t received_s);
    static PollRecord answer_status(std::string poll, std::size_t number, lectern::AnswerStatus status);
    static PollRecord answer_flag(std::string poll, std::size_t number, bool flagged = true);

    friend bool operator==(const PollRecord&, const PollRecord&) = default;
};

// The record as one line of text (without the line feed), in the format described above.
std::string encode_record(const PollRecord& record);

// Reads one line written by encode_record (a trailing "\r" or "\n" is ignored). Never throws; a damaged
// line or one that is not a record is a Failure saying why: "the checksum does not match (...)", ...
Expected<PollRecord> decode_record(std::string_view line);

namespace detail {
bool apply_record(std::map<std::string, PollState>& polls, const PollRecord& record);
} // namespace detail

// Replays one record onto the polls, with the rules of poll.h. Returns false (and changes nothing) when
// the poll is not in `polls` or the record does not fit it (a choice that no longer exists, an unknown
// answer number). Votes and answers in a log were accepted when they arrived, so they are replayed even
// when the poll is closed (its "open" record may be the line a crash cut short); open stays as it was.
// A template only so that it is chosen over std::apply, which argument-dependent lookup also finds for
// a std::map argument (a plain function taking `const PollRecord&` loses to it for non-const records).
template <typename Record>
requires std::same_as<std::remove_cvref_t<Record>, PollRecord>
bool apply(std::map<std::string, PollState>& polls, Record&& record) {
    return detail::apply_record(polls, record);
}

// A flagged answer for the safeguarding lead: its text and number only, never who wrote it.
struct FlaggedAnswer {
    std::size_t number = 0;
    std::string text;

    friend bool operator==(const FlaggedAnswer&, const FlaggedAnswer&) = default;
};

// What remains of a poll after its session ends: no device tokens, no pending or rejected answers.
struct PollTotals {
    std::string poll;
    SlideLayout layout = SlideLayout::Poll;
    std::vector<int> counts;            // per choice (index 0 is choice 1): devices and hands together
    std::vector<WordCount> approved;    // words: approved answers grouped by text, most frequent first
    std::vector<FlaggedAnswer> flagged; // answers flagged for the safeguarding lead, in arrival order
};

PollTotals totals_of(const PollState& poll);

} // namespace lectern
