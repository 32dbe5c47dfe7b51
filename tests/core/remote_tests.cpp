// The teacher's remote, pure parts: who may sign in (RemoteAccess) and what a command says
// (parse_remote_command). The attacks first: a pupil guessing the PIN from one address, from many, and
// with the right PIN while told to wait.
#include "core/base/json.h"
#include "core/compose/slide_composer.h"
#include "core/deck/deck_loader.h"
#include "core/remote/remote_access.h"
#include "core/remote/remote_command.h"
#include "core/remote/remote_state.h"

#include <doctest/doctest.h>

#include <string>

using namespace lectern;

namespace {
std::string other_pin(const std::string& pin) {
    return pin == "000000" ? "000001" : "000000";
}
} // namespace

TEST_CASE("remote PINs are six digits, leading zeros kept") {
    CHECK(remote_pin_from(42) == "000042");
    CHECK(remote_pin_from(123456) == "123456");
    CHECK(remote_pin_from(4294967295u) == "967295");
    CHECK(is_remote_pin("012345"));
    CHECK_FALSE(is_remote_pin("12345"));
    CHECK_FALSE(is_remote_pin("1234567"));
    CHECK_FALSE(is_remote_pin("12345a"));
    CHECK_FALSE(is_remote_pin("１２３４５６")); // full-width digits are not ASCII digits
}

TEST_CASE("a pupil guessing PINs from one address gets five tries, then one every 30 s") {
    RemoteAccess access("314159");
    const std::string wrong = other_pin("314159");
    for (int i = 0; i < remote_wrong_pins_free; ++i)
        CHECK(access.login(wrong, "10.0.0.7", "s", 1000).outcome == RemoteLogin::WrongPin);
    const RemoteLoginResult waiting = access.login(wrong, "10.0.0.7", "s", 1000);
    CHECK(waiting.outcome == RemoteLogin::TooSoon);
    CHECK(waiting.retry_after_ms > 29000);
    CHECK(waiting.retry_after_ms <= remote_wrong_pin_ms);
    // Even the right PIN waits: otherwise the wait would cost a guesser nothing.
    CHECK(access.login("314159", "10.0.0.7", "s", 1000).outcome == RemoteLogin::TooSoon);
    CHECK(access.wrong_pins() == remote_wrong_pins_free); // waiting answers are not counted as guesses
    // Another address (the teacher's phone) is not held up.
    CHECK(access.login("314159", "10.0.0.8", "teacher", 1000).outcome == RemoteLogin::SignedIn);
    // 30 s later, one more try.
    CHECK(access.login(wrong, "10.0.0.7", "s", 1000 + remote_wrong_pin_ms).outcome == RemoteLogin::WrongPin);
    CHECK(access.login(wrong, "10.0.0.7", "s", 1000 + remote_wrong_pin_ms).outcome == RemoteLogin::TooSoon);
}

TEST_CASE("fifty wrong PINs from anywhere lock the remote until the teacher unlocks it") {
    RemoteAccess access("271828");
    const std::string wrong = other_pin("271828");
    RemoteLogin last = RemoteLogin::WrongPin;
    for (int i = 0; i < remote_wrong_pins_to_lock; ++i)
        last = access.login(wrong, "10.0.1." + std::to_string(i), "s", 0).outcome;
    CHECK(last == RemoteLogin::Locked);
    CHECK(access.locked());
    CHECK(access.login("271828", "10.0.9.9", "teacher", 0).outcome == RemoteLogin::Locked);
    access.unlock();
    CHECK(access.login("271828", "10.0.9.9", "teacher", 0).outcome == RemoteLogin::SignedIn);
    for (int i = 0; i < remote_wrong_pins_to_lock; ++i)
        (void)access.login(wrong, "10.0.2." + std::to_string(i), "s", 0);
    CHECK(access.locked());
    access.new_pin("161803"); // a new PIN lifts the lock too: old guesses say nothing about it
    CHECK(access.login("161803", "10.0.9.9", "teacher", 0).outcome == RemoteLogin::SignedIn);
}

