// The pure parts of device voting: JSON, vote bodies, voter state, room codes, addresses, rate limits
// and the checks on written answers.
#include "core/base/json.h"
#include "core/polls/answer_screen.h"
#include "core/polls/choice_labels.h"
#include "core/polls/poll.h"
#include "core/voting/rate_limit.h"
#include "core/voting/room_code.h"
#include "core/voting/school_network.h"
#include "core/voting/vote_request.h"
#include "core/voting/voter_state.h"
#include "every_layout_deck.h"

#include <doctest/doctest.h>

#include <clocale>
#include <cmath>
#include <optional>
#include <set>

using namespace lectern;

TEST_CASE("json: objects, arrays, numbers, strings and escapes") {
    const Expected<JsonValue> parse =
        parse_json(R"( {"a": [1, -2.5, 3e2], "b": "x\"\u00e9\ud83d\ude00", "c": null, "d": true} )");
    REQUIRE(parse);
    const JsonObject& object = *parse->object();
    REQUIRE(object.size() == 4);
    CHECK(*object[0].second.array()->at(1).number() == -2.5);
    CHECK(*object[0].second.array()->at(2).number() == 300);
    CHECK(*object[1].second.string() == "x\"\xC3\xA9\xF0\x9F\x98\x80");
    CHECK(object[2].second.is_null());
}

TEST_CASE("json: numbers read alike in every locale; too large is refused, too small is zero") {
    const auto number = [](const std::string& text) {
        const Expected<JsonValue> parse = parse_json(text);
        return parse && parse->number() ? std::optional(*parse->number()) : std::nullopt;
    };
    // With a comma as the decimal mark (where such a locale is installed), "2.5" is still two and a half.
    const std::string before = std::setlocale(LC_NUMERIC, nullptr);
    std::setlocale(LC_NUMERIC, "de_DE.UTF-8");
    CHECK(number("2.5") == 2.5);
    std::setlocale(LC_NUMERIC, before.c_str());
    CHECK(number("-0.125e3") == -125);
    CHECK(number("5e-324") == 5e-324);
    CHECK(number("1e-400") == 0);
    CHECK(std::signbit(*number("-1e-400")));
    CHECK(number("0.0001e-400") == 0);
    CHECK(number("1" + std::string(400, '0') + "e-390") == 1e10);
    CHECK(parse_json("[1e400]").error() == "the number is too large at character 7");
    CHECK_FALSE(number("1" + std::string(400, '0') + "e-1"));
    CHECK_FALSE(number("0.5e99999999999999999999"));
    CHECK(number("0.5e-99999999999999999999") == 0);
}

TEST_CASE("json: what a strict reader refuses, with where") {
    for (const char* bad : {"", "{", "{\"a\":1,}", "[1,]", "{\"a\" 1}", "01", "1.", "\"\\x\"", "{\"a\":1}x",
                            "\"\\ud800\"", "{\"a\":1,\"a\":2}", "'a'", "NaN", "\"a\nb\"", "\"\xC3\x28\""}) {
        CAPTURE(bad);
        const Expected<JsonValue> parse = parse_json(bad);
        REQUIRE_FALSE(parse);
        CHECK_FALSE(parse.error().empty());
    }
    CHECK(parse_json("{\"a\":1,}").error() == "expected a key in quotes at character 8");
    CHECK(parse_json(std::string(40, '[') + std::string(40, ']')).error().starts_with("nested too deeply"));
}

TEST_CASE("json: strings are written safely, for JSON and inside HTML") {
    CHECK(json_string("a\"b\\c\n</script>\x01") == "\"a\\\"b\\\\c\\n\\u003c/script>\\u0001\"");
}

