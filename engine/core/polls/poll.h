// Poll: the state of one interactive slide (poll, quiz, scale or words) while a class answers it, and
// the rules that change it. Pure: votes, hand counts and times come in as values; nothing here reads a
// clock, a socket or a file. Device tokens identify a device within one session only (privacy rule 2).
#pragma once

#include "core/deck/deck.h"

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace lectern {

enum class AnswerStatus { Pending, Approved, Rejected };

// A free-text answer to a words slide, held for the teacher (privacy rule 6).
struct WordsAnswer {
    std::size_t number = 0; // 1, 2, ... in arrival order
    std::string text;
    AnswerStatus status = AnswerStatus::Pending;
    std::string held_because; // "looks like a phone number", ...: why it was marked for the teacher
    bool flagged = false;     // for the safeguarding lead
    std::string device;       // the device that sent it, this run only (never saved): for the limits
                              // below and "Reject all from this device"; "" after a restart
};

struct PollState {
    std::string id; // the slide's id
    SlideLayout layout = SlideLayout::Poll;
    std::size_t choices = 0; // options (poll, quiz) or steps (scale); 0 for words
    bool multiple = false;
    bool open = false;
    bool revealed = false;
    std::map<std::string, std::vector<int>> device_votes; // device token -> its 1-based choices
    std::vector<int> hand_counts;                         // per choice, typed by the teacher
    std::vector<std::vector<int>> hand_history;           // earlier hand counts, for undo
    std::vector<WordsAnswer> answers;                     // words only
};

// A fresh, closed poll for an interactive slide.
PollState poll_for(const Slide& slide);
// One fresh, closed poll per interactive slide of the deck, by slide id.
std::map<std::string, PollState> polls_for(const Deck& deck);

enum class VoteOutcome { Counted, Changed, NotOpen, Invalid, TooMany }; // TooMany: a limit of AnswerLimits

struct VoteResult {
    VoteOutcome outcome = VoteOutcome::Invalid;
    std::string message; // for Invalid and NotOpen: what was wrong, for the voter
};

// One device's choices (1-based). The same device voting again replaces its earlier vote, in one step.
VoteResult cast_vote(PollState& poll, const std::string& device, const std::vector<int>& choices);

// A words answer from a device. `max_chars` comes from the slide; `held_because` is "" unless the
// answer was caught by the word filter or the personal-information check (it still waits for the teacher).
// The answer is kept as clean_written_answer (answer_text.h) makes it, and refused when that finds it blank.
VoteResult submit_answer(PollState& poll, const std::string& text, std::size_t max_chars,
                         const std::string& held_because);

// Written answers a question takes: from one device, and waiting for the teacher at once.
struct AnswerLimits {
    std::size_t per_device = 3;
    std::size_t waiting = 500;
};

// Why one more answer from `device` would be one too many ("" when it may come), by the limits above.
std::string answer_limit_reached(const PollState& poll, const std::string& device, AnswerLimits limits);

// Fresh polls of a reloaded deck with every poll that kept its id and shape (layout and number of
// choices) carried over from `old`, answers and all.
std::map<std::string, PollState> carry_over(const std::map<std::string, PollState>& old,
                                            std::map<std::string, PollState> fresh);

// The teacher's show of hands: set a choice's count (0 or more); undo goes back one change.
void set_hand_count(PollState& poll, std::size_t choice, int count);
bool undo_hand_count(PollState& poll);

// Forget every vote, hand count and answer, keeping open/revealed as they are.
void reset_votes(PollState& poll);

// Per choice (index 0 is choice 1): devices only, hands only, and both added together.
std::vector<int> device_counts(const PollState& poll);
std::vector<int> total_counts(const PollState& poll);
// How many answered: devices that voted, plus the hands (their sum for single-choice questions, the
// largest count when several choices are allowed); for words, the answers received.
int response_count(const PollState& poll);

// A scale's mean step (1..steps) over all counts; 0 when nobody answered.
double scale_mean(const std::vector<int>& counts);

// Approved words answers grouped by their text (case and surrounding spaces ignored), most frequent first.
struct WordCount {
    std::string text;
    int count = 0;
};
std::vector<WordCount> approved_words(const PollState& poll);

} // namespace lectern
