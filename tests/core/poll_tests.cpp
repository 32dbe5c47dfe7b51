#include "core/compose/count_animation.h"
#include "core/deck/deck_loader.h"
#include "core/polls/poll.h"
#include "every_layout_deck.h"
#include "test_files.h"

#include <doctest/doctest.h>

using namespace lectern;

namespace {

PollState open_poll(std::size_t slide) {
    PollState poll = poll_for(test::every_layout_deck().slides[slide]);
    poll.open = true;
    return poll;
}

} // namespace

TEST_CASE("a poll starts closed, with one hand count per option") {
    const PollState poll = poll_for(test::every_layout_deck().slides[8]);
    CHECK(poll.id == test::every_layout_deck().slides[8].id);
    CHECK(poll.choices == 4);
    CHECK(poll.multiple);
    CHECK_FALSE(poll.open);
    CHECK_FALSE(poll.revealed);
    CHECK(poll.hand_counts == std::vector<int>{0, 0, 0, 0});
    CHECK(poll_for(test::every_layout_deck().slides[10]).choices == 7); // a scale: one choice per step
    CHECK(poll_for(test::every_layout_deck().slides[11]).choices == 0); // words
}

TEST_CASE("a closed poll takes no votes") {
    PollState poll = poll_for(test::every_layout_deck().slides[9]);
    CHECK(cast_vote(poll, "device-a", {1}).outcome == VoteOutcome::NotOpen);
    CHECK(poll.device_votes.empty());
}

TEST_CASE("one vote per device: voting again replaces the earlier vote and never counts twice") {
    PollState quiz = open_poll(9);
    CHECK(cast_vote(quiz, "device-a", {2}).outcome == VoteOutcome::Counted);
    CHECK(cast_vote(quiz, "device-b", {2}).outcome == VoteOutcome::Counted);
    CHECK(cast_vote(quiz, "device-a", {1}).outcome == VoteOutcome::Changed);
    CHECK(device_counts(quiz) == std::vector<int>{1, 1, 0});
    CHECK(response_count(quiz) == 2);
}

TEST_CASE("malformed choices are refused with a reason") {
    PollState quiz = open_poll(9);
    CHECK(cast_vote(quiz, "d", {}).outcome == VoteOutcome::Invalid);
    CHECK(cast_vote(quiz, "d", {1, 2}).message == "choose only one answer");
    CHECK(cast_vote(quiz, "d", {4}).message == "answer 4 is not one of the 3 choices");
    CHECK(cast_vote(quiz, "d", {0}).outcome == VoteOutcome::Invalid);
    PollState poll = open_poll(8);
    CHECK(cast_vote(poll, "d", {1, 3}).outcome == VoteOutcome::Counted); // multiple = true
    CHECK(cast_vote(poll, "e", {2, 2}).outcome == VoteOutcome::Invalid);
    CHECK(device_counts(poll) == std::vector<int>{1, 0, 1, 0});
}

TEST_CASE("hand counts add to device votes on screen, and undo steps back") {
    PollState quiz = open_poll(9);
    cast_vote(quiz, "device-a", {2});
    set_hand_count(quiz, 1, 12);
    set_hand_count(quiz, 0, 3);
    CHECK(quiz.hand_counts == std::vector<int>{3, 12, 0});
    CHECK(device_counts(quiz) == std::vector<int>{0, 1, 0});
    CHECK(total_counts(quiz) == std::vector<int>{3, 13, 0});
    CHECK(response_count(quiz) == 16);
    CHECK(undo_hand_count(quiz));
    CHECK(quiz.hand_counts == std::vector<int>{0, 12, 0});
    set_hand_count(quiz, 2, -4);
    CHECK(quiz.hand_counts[2] == 0); // never negative
    set_hand_count(quiz, 9, 1);      // no such choice: ignored
    CHECK(undo_hand_count(quiz));
    CHECK_FALSE(undo_hand_count(quiz));
}

TEST_CASE("hands when several choices are allowed count people by the largest count") {
    PollState poll = open_poll(8);
    set_hand_count(poll, 0, 10);
    set_hand_count(poll, 1, 7);
    CHECK(response_count(poll) == 10);
}

TEST_CASE("a scale's mean is the average step") {
    CHECK(scale_mean({0, 0, 0, 0, 0}) == 0.0);
    CHECK(scale_mean({1, 0, 0, 0, 1}) == doctest::Approx(3.0));
    CHECK(scale_mean({0, 2, 0, 0, 0}) == doctest::Approx(2.0));
}