TEST_CASE("signed-in remotes: listed, signed out one by one, all gone with a new PIN, at most eight") {
    RemoteAccess access("111111");
    CHECK(access.login("111111", "10.0.0.2", "phone-a", 10).outcome == RemoteLogin::SignedIn);
    CHECK(access.login("111111", "10.0.0.3", "phone-b", 20).outcome == RemoteLogin::SignedIn);
    REQUIRE(access.remotes().size() == 2);
    CHECK(access.remotes()[0].number == 1);
    CHECK(access.remotes()[1].address == "10.0.0.3");
    CHECK(access.signed_in("phone-a"));
    CHECK_FALSE(access.signed_in(""));
    CHECK_FALSE(access.signed_in("phone-c"));
    access.sign_out(1);
    CHECK_FALSE(access.signed_in("phone-a"));
    CHECK(access.signed_in("phone-b"));
    access.new_pin("222222");
    CHECK(access.remotes().empty());
    CHECK(access.login("111111", "10.0.0.2", "phone-a", 30).outcome == RemoteLogin::WrongPin);
    for (int i = 0; i < 9; ++i) {
        const RemoteLoginResult result = access.login("222222", "10.0.0.2", "p" + std::to_string(i), 40);
        CHECK(result.outcome == RemoteLogin::SignedIn);
        CHECK(result.evicted == (i == 8)); // the ninth signs the oldest out: its stream must close
    }
    CHECK(access.remotes().size() == remote_sessions_max);
    CHECK_FALSE(access.signed_in("p0")); // the oldest made room
    CHECK(access.signed_in("p8"));
    CHECK(access.remotes().back().number == 11); // numbers are never reused
}

TEST_CASE("remote commands: each name, goto with a slide, and what is refused") {
    for (const RemoteActionName& name : remote_action_names()) {
        if (name.action == RemoteAction::Goto)
            continue;
        const Expected<RemoteCommand> command =
            parse_remote_command(std::string("{\"command\": \"") + std::string(name.name) + "\"}", 5);
        REQUIRE(command);
        CHECK(command->action == name.action);
    }
    const Expected<RemoteCommand> go = parse_remote_command(R"({"command": "goto", "slide": 5})", 5);
    REQUIRE(go);
    CHECK(go->action == RemoteAction::Goto);
    CHECK(go->slide == 4);
    CHECK(parse_remote_command(R"({"command": "goto", "slide": 6})", 5).error() ==
          "there is no slide 6: the deck has slides 1 to 5");
    CHECK(parse_remote_command(R"({"command": "goto", "slide": 0})", 5)
              .error()
              .starts_with("there is no slide 0"));
    CHECK(parse_remote_command(R"({"command": "goto", "slide": 2.5})", 5)
              .error()
              .starts_with("\"slide\" must"));
    CHECK(parse_remote_command(R"({"command": "goto"})", 5).error().starts_with("\"goto\" needs"));
    CHECK(parse_remote_command(R"({"command": "next", "slide": 2})", 5).error() ==
          "only \"goto\" takes a \"slide\"");
    CHECK(parse_remote_command(R"({"command": "quit"})", 5).error().starts_with("unknown command \"quit\""));
    CHECK(parse_remote_command(R"({"command": 1})", 5).error().starts_with("\"command\" must"));
    CHECK(parse_remote_command(R"({"cmd": "next"})", 5).error().starts_with("unknown field \"cmd\""));
    CHECK(parse_remote_command(R"({})", 5).error().starts_with("the body has no \"command\""));
    CHECK(parse_remote_command("next", 5).error().starts_with("the body is not valid JSON"));
    CHECK(parse_remote_command(R"({"command": {"a": {"b": 1}}})", 5)
              .error()
              .starts_with("the body is not valid"));
}