TEST_CASE("vote bodies: choices or text, nothing else") {
    const Expected<VoteRequest> choices = parse_vote_request(R"({"poll": "p1", "choices": [2, 3]})");
    REQUIRE(choices);
    CHECK(choices->poll == "p1");
    CHECK(*choices->choices == std::vector<int>{2, 3});
    const Expected<VoteRequest> text = parse_vote_request(R"({"text": "be kind", "poll": "w"})");
    REQUIRE(text);
    CHECK(*text->text == "be kind");

    CHECK(parse_vote_request("not json").error().starts_with("the body is not valid JSON"));
    CHECK(parse_vote_request("[1]").error().starts_with("the body must be a JSON object"));
    CHECK(parse_vote_request(R"({"poll": "p", "choices": [1], "name": "Sam"})").error() ==
          "unknown field \"name\": a vote has \"poll\" and \"choices\" or \"text\"");
    CHECK(parse_vote_request(R"({"choices": [1]})").error().starts_with("the vote has no \"poll\""));
    CHECK(parse_vote_request(R"({"poll": "p"})").error().starts_with("the vote needs \"choices\""));
    CHECK(parse_vote_request(R"({"poll": "p", "choices": [1], "text": "x"})").error() ==
          "send either \"choices\" or \"text\", not both");
    CHECK(
        parse_vote_request(R"({"poll": "p", "choices": [1.5]})").error().starts_with("each choice must be"));
    CHECK(parse_vote_request(R"({"poll": "p", "choices": "1"})").error().starts_with("\"choices\" must be"));
    CHECK(parse_vote_request(R"({"poll": 3, "choices": [1]})").error().starts_with("\"poll\" must be"));
}

TEST_CASE("voter state: nothing but the slide number between questions") {
    CHECK(voter_state_json(4, nullptr, nullptr) == R"({"slide":4,"poll":null})");
}

TEST_CASE("voter state: the question, its options, and totals only once revealed") {
    const Deck& deck = test::every_layout_deck();
    const Slide& quiz = deck.slides[9];
    REQUIRE(quiz.layout == SlideLayout::Quiz);
    PollState poll = poll_for(quiz);
    poll.open = true;
    cast_vote(poll, "device-a", {quiz.question->answer});
    const std::string hidden = voter_state_json(10, &quiz, &poll);
    CHECK(hidden.find("\"open\":true") != std::string::npos);
    CHECK(hidden.find("\"results\"") == std::string::npos);
    CHECK(hidden.find("\"answer\"") == std::string::npos); // the quiz answer stays secret until reveal
    CHECK(hidden.find("device-a") == std::string::npos);
    poll.revealed = true;
    const std::string shown = voter_state_json(10, &quiz, &poll);
    CHECK(shown.find("\"results\":[") != std::string::npos);
    CHECK(shown.find("\"answer\":") != std::string::npos);
    CHECK(shown.find("device-a") == std::string::npos); // totals only, never who answered what
    REQUIRE(parse_json(shown));

    const Slide& scale = deck.slides[10];
    const std::string scale_state = voter_state_json(11, &scale, nullptr);
    CHECK(scale_state == R"({"slide":11,"poll":null})"); // no poll running: nothing to answer
    PollState scale_poll = poll_for(scale);
    CHECK(voter_state_json(11, &scale, &scale_poll).find("\"steps\":7") != std::string::npos);
}

TEST_CASE("choice labels: options as written, a scale's steps named with its end labels") {
    const Deck& deck = test::every_layout_deck();
    const Slide& quiz = deck.slides[9];
    CHECK(choice_labels(*quiz.question, quiz.layout) == quiz.question->options);
    const Slide& scale = deck.slides[10];
    CHECK(choice_labels(*scale.question, scale.layout) ==
          std::vector<std::string>{"1 (Not at all)", "2", "3", "4", "5", "6", "7 (Very safe)"});
    const Slide& words = deck.slides[11];
    CHECK(choice_labels(*words.question, words.layout).empty());
}

TEST_CASE("room codes: four characters without look-alikes, typed in any case") {
    std::set<std::string> codes;
    for (std::uint32_t seed = 0; seed < 2000; ++seed) {
        const std::string code = room_code_from(seed * 2654435761u);
        CHECK(code.size() == 4);
        CHECK(code.find_first_not_of(room_code_alphabet) == std::string::npos);
        codes.insert(code);
    }
    CHECK(codes.size() > 1900);
    CHECK(is_room_code("k7qp", "K7QP"));
    CHECK_FALSE(is_room_code("K7Q", "K7QP"));
    CHECK_FALSE(is_room_code("", ""));
}

