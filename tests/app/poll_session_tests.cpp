// PollSession: the polls of tests/decks/e2e/voting.toml (a join slide, then a quiz, a poll and a words
// slide) with their results in a private folder, and the voting server on loopback.
#include "app/poll_session.h"
#include "dummy_video.h"
#include "store_fixture.h"

#include <doctest/doctest.h>

#include <fstream>

using namespace lectern;

namespace {

std::filesystem::path voting_deck_path() {
    return test::source_dir() / "tests/decks/e2e/voting.toml";
}

std::shared_ptr<const Deck> voting_deck() {
    DeckLoadResult result = load_deck_file(voting_deck_path());
    REQUIRE(result.ok());
    return std::make_shared<const Deck>(std::move(*result.deck));
}

PollSessionOptions without_voting() {
    PollSessionOptions options;
    options.deck_path = voting_deck_path();
    options.vote = false;
    return options;
}

PollActions hands(std::size_t choice, int count) {
    PollActions actions;
    actions.hand_count = {choice, count};
    return actions;
}

} // namespace

TEST_CASE(
    "arriving on a question opens its poll, leaving closes it, coming back reopens it with its answers") {
    test::TempDataHome home;
    Problems problems;
    PollSession polls(voting_deck(), without_voting(), problems);
    polls.open_results();
    polls.follow_slide(0, 0);
    CHECK_FALSE(polls.poll_of(0)); // the join slide has none
    polls.follow_slide(0, 1);
    REQUIRE(polls.poll_of(1));
    CHECK(polls.poll_of(1)->open);
    CHECK(polls.apply(hands(0, 5), 1, 0));
    polls.follow_slide(1, 2);
    CHECK_FALSE(polls.poll_of(1)->open);
    CHECK(polls.poll_of(2)->open);
    polls.follow_slide(2, 1);
    CHECK(polls.poll_of(1)->open);
    CHECK(total_counts(*polls.poll_of(1))[0] == 5);
    CHECK(polls.view_of(1, 0)->responses == 5);
    CHECK_FALSE(polls.join());
    CHECK(problems.count() == 0);
    polls.end();
}