TEST_CASE("words answers wait for the teacher; only approved ones count, grouped by text") {
    PollState words = open_poll(11);
    CHECK(submit_answer(words, "Happy", 20, "").outcome == VoteOutcome::Counted);
    CHECK(submit_answer(words, " happy ", 20, "").outcome == VoteOutcome::Counted);
    CHECK(submit_answer(words, "07700 900123", 20, "looks like a phone number").outcome ==
          VoteOutcome::Counted);
    CHECK(submit_answer(words, "far too long an answer for this", 20, "").outcome == VoteOutcome::Invalid);
    CHECK(submit_answer(words, "   ", 20, "").outcome == VoteOutcome::Invalid);
    CHECK(cast_vote(words, "d", {1}).outcome == VoteOutcome::Invalid);
    REQUIRE(words.answers.size() == 3);
    CHECK(words.answers[2].held_because == "looks like a phone number");
    CHECK(approved_words(words).empty());
    words.answers[0].status = AnswerStatus::Approved;
    words.answers[1].status = AnswerStatus::Approved;
    const auto approved = approved_words(words);
    REQUIRE(approved.size() == 1);
    CHECK(approved[0].count == 2);
    CHECK(response_count(words) == 3);
}

TEST_CASE("reset forgets votes, hands and answers but keeps the poll open") {
    PollState quiz = open_poll(9);
    cast_vote(quiz, "a", {1});
    set_hand_count(quiz, 0, 5);
    reset_votes(quiz);
    CHECK(quiz.open);
    CHECK(total_counts(quiz) == std::vector<int>{0, 0, 0});
    CHECK_FALSE(undo_hand_count(quiz));
}

TEST_CASE("bars grow from what is on screen to the new counts, and settle there") {
    CountAnimation bars;
    bars.retarget({10, 0}, 1000);
    CHECK(bars.value(1000) == std::vector<float>{0, 0});
    CHECK(bars.running(1100));
    const auto halfway = bars.value(1300);
    CHECK(halfway[0] > 5.0f);
    CHECK(halfway[0] < 10.0f);
    CHECK(bars.value(1600) == std::vector<float>{10, 0});
    CHECK_FALSE(bars.running(1600));
    bars.retarget({10, 4}, 2000); // a new vote: the first bar stays, the second grows
    CHECK(bars.value(2000) == std::vector<float>{10, 0});
    bars.settle({3, 3});
    CHECK(bars.value(0) == std::vector<float>{3, 3});
}

TEST_CASE("written answers: a few per device, a few hundred waiting") {
    PollState words;
    words.layout = SlideLayout::Words;
    words.open = true;
    const AnswerLimits limits{2, 3};
    for (const char* text : {"one", "two"}) {
        CHECK(answer_limit_reached(words, "device-a", limits).empty());
        submit_answer(words, text, 20, "");
        words.answers.back().device = "device-a";
    }
    CHECK(answer_limit_reached(words, "device-a", limits).find("2 answers") != std::string::npos);
    CHECK(answer_limit_reached(words, "device-b", limits).empty());
    submit_answer(words, "three", 20, "");
    words.answers.back().device = "device-b";
    CHECK(answer_limit_reached(words, "device-c", limits).find("many answers to read") != std::string::npos);
    words.answers.front().status = AnswerStatus::Rejected; // the teacher reads one: room again
    CHECK(answer_limit_reached(words, "device-c", limits).empty());
}

TEST_CASE("a reloaded deck keeps the answers of every poll whose id and shape stayed") {
    std::map<std::string, PollState> old;
    old["kept"] = PollState{};
    old["kept"].choices = 3;
    old["kept"].device_votes["d"] = {2};
    old["reshaped"] = old["kept"];
    std::map<std::string, PollState> fresh;
    fresh["kept"].choices = 3;
    fresh["reshaped"].choices = 4;
    fresh["new"].choices = 2;
    const std::map<std::string, PollState> carried = carry_over(old, fresh);
    CHECK(carried.at("kept").device_votes.size() == 1);
    CHECK(carried.at("reshaped").device_votes.empty());
    CHECK(carried.at("new").device_votes.empty());
    CHECK(carried.size() == 3);
}
