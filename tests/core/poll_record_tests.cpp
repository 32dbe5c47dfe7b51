#include "core/base/fnv1a.h"
#include "core/deck/deck_loader.h"
#include "core/polls/poll_record.h"
#include "every_layout_deck.h"
#include "test_files.h"

#include <doctest/doctest.h>

#include <cstdio>

using namespace lectern;

namespace {

// Slides 8 to 11 of every-layout.toml: a multiple-choice poll, a quiz, a 7-step scale and a words slide.
const std::string& id_of(std::size_t slide) {
    return test::every_layout_deck().slides[slide].id;
}

std::map<std::string, PollState> fresh_polls() {
    std::map<std::string, PollState> polls;
    for (std::size_t slide = 8; slide <= 11; ++slide)
        polls.emplace(id_of(slide), poll_for(test::every_layout_deck().slides[slide]));
    return polls;
}

void check_same(const PollState& replayed, const PollState& expected) {
    CAPTURE(expected.id);
    CHECK(replayed.id == expected.id);
    CHECK(replayed.open == expected.open);
    CHECK(replayed.revealed == expected.revealed);
    CHECK(replayed.device_votes == expected.device_votes);
    CHECK(replayed.hand_counts == expected.hand_counts);
    CHECK(replayed.hand_history == expected.hand_history);
    REQUIRE(replayed.answers.size() == expected.answers.size());
    for (std::size_t i = 0; i < expected.answers.size(); ++i) {
        CHECK(replayed.answers[i].number == expected.answers[i].number);
        CHECK(replayed.answers[i].text == expected.answers[i].text);
        CHECK(replayed.answers[i].status == expected.answers[i].status);
        CHECK(replayed.answers[i].held_because == expected.answers[i].held_because);
        CHECK(replayed.answers[i].flagged == expected.answers[i].flagged);
    }
}

const std::string awkward = "tab\there, line\nfeed\r\n \"quotes\" 'too' \\n not a newline \\ 😀 "
                            "Zażółć gęślą jaźń \x01\x7f end";

std::vector<PollRecord> one_of_each_kind() {
    return {PollRecord::opened("q1"),
            PollRecord::closed("q1"),
            PollRecord::revealed("q1"),
            PollRecord::hidden("q1"),
            PollRecord::vote("q1", "3f9a0c2e-token", {1, 3}),
            PollRecord::vote("q\t1", awkward, {}),
            PollRecord::hand_count("q1", 2, 17),
            PollRecord::hand_undo("q1"),
            PollRecord::reset("q1"),
            PollRecord::answer("words", awkward, "looks like a \"phone number\"\n", 1714559525),
            PollRecord::answer("words", "", "", 0),
            PollRecord::answer_status("words", 3, AnswerStatus::Approved),
            PollRecord::answer_status("words", 4, AnswerStatus::Rejected),
            PollRecord::answer_status("words", 5, AnswerStatus::Pending),
            PollRecord::answer_flag("words", 2),
            PollRecord::answer_flag("words", 2, false),
            PollRecord::opened(awkward)};
}

} // namespace

TEST_CASE("every kind of record survives encoding and decoding, awkward text included") {
    for (const PollRecord& record : one_of_each_kind()) {
        const std::string line = encode_record(record);
        CAPTURE(line);
        CHECK(line.find('\n') == std::string::npos);
        CHECK(line.find('\r') == std::string::npos);
        const Expected<PollRecord> decoded = decode_record(line);
        REQUIRE(decoded);
        CHECK(*decoded == record);
        CHECK(decode_record(line + "\n").value() == record); // as read from the file
    }
}

TEST_CASE("a record line is version, kind, poll id, fields and a checksum, tab-separated") {
    const std::string line = encode_record(PollRecord::vote("which-apps", "dev-1", {1, 3}));
    CHECK(line.starts_with("1\tvote\twhich-apps\tdev-1\t1,3\t"));
    CHECK(line.size() == std::string("1\tvote\twhich-apps\tdev-1\t1,3\t").size() + 8);
    CHECK(encode_record(PollRecord::hand_count("q", 0, 12)).starts_with("1\thands\tq\t0\t12\t"));
    CHECK(encode_record(PollRecord::answer("w", "a\tb\nc\\d", "", 5))
              .starts_with("1\tanswer\tw\ta\\tb\\nc\\\\d\t\t5\t"));
    CHECK(encode_record(PollRecord::answer_status("w", 2, AnswerStatus::Approved))
              .starts_with("1\tstatus\tw\t2\tapproved\t"));
    CHECK(encode_record(PollRecord::answer_flag("w", 2, false)).starts_with("1\tflag\tw\t2\toff\t"));
    CHECK(encode_record(PollRecord::opened("q")).starts_with("1\topen\tq\t"));
}