TEST_CASE("revealing grows the bars from nothing to the counts, and the panel catches up once they settle") {
    test::TempDataHome home;
    Problems problems;
    PollSession polls(voting_deck(), without_voting(), problems);
    polls.open_results();
    polls.follow_slide(0, 1);
    polls.apply(hands(0, 4), 1, 0);
    CHECK(polls.bars_frame(1, 0) == BarsFrame::Still);
    CHECK(polls.toggle_reveal(1, 1'000));
    CHECK(polls.view_of(1, 1'000)->revealed);
    CHECK(polls.view_of(1, 1'000)->counts[0] == 0.0f);
    CHECK(polls.bars_frame(1, 1'000) == BarsFrame::Growing);
    CHECK(polls.bars_moving(1, 1'300));
    CHECK(polls.view_of(1, 1'000 + count_animation_ms)->counts[0] == 4.0f);
    CHECK(polls.bars_frame(1, 1'000 + count_animation_ms) == BarsFrame::Settled);
    CHECK(polls.bars_frame(1, 1'000 + count_animation_ms + 16) == BarsFrame::Still);
    CHECK(polls.toggle_voting(1, 2'000));
    CHECK_FALSE(polls.poll_of(1)->open);
    CHECK_FALSE(polls.toggle_voting(0, 2'000)); // no poll on the join slide
    polls.end();
}

TEST_CASE("a corridor display shows questions without taking answers") {
    test::TempDataHome home;
    Problems problems;
    PollSessionOptions options = without_voting();
    options.kiosk = true;
    PollSession polls(voting_deck(), options, problems);
    polls.open_results();
    polls.follow_slide(0, 1);
    CHECK_FALSE(polls.poll_of(1)->open);
    polls.end();
}

TEST_CASE("results that cannot be kept go on the problem list, and the polls still work in memory") {
    test::TempDataHome home;
    const std::filesystem::path blocked = home.path() / "not-a-folder";
    std::ofstream(blocked) << "a file where the results folder would go\n";
    setenv("XDG_DATA_HOME", blocked.c_str(), 1);
    Problems problems;
    PollSession polls(voting_deck(), without_voting(), problems);
    polls.open_results();
    REQUIRE(problems.of(ProblemSource::Results).size() == 1);
    CHECK(problems.of(ProblemSource::Results).front().starts_with("Results are not being kept: "));
    CHECK(problems.any_while_showing());
    polls.follow_slide(0, 1);
    CHECK(polls.poll_of(1)->open);
    polls.end();
}

TEST_CASE("voting from devices gives join details and a new room code; a port in use is a problem") {
    test::DummyVideo video;
    test::TempDataHome home;
    EventWait wait;
    Problems problems;
    PollSessionOptions options = without_voting();
    options.vote = true;
    options.vote_server.bind = "127.0.0.1";
    options.vote_server.port = 0;
    PollSession polls(voting_deck(), options, problems);
    polls.open_results();
    polls.start_voting(wait, 0);
    REQUIRE(polls.join());
    CHECK(polls.votes_event() != 0);
    const std::string first_code = polls.join()->room_code;
    CHECK(polls.join()->address.ends_with("?room=" + first_code));
    CHECK(polls.new_room_code());
    CHECK(polls.join()->room_code != first_code);
    CHECK(problems.count() == 0);

    // A second session of a copy of the deck, on the port the first one holds.
    const std::string& address = polls.join()->address;
    const std::size_t colon = address.rfind(':');
    const int port = std::stoi(address.substr(colon + 1));
    const std::filesystem::path copy = home.path() / "voting.toml";
    std::filesystem::copy_file(voting_deck_path(), copy);
    PollSessionOptions same_port = options;
    same_port.deck_path = copy;
    same_port.vote_server.port = port;
    Problems second_problems;
    PollSession second(voting_deck(), same_port, second_problems);
    second.open_results();
    second.start_voting(wait, 0);
    CHECK_FALSE(second.join());
    CHECK_FALSE(second.new_room_code());
    REQUIRE(second_problems.of(ProblemSource::Voting).size() == 1);
    CHECK(second_problems.of(ProblemSource::Voting).front().starts_with("Voting from devices is off: "));
    second.end();
    polls.end();
}

TEST_CASE("the teacher's remote: on with voting, alone with --remote and --no-vote, off with --no-remote") {
    test::DummyVideo video;
    test::TempDataHome home;
    EventWait wait;
    PollSessionOptions options = without_voting();
    options.vote_server.bind = "127.0.0.1";
    options.vote_server.port = 0;
    options.vote_server.remote_pin = "102938";

    SUBCASE("with voting, the remote is on and the panel sees its PIN, phones and lock") {
        options.vote = true;
        Problems problems;
        PollSession polls(voting_deck(), options, problems);
        polls.open_results();
        polls.start_voting(wait, 0);
        REQUIRE(polls.join());
        CHECK(polls.remote_on());
        const std::optional<RemotePanelView> panel = polls.remote_panel();
        REQUIRE(panel);
        CHECK(panel->pin == "102938");
        CHECK(panel->address.starts_with("http://"));
        CHECK(panel->address.ends_with("/remote"));
        CHECK(panel->remotes.empty());
        CHECK_FALSE(panel->locked);
        RemoteActions new_pin;
        new_pin.new_pin = true;
        polls.apply(new_pin);
        CHECK(polls.remote_panel()->pin != "102938");
        polls.end();
    }
    SUBCASE("with --no-vote and --remote, the server runs for the remote and takes no votes") {
        options.vote = false;
        options.remote_asked = true;
        Problems problems;
        PollSession polls(voting_deck(), options, problems);
        polls.open_results();
        polls.start_voting(wait, 0);
        CHECK_FALSE(polls.join()); // no join strip, no room code: devices cannot vote
        CHECK_FALSE(polls.new_room_code());
        CHECK(polls.remote_on());
        polls.end();
    }
    SUBCASE("with --no-remote, voting runs without the remote") {
        options.vote = true;
        options.vote_server.remote = false;
        Problems problems;
        PollSession polls(voting_deck(), options, problems);
        polls.open_results();
        polls.start_voting(wait, 0);
        CHECK(polls.join());
        CHECK_FALSE(polls.remote_on());
        CHECK_FALSE(polls.remote_panel());
        polls.end();
    }
    SUBCASE("with --no-vote alone, no server and no port") {
        Problems problems;
        PollSession polls(voting_deck(), options, problems);
        polls.open_results();
        polls.start_voting(wait, 0);
        CHECK_FALSE(polls.join());
        CHECK_FALSE(polls.remote_on());
    }
}