TEST_CASE("school network: loopback and private ranges only") {
    for (const char* inside :
         {"127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.20", "169.254.3.4", "::1",
          "fc00::1", "fd12:3456::7", "fe80::1%eth0", "::ffff:192.168.0.5"}) {
        CAPTURE(inside);
        CHECK(is_school_network(inside));
    }
    for (const char* outside : {"8.8.8.8", "172.32.0.1", "172.15.255.255", "192.169.0.1", "11.0.0.1",
                                "2001:db8::1", "::ffff:8.8.8.8", "", "localhost", "192.168.1", "256.1.1.1",
                                "1:2:3:4:5:6:7:8:9", "::1::", "010.1.2.3", "10.1.2.3 "}) {
        CAPTURE(outside);
        CHECK_FALSE(is_school_network(outside));
    }
    // The address ends where the text ends: a NUL does not cut "10.0.0.1\0<anything>" to a private address.
    CHECK_FALSE(is_school_network(std::string_view("10.0.0.1\0.8", 11)));
    CHECK(parse_ipv4("192.168.1.20") == Ipv4{192, 168, 1, 20});
    CHECK(parse_ipv6("fe80::1:2") == Ipv6{0xFE, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2});
}

TEST_CASE("school network: only the machine's own loopback address counts as this machine") {
    CHECK(is_this_machine("127.0.0.1"));
    CHECK(is_this_machine("::1"));
    CHECK(is_this_machine("::ffff:127.0.0.1"));
    CHECK_FALSE(is_this_machine("127.0.0.2"));
    CHECK_FALSE(is_this_machine("192.168.1.20"));
}

TEST_CASE("rate limits: a burst, then a steady rate, and how long to wait") {
    RateLimiter limiter({2, 3}); // 3 at once, then 2 a second
    CHECK(limiter.take("a", 0) == 0);
    CHECK(limiter.take("a", 0) == 0);
    CHECK(limiter.take("a", 0) == 0);
    CHECK(limiter.take("a", 0) == 500);
    CHECK(limiter.take("b", 0) == 0); // each key has its own bucket
    CHECK(limiter.take("a", 500) == 0);
    CHECK(limiter.take("a", 500) == 500);
    RateLimiter small({1, 1}, 4);
    for (int i = 0; i < 100; ++i)
        small.take("key" + std::to_string(i), i * 10000);
    CHECK(small.keys() <= 4); // memory stays bounded whatever the keys
}

TEST_CASE("written answers: personal information is held back, with the reason") {
    const WordFilter none;
    CHECK(held_because("be kind online", none).empty());
    CHECK(held_because("call 07700 900123", none) == "looks like a phone number");
    CHECK(held_because("+44 (0)20 7946 0958", none) == "looks like a phone number");
    CHECK(held_because("me@example.com", none) == "looks like an email address");
    CHECK(held_because("go to www.example", none) == "looks like a web link");
    CHECK(held_because("snapchat.com", none) == "looks like a web link");
    CHECK(held_because("https://x", none) == "looks like a web link");
    CHECK(held_because("I live at 12 Acacia Avenue", none) == "looks like a street address");
    CHECK(held_because("SW1A 1AA", none) == "looks like a postcode");
    CHECK(held_because("near m1 1ae", none) == "looks like a postcode");
    CHECK(held_because("top 10 tips", none).empty());
    CHECK(held_because("year 7 rocks", none).empty());
}

TEST_CASE("written answers: the word filter, look-alike spellings included") {
    const WordFilter filter = parse_word_filter("# a comment\n\nbadword\nnobody likes you\n");
    REQUIRE(filter.phrases.size() == 2);
    CHECK(held_because("what a B4DW0RD", filter) == "matches the word filter");
    CHECK(held_because("b.a.d.w.o.r.d", filter) == "matches the word filter");
    CHECK(held_because("b a d w o r d", filter) == "matches the word filter");
    CHECK(held_because("Nobody likes you!", filter) == "matches the word filter");
    CHECK(held_because("nobody likes spam", filter).empty());
    CHECK(held_because("badwords are bad", filter).empty()); // whole words only
    CHECK(folded_words("H3LL0 w0rld") == std::vector<std::string>{"hello", "world"});
}
