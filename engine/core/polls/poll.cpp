#include "poll.h"

#include "answer_text.h"
#include "core/base/concat.h"
#include "core/text/utf8.h"

#include <algorithm>
#include <cctype>
#include <numeric>

namespace lectern {

namespace {

std::string normalised(const std::string& text) {
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    const std::size_t last = text.find_last_not_of(" \t\r\n");
    std::string out = first == std::string::npos ? std::string() : text.substr(first, last - first + 1);
    std::ranges::transform(out, out.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

} // namespace

PollState poll_for(const Slide& slide) {
    PollState poll;
    poll.id = slide.id;
    poll.layout = slide.layout;
    if (slide.question) {
        if (slide.layout == SlideLayout::Scale)
            poll.choices = static_cast<std::size_t>(slide.question->steps);
        else if (slide.layout != SlideLayout::Words)
            poll.choices = slide.question->options.size();
        poll.multiple = slide.question->multiple;
    }
    poll.hand_counts.assign(poll.choices, 0);
    return poll;
}

std::map<std::string, PollState> polls_for(const Deck& deck) {
    std::map<std::string, PollState> polls;
    for (const Slide& slide : deck.slides) {
        if (is_interactive(slide.layout))
            polls.emplace(slide.id, poll_for(slide));
    }
    return polls;
}

VoteResult cast_vote(PollState& poll, const std::string& device, const std::vector<int>& choices) {
    if (!poll.open)
        return {VoteOutcome::NotOpen, "this question is not open for answers"};
    if (poll.layout == SlideLayout::Words)
        return {VoteOutcome::Invalid, "this question takes a written answer, not choices"};
    if (choices.empty())
        return {VoteOutcome::Invalid, "choose an answer"};
    if (choices.size() > 1 && !poll.multiple)
        return {VoteOutcome::Invalid, "choose only one answer"};
    std::vector<int> sorted = choices;
    std::ranges::sort(sorted);
    if (std::ranges::adjacent_find(sorted) != sorted.end())
        return {VoteOutcome::Invalid, "each answer can be chosen once"};
    for (int choice : sorted) {
        if (choice < 1 || static_cast<std::size_t>(choice) > poll.choices)
            return {VoteOutcome::Invalid,
                    concat("answer ", choice, " is not one of the ", poll.choices, " choices")};
    }
    auto [entry, inserted] = poll.device_votes.try_emplace(device, sorted);
    if (!inserted)
        entry->second = sorted;
    return {inserted ? VoteOutcome::Counted : VoteOutcome::Changed, {}};
}

VoteResult submit_answer(PollState& poll, const std::string& text, std::size_t max_chars,
                         const std::string& held_because) {
    if (!poll.open)
        return {VoteOutcome::NotOpen, "this question is not open for answers"};
    if (poll.layout != SlideLayout::Words)
        return {VoteOutcome::Invalid, "this question takes a choice, not a written answer"};
    // What the teacher sees is the pupil's text without its invisible characters (BiDi controls,
    // zero-width joiners); an answer with nothing visible left is refused.
    CleanedAnswer cleaned = clean_written_answer(text);
    if (!cleaned.ok())
        return {VoteOutcome::Invalid, cleaned.refusal};
    if (code_point_count(cleaned.text) > max_chars)
        return {VoteOutcome::Invalid, concat("answers are at most ", max_chars, " characters")};
    poll.answers.push_back(
        {poll.answers.size() + 1, std::move(cleaned.text), AnswerStatus::Pending, held_because, false, {}});
    return {VoteOutcome::Counted, {}};
}

std::string answer_limit_reached(const PollState& poll, const std::string& device, AnswerLimits limits) {
    std::size_t from_device = 0;
    std::size_t waiting = 0;
    for (const WordsAnswer& answer : poll.answers) {
        from_device += !device.empty() && answer.device == device;
        waiting += answer.status == AnswerStatus::Pending;
    }
    if (from_device >= limits.per_device)
        return concat("you have sent ", limits.per_device,
                      " answers to this question, which is the most it takes");
    if (waiting >= limits.waiting)
        return "your teacher has many answers to read already: wait until they have read some, then send "
               "yours";
    return {};
}

std::map<std::string, PollState> carry_over(const std::map<std::string, PollState>& old,
                                            std::map<std::string, PollState> fresh) {
    for (auto& [id, poll] : fresh) {
        const auto kept = old.find(id);
        if (kept != old.end() && kept->second.choices == poll.choices && kept->second.layout == poll.layout)
            poll = kept->second;
    }
    return fresh;
}

void set_hand_count(PollState& poll, std::size_t choice, int count) {
    if (choice >= poll.hand_counts.size())
        return;
    const int clamped = std::max(0, count);
    if (poll.hand_counts[choice] == clamped)
        return;
    poll.hand_history.push_back(poll.hand_counts);
    poll.hand_counts[choice] = clamped;
}

bool undo_hand_count(PollState& poll) {
    if (poll.hand_history.empty())
        return false;
    poll.hand_counts = poll.hand_history.back();
    poll.hand_history.pop_back();
    return true;
}

void reset_votes(PollState& poll) {
    poll.device_votes.clear();
    poll.hand_counts.assign(poll.choices, 0);
    poll.hand_history.clear();
    poll.answers.clear();
}

std::vector<int> device_counts(const PollState& poll) {
    std::vector<int> counts(poll.choices, 0);
    for (const auto& [device, choices] : poll.device_votes) {
        for (int choice : choices)
            ++counts[static_cast<std::size_t>(choice - 1)];
    }
    return counts;
}

std::vector<int> total_counts(const PollState& poll) {
    std::vector<int> counts = device_counts(poll);
    for (std::size_t i = 0; i < counts.size() && i < poll.hand_counts.size(); ++i)
        counts[i] += poll.hand_counts[i];
    return counts;
}

int response_count(const PollState& poll) {
    // Devices answer once each; hands are counted per choice, so with single-choice questions their
    // sum is the number of people; with several choices allowed it is at least the largest count.
    const int hands = poll.multiple
                          ? (poll.hand_counts.empty() ? 0 : *std::ranges::max_element(poll.hand_counts))
                          : std::accumulate(poll.hand_counts.begin(), poll.hand_counts.end(), 0);
    if (poll.layout == SlideLayout::Words)
        return static_cast<int>(poll.answers.size());
    return static_cast<int>(poll.device_votes.size()) + hands;
}

double scale_mean(const std::vector<int>& counts) {
    double weighted = 0;
    int total = 0;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        weighted += static_cast<double>(counts[i]) * static_cast<double>(i + 1);
        total += counts[i];
    }
    return total == 0 ? 0.0 : weighted / total;
}

std::vector<WordCount> approved_words(const PollState& poll) {
    std::vector<WordCount> words;
    for (const WordsAnswer& answer : poll.answers) {
        if (answer.status != AnswerStatus::Approved)
            continue;
        const std::string key = normalised(answer.text);
        auto found =
            std::ranges::find_if(words, [&key](const WordCount& w) { return normalised(w.text) == key; });
        if (found == words.end())
            words.push_back({answer.text, 1});
        else
            ++found->count;
    }
    std::ranges::stable_sort(words, [](const WordCount& a, const WordCount& b) { return a.count > b.count; });
    return words;
}

} // namespace lectern