TEST_CASE("the remote's state as JSON: every field of the contract, text escaped, a poll or null") {
    RemoteState state;
    state.slide = 3;
    state.step = 2;
    state.steps = 4;
    state.count = 12;
    state.title = "Who can see \"your\" posts?";
    state.notes = "Ask **who** they would tell.\n- a parent\n- a teacher </script>";
    state.next_title = "Settings";
    state.elapsed_ms = 61000;
    state.planned_ms = 1800000;
    state.blank = RemoteBlank::White;
    CHECK(remote_state_json(state) ==
          R"({"slide":3,"step":2,"steps":4,"count":12,"title":"Who can see \"your\" posts?",)"
          R"("notes":"Ask **who** they would tell.\n- a parent\n- a teacher \u003c/script>",)"
          R"("next_title":"Settings","elapsed_ms":61000,"planned_ms":1800000,"blank":"white","poll":null,)"
          R"("pace":"none","minutes_ahead":0,"paused":false})");
    state.blank = RemoteBlank::None;
    state.poll = RemotePoll{"who-sees", true, false, 27};
    state.pace = PaceState::Behind;
    state.minutes_ahead = -2.345;
    const std::string json = remote_state_json(state);
    CHECK(json.find(R"("blank":"none","poll":{"id":"who-sees","open":true,"revealed":false,"answers":27},)"
                    R"("pace":"behind","minutes_ahead":-2.3,"paused":false})") != std::string::npos);
    const Expected<JsonValue> parsed = parse_json(json);
    REQUIRE(parsed);
    CHECK(parsed->object()->size() == 14);
}

TEST_CASE("remote sign-in bodies: a PIN as text, nothing else") {
    CHECK(parse_remote_login(R"({"pin": "012345"})").value() == "012345");
    CHECK(parse_remote_login(R"({"pin": 12345})").error() == "send the PIN as {\"pin\": \"123456\"}");
    CHECK_FALSE(parse_remote_login(R"({"pin": "1", "name": "x"})"));
    CHECK_FALSE(parse_remote_login(R"([])"));
    CHECK(parse_remote_login("pin=1").error().starts_with("the body is not valid JSON"));
}

TEST_CASE("the remote is told where the show is: slide, build step, notes, next title, pace, the poll") {
    const DeckLoadResult loaded = load_deck_text(R"(
[deck]
title = "Remote"
duration_minutes = 10

[[slides]]
layout = "bullets"
title = "Who can see your posts?"
bullets = ["Friends", "Friends of friends", "Everyone"]
build = true
notes = "Ask **who** has a public profile.\n- hands up"

[[slides]]
layout = "poll"
question = "Would you accept a stranger's _friend request_?"
options = ["Yes", "No"]
)",
                                                 "remote.toml", ".");
    REQUIRE(loaded.ok());
    const Deck& deck = *loaded.deck;
    const DeckShape shape = shape_of(deck);
    NavState nav;
    nav.step = 1;
    const RemoteState first =
        remote_state_of(deck, nav, shape, Stopwatch::started_at(70000), 100000, std::nullopt);
    CHECK(first.slide == 1);
    CHECK(first.step == 2);
    CHECK(first.steps == 3);
    CHECK(first.count == 2);
    CHECK(first.title == "Who can see your posts?");
    CHECK(first.notes == "Ask **who** has a public profile.\n- hands up"); // as written: the page sets it
    CHECK(first.next_title == "Would you accept a stranger's friend request?");
    CHECK(first.elapsed_ms == 30000);
    CHECK_FALSE(first.paused);
    CHECK(first.planned_ms == 600000);
    CHECK(first.pace != PaceState::NoPlan);
    CHECK_FALSE(first.poll);

    nav = {1, 0, Blank::White, ""};
    const Stopwatch paused{400000, std::nullopt};
    const RemoteState second =
        remote_state_of(deck, nav, shape, paused, 500000, RemotePoll{deck.slides[1].id, true, false, 3});
    CHECK(second.elapsed_ms == 400000);
    CHECK(second.paused);
    CHECK(second.slide == 2);
    CHECK(second.next_title.empty());
    CHECK(second.blank == RemoteBlank::White);
    REQUIRE(second.poll);
    CHECK(second.poll->id == deck.slides[1].id);
    CHECK(second.poll->answers == 3);

    // The clock running on is not news (the page counts on by itself); anything else is.
    RemoteState later = second;
    later.elapsed_ms += 5000;
    later.minutes_ahead -= 0.1;
    CHECK_FALSE(remote_news(second, later));
    later.poll->answers = 1;
    CHECK(remote_news(second, later));
    later = second;
    later.pace = PaceState::Over;
    CHECK(remote_news(second, later));
}