TEST_CASE("a line cut short anywhere, as by a crash mid-write, is refused, never misread") {
    for (const PollRecord& record : one_of_each_kind()) {
        const std::string line = encode_record(record);
        for (std::size_t length = 0; length < line.size(); ++length) {
            CAPTURE(line.substr(0, length));
            CHECK_FALSE(decode_record(line.substr(0, length)));
        }
    }
}

TEST_CASE("damaged lines are refused with a reason") {
    std::string line = encode_record(PollRecord::vote("q1", "dev", {2}));
    CHECK(decode_record("").error() == "the line is empty");
    line[12] = 'X'; // one byte changed in the middle
    CHECK(decode_record(line).error() == "the checksum does not match (a line cut short or damaged)");
    CHECK(decode_record(std::string(40, '\0')).error() ==
          "the checksum does not match (a line cut short or damaged)");
    CHECK_FALSE(decode_record("garbage\tline"));
}

TEST_CASE("FNV-1a gives the published values in 32 and 64 bits (log checksums and folder names use them)") {
    static_assert(fnv1a<std::uint32_t>("") == 0x811c9dc5u);
    static_assert(fnv1a<std::uint64_t>("") == 0xcbf29ce484222325ull);
    CHECK(fnv1a<std::uint32_t>("a") == 0xe40c292cu);
    CHECK(fnv1a<std::uint32_t>("foobar") == 0xbf9cf968u);
    CHECK(fnv1a<std::uint64_t>("a") == 0xaf63dc4c8601ec8cull);
    CHECK(fnv1a<std::uint64_t>("foobar") == 0x85944171f73967e8ull);
    CHECK(fnv1a<std::uint32_t>("\xff") == 0x7a0b824eu); // bytes as unsigned, whatever char's sign
}

TEST_CASE("well-formed lines that are not records say what is wrong") {
    // Re-sign a line body with a correct checksum, to test what lies behind the checksum.
    const auto signed_line = [](const std::string& body) {
        char hex[9];
        std::snprintf(hex, sizeof hex, "%08x", fnv1a<std::uint32_t>(body));
        return body + "\t" + hex;
    };
    CHECK(decode_record(signed_line("1\topen\tq")).value() == PollRecord::opened("q"));
    CHECK(decode_record(signed_line("2\topen\tq")).error() == "unknown record format \"2\"");
    CHECK(decode_record(signed_line("1\tshout\tq")).error() == "unknown record kind \"shout\"");
    CHECK(decode_record(signed_line("1\tvote\tq\tdev")).error() ==
          "a vote record has 2 fields after the poll id, not 1");
    CHECK(decode_record(signed_line("1\tvote\tq\tdev\t1,x")).error() == "bad choices");
    CHECK(decode_record(signed_line("1\tstatus\tq\t1\tmaybe")).error() == "bad answer status");
    CHECK(decode_record(signed_line("1\tanswer\tq\tbad \\q escape\t\t0")).error() ==
          "field 4 has a broken escape");
    CHECK(decode_record(signed_line("1\tanswer\tq\tcut \\x4\t\t0")).error() == "field 4 has a broken escape");
}

TEST_CASE("replaying the records of votes, changed votes, hands, undo, reset, answers and statuses "
          "reproduces the same polls") {
    std::map<std::string, PollState> live = fresh_polls();
    std::vector<PollRecord> log;
    const auto change = [&](PollRecord record) {
        log.push_back(record);
        return record;
    };
    PollState& poll = live.at(id_of(8));
    PollState& quiz = live.at(id_of(9));
    PollState& scale = live.at(id_of(10));
    PollState& words = live.at(id_of(11));

    poll.open = true;
    change(PollRecord::opened(poll.id));
    cast_vote(poll, "a", change(PollRecord::vote(poll.id, "a", {1, 3})).choices);
    cast_vote(poll, "b", change(PollRecord::vote(poll.id, "b", {2})).choices);
    cast_vote(poll, "a", change(PollRecord::vote(poll.id, "a", {4})).choices); // a changes their mind
    set_hand_count(poll, 0, change(PollRecord::hand_count(poll.id, 0, 12)).count);
    set_hand_count(poll, 1, change(PollRecord::hand_count(poll.id, 1, 5)).count);
    set_hand_count(poll, 1, change(PollRecord::hand_count(poll.id, 1, 6)).count);
    undo_hand_count(poll);
    change(PollRecord::hand_undo(poll.id));
    poll.revealed = true;
    change(PollRecord::revealed(poll.id));
    poll.open = false;
    change(PollRecord::closed(poll.id));

    quiz.open = true;
    change(PollRecord::opened(quiz.id));
    cast_vote(quiz, "a", change(PollRecord::vote(quiz.id, "a", {2})).choices);
    set_hand_count(quiz, 2, change(PollRecord::hand_count(quiz.id, 2, 3)).count);
    reset_votes(quiz);
    change(PollRecord::reset(quiz.id));
    cast_vote(quiz, "c", change(PollRecord::vote(quiz.id, "c", {3})).choices);

    scale.open = true;
    change(PollRecord::opened(scale.id));
    cast_vote(scale, "a", change(PollRecord::vote(scale.id, "a", {7})).choices);
    scale.revealed = true;
    change(PollRecord::revealed(scale.id));
    scale.revealed = false;
    change(PollRecord::hidden(scale.id));

    words.open = true;
    change(PollRecord::opened(words.id));
    for (const char* text : {"Happy", "07700 900123", "tab\tand\nnewline", "Zażółć 😀"}) {
        const std::string held = text[0] == '0' ? "looks like a phone number" : "";
        submit_answer(words, text, 20, held);
        change(PollRecord::answer(words.id, text, held, 1714559525));
    }
    words.answers[0].status = change(PollRecord::answer_status(words.id, 1, AnswerStatus::Approved)).status;
    words.answers[1].status = change(PollRecord::answer_status(words.id, 2, AnswerStatus::Rejected)).status;
    words.answers[3].status = change(PollRecord::answer_status(words.id, 4, AnswerStatus::Approved)).status;
    words.answers[2].flagged = change(PollRecord::answer_flag(words.id, 3)).flagged;
    words.answers[1].flagged = change(PollRecord::answer_flag(words.id, 2)).flagged;
    words.answers[1].flagged = change(PollRecord::answer_flag(words.id, 2, false)).flagged;

    std::map<std::string, PollState> replayed = fresh_polls();
    for (const PollRecord& record : log) {
        const Expected<PollRecord> decoded = decode_record(encode_record(record));
        REQUIRE(decoded);
        CHECK(apply(replayed, *decoded));
    }
    for (const auto& [id, expected] : live)
        check_same(replayed.at(id), expected);
}

TEST_CASE("a logged vote counts on replay even when its poll's open record was lost") {
    std::map<std::string, PollState> polls = fresh_polls();
    CHECK(apply(polls, PollRecord::vote(id_of(9), "a", {1})));
    CHECK(apply(polls, PollRecord::answer(id_of(11), "Brave", "", 0)));
    CHECK(device_counts(polls.at(id_of(9))) == std::vector<int>{1, 0, 0});
    CHECK_FALSE(polls.at(id_of(9)).open); // and the poll stays closed
    CHECK(polls.at(id_of(11)).answers.size() == 1);
}

TEST_CASE("records that do not fit the polls change nothing") {
    std::map<std::string, PollState> polls = fresh_polls();
    CHECK_FALSE(apply(polls, PollRecord::opened("a-poll-since-deleted")));
    CHECK_FALSE(apply(polls, PollRecord::vote(id_of(9), "a", {4})));   // the quiz has 3 options
    CHECK_FALSE(apply(polls, PollRecord::hand_count(id_of(9), 3, 2))); // so no fourth hand count
    CHECK_FALSE(apply(polls, PollRecord::hand_undo(id_of(9))));        // nothing to undo
    CHECK_FALSE(apply(polls, PollRecord::answer_status(id_of(11), 1, AnswerStatus::Approved))); // no answer 1
    CHECK_FALSE(apply(polls, PollRecord::answer_flag(id_of(11), 1)));
    CHECK_FALSE(apply(polls, PollRecord::answer(id_of(9), "text for a quiz", "", 0)));
    CHECK(polls.size() == 4);
    CHECK(total_counts(polls.at(id_of(9))) == std::vector<int>{0, 0, 0});
}

TEST_CASE("totals keep counts per option, approved words and flagged texts, never device tokens") {
    std::map<std::string, PollState> polls = fresh_polls();
    apply(polls, PollRecord::vote(id_of(9), "secret-token-1", {2}));
    apply(polls, PollRecord::vote(id_of(9), "secret-token-2", {2}));
    apply(polls, PollRecord::hand_count(id_of(9), 0, 4));
    const PollTotals quiz = totals_of(polls.at(id_of(9)));
    CHECK(quiz.poll == id_of(9));
    CHECK(quiz.layout == SlideLayout::Quiz);
    CHECK(quiz.counts == std::vector<int>{4, 2, 0});
    CHECK(quiz.approved.empty());
    CHECK(quiz.flagged.empty());

    for (const char* text : {"Happy", "happy ", "Worried", "something to follow up"})
        apply(polls, PollRecord::answer(id_of(11), text, "", 0));
    apply(polls, PollRecord::answer_status(id_of(11), 1, AnswerStatus::Approved));
    apply(polls, PollRecord::answer_status(id_of(11), 2, AnswerStatus::Approved));
    apply(polls, PollRecord::answer_status(id_of(11), 3, AnswerStatus::Rejected));
    apply(polls, PollRecord::answer_flag(id_of(11), 4));
    const PollTotals words = totals_of(polls.at(id_of(11)));
    CHECK(words.counts.empty());
    REQUIRE(words.approved.size() == 1);
    CHECK(words.approved[0].text == "Happy");
    CHECK(words.approved[0].count == 2);
    CHECK(words.flagged == std::vector<FlaggedAnswer>{{4, "something to follow up"}});
}
