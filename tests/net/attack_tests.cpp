// The voting server against a room of curious pupils: each attack a pupil with a laptop tried runs from
// its own loopback addresses (127.0.x.y stand for the devices of a school network) for a bounded time,
// while another device votes. That vote must be acknowledged within a second, the live heap must come
// back to within 10 MiB of where it was once the attack ends, and the totals must be exact.
#include "core/polls/poll_record.h"
#include "net_fixture.h"

#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

using namespace lectern;
using namespace lectern::test;

namespace {

using Clock = std::chrono::steady_clock;
constexpr long long heap_slack_bytes = 10LL * 1024 * 1024;

// A pupil who is not attacking votes from an address of their own; how long the acknowledgement took.
struct LegitVote {
    int status = 0;
    double ms = 0;
};

LegitVote legit_vote(Voting& voting, int device, const char* address = "127.0.9.9") {
    const std::string cookie = "Cookie: lectern_device=" + voting.token(device) + "\r\n";
    const auto start = Clock::now();
    const RawAnswer answer =
        request_from(address, voting.port(),
                     http_text("POST", "/api/vote?room=K7QP", voting.port(),
                               cookie + "Content-Type: application/json\r\n", quiz_vote(1)));
    return {answer.status, std::chrono::duration<double, std::milli>(Clock::now() - start).count()};
}

// Waits (a few seconds at most) until the server holds no connection from the attack.
void wait_until_quiet(Voting& voting) {
    const auto held = [&] {
        const HttpCounts counts = voting.server->connections();
        return counts.connections + counts.streams;
    };
    for (int i = 0; i < 100 && held() > 0; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(held() == 0);
}

std::string address(int a, int b) {
    return "127.0." + std::to_string(a) + "." + std::to_string(b);
}

} // namespace

TEST_CASE("attack: slow requests from two addresses never delay another pupil's vote") {
    Voting voting;
    voting.token(1);
    const long long heap_before = live_heap_bytes();
    std::vector<Connection> slow;
    for (int source = 1; source <= 2; ++source) {
        for (int i = 0; i < 100; ++i)
            slow.emplace_back(address(1, source).c_str(), voting.port());
    }
    const std::string request = http_text("POST", "/api/vote?room=K7QP", voting.port(),
                                          "Content-Type: application/json\r\n", quiz_vote(2));
    int votes = 0;
    // One byte more on every connection every 100 ms, for two seconds: never a whole request.
    for (std::size_t byte = 0; byte < 20; ++byte) {
        for (Connection& connection : slow)
            connection.send(request.substr(byte, 1));
        if (byte % 4 == 0) {
            const LegitVote legit = legit_vote(voting, ++votes);
            CHECK(legit.status == 200);
            CHECK(legit.ms < 1000);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    slow.clear();
    wait_until_quiet(voting);
    CHECK(live_heap_bytes() - heap_before < heap_slack_bytes);
    CHECK(total_counts(*voting.book->copy_of("phone-number")) == std::vector<int>{votes, 0, 0});
}

TEST_CASE("attack: 2,000 idle connections from 8 addresses take 32 places each and nothing more") {
    Voting voting;
    voting.token(1);
    const long long heap_before = live_heap_bytes();
    std::vector<Connection> idle;
    for (int source = 1; source <= 8; ++source) {
        for (int i = 0; i < 250; ++i)
            idle.emplace_back(address(2, source).c_str(), voting.port());
    }
    // Each address is let in 32 times; the rest are told 429 and closed.
    for (int i = 0; i < 200 && voting.server->connections().connections < 8 * 32; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(voting.server->connections().connections == 8 * 32);
    // While they are held open, everyone else votes as usual.
    const LegitVote legit = legit_vote(voting, 1);
    CHECK(legit.status == 200);
    CHECK(legit.ms < 1000);
    int refused = 0;
    for (std::size_t i = 0; i < idle.size(); i += 25)
        refused += parse_answer(idle[i].receive(200)).status == 429;
    CHECK(refused >= 8 * 8); // of every 25th connection (10 per address), the 9th and later were refused
    // A refused connection whose client never closes is closed by the server all the same.
    CHECK(idle[249].closed_within(4000));
    idle.clear();
    wait_until_quiet(voting);
    CHECK(live_heap_bytes() - heap_before < heap_slack_bytes);
    CHECK(total_counts(*voting.book->copy_of("phone-number")) == std::vector<int>{1, 0, 0});
}

TEST_CASE("attack: guessing the room code gets 10 tries, then one every 10 seconds") {
    Voting voting;
    const char* guesser = "127.0.3.1";
    std::vector<int> statuses;
    std::string retry_after;
    for (int i = 0; i < 30; ++i) {
        const std::string code = i % 2 ? "AAA" + std::string(1, static_cast<char>('A' + i % 20)) : "";
        const RawAnswer answer = request_from(
            guesser, voting.port(),
            http_text("GET", code.empty() ? "/api/state" : "/api/state?room=" + code, voting.port()));
        statuses.push_back(answer.status);
        if (answer.status == 429)
            retry_after = answer.header("Retry-After");
    }
    CHECK(std::count(statuses.begin(), statuses.begin() + 10, 403) == 10);
    CHECK(std::count(statuses.begin() + 10, statuses.end(), 429) == 20);
    CHECK(retry_after == "10");
    // The guesser waits however right its next code is; nobody else pays for its guesses.
    CHECK(request_from(guesser, voting.port(), http_text("GET", "/api/state?room=K7QP", voting.port()))
              .status == 429);
    const LegitVote legit = legit_vote(voting, 1, "127.0.3.2");
    CHECK(legit.status == 200);
    CHECK(total_counts(*voting.book->copy_of("phone-number")) == std::vector<int>{1, 0, 0});
}

TEST_CASE("attack: fifty addresses guessing together need longer than a school day, on average") {
    const RateRule rule = VoteServerOptions{}.room_guess_rule;
    constexpr double codes = 32.0 * 32 * 32 * 32; // room_code_alphabet to the power room_code_length
    constexpr double addresses = 50;
    constexpr double school_day_s = 6.5 * 3600;
    // Each address: `burst` at once, then `per_second`. On average half the codes are tried first.
    const double mean_s = (codes / 2 - addresses * rule.burst) / (addresses * rule.per_second);
    MESSAGE("50 addresses find the code after " << mean_s / 3600 << " hours on average");
    CHECK(mean_s > school_day_s);
}

TEST_CASE("attack: a page of another site cannot vote through a pupil's browser") {
    Voting voting;
    const std::string cookie = "Cookie: lectern_device=" + voting.token(1) + "\r\n";
    const std::string json = "Content-Type: application/json\r\n";
    const auto status = [&](const std::string& headers, const std::string& body = quiz_vote(1)) {
        return request_from("127.0.4.1", voting.port(),
                            http_text("POST", "/api/vote?room=K7QP", voting.port(), cookie + headers, body))
            .status;
    };
    CHECK(status(json + "Origin: http://games.example\r\n") == 403);
    CHECK(status(json + "Origin: null\r\n") == 403);
    CHECK(status(json + "Sec-Fetch-Site: cross-site\r\n") == 403);
    CHECK(status("Content-Type: text/plain\r\n") == 415);
    CHECK(status("Content-Type: application/x-www-form-urlencoded\r\n", "poll=phone-number&choices=1") ==
          415);
    CHECK(status("") == 415);
    // A name that only points at this computer (DNS rebinding) is not this server's name.
    const std::string rebound =
        "POST /api/vote?room=K7QP HTTP/1.1\r\nHost: games.example:" + std::to_string(voting.port()) +
        "\r\nConnection: close\r\n" + cookie + json +
        "Content-Length: " + std::to_string(quiz_vote(1).size()) + "\r\n\r\n" + quiz_vote(1);
    CHECK(request_from("127.0.4.1", voting.port(), rebound).status == 421);
    CHECK(total_counts(*voting.book->copy_of("phone-number")) == std::vector<int>{0, 0, 0});
    // Our own page: same origin, same site.
    const std::string own =
        "Origin: http://127.0.0.1:" + std::to_string(voting.port()) + "\r\nSec-Fetch-Site: same-origin\r\n";
    CHECK(status(json + own) == 200);
    // Reading the state from another site is refused too, but a link to the voter page works.
    CHECK(request_from(
              "127.0.4.1", voting.port(),
              http_text("GET", "/api/state?room=K7QP", voting.port(), "Sec-Fetch-Site: cross-site\r\n"))
              .status == 403);
    CHECK(request_from("127.0.4.1", voting.port(),
                       http_text("GET", "/", voting.port(),
                                 "Sec-Fetch-Site: cross-site\r\nSec-Fetch-Mode: navigate\r\n"))
              .status == 200);
}

TEST_CASE("attack: followers that come and go leave nothing behind, and one address cannot take them all") {
    Voting voting;
    const long long heap_before = live_heap_bytes();
    const int threads_before = thread_count();
    const std::string follow = http_text("GET", "/api/events?room=K7QP", voting.port());
    for (int round = 0; round < 3; ++round) {
        std::vector<Connection> followers;
        for (int source = 1; source <= 20; ++source) {
            for (int i = 0; i < 40; ++i) {
                followers.emplace_back(address(5, source).c_str(), voting.port());
                followers.back().send(follow);
            }
        }
        for (int i = 0; i < 100 && voting.server->connections().streams < 800; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        CHECK(voting.server->connections().streams == 800);
        CHECK(thread_count() == threads_before); // no thread per stream
        // One more from an address that has its 40: 429. Another address still follows.
        Connection greedy(address(5, 1).c_str(), voting.port());
        greedy.send(follow);
        CHECK(parse_answer(greedy.receive(500)).status == 429);
        Connection other("127.0.5.99", voting.port());
        other.send(follow);
        CHECK(other.receive(300).find("event: state") != std::string::npos);
    }
    wait_until_quiet(voting);
    CHECK(voting.server->connections().streams == 0);
    CHECK(live_heap_bytes() - heap_before < heap_slack_bytes);
}

TEST_CASE("attack: dropping the cookie or inventing tokens gives only so many new devices") {
    VoteServerOptions options;
    options.devices_per_address = 20;
    Voting voting(options);
    int counted = 0;
    int refused = 0;
    for (int i = 0; i < 40; ++i) {
        // Half without a cookie, half with a token the server never issued.
        const std::string invented = i % 2 ? "Cookie: lectern_device=" + std::string(32, 'a') +
                                                 std::string(31, 'b') + std::to_string(i % 10) + "\r\n"
                                           : "";
        const RawAnswer answer =
            request_from("127.0.6.1", voting.port(),
                         http_text("POST", "/api/vote?room=K7QP", voting.port(),
                                   invented + "Content-Type: application/json\r\n", quiz_vote(2)));
        counted += answer.status == 200;
        refused += answer.status == 429;
        if (answer.status == 200)
            CHECK(answer.header("Set-Cookie").starts_with("lectern_device=")); // a fresh one of ours
    }
    CHECK(counted == 20);
    CHECK(refused == 20);
    const PollState poll = *voting.book->copy_of("phone-number");
    CHECK(poll.device_votes.count(std::string(32, 'a')) == 0); // the invented token names no device
    CHECK(total_counts(poll) == std::vector<int>{0, 20, 0});
    // Another address is not affected.
    CHECK(legit_vote(voting, 1, "127.0.6.2").status == 200);
}

TEST_CASE("attack: written answers are bounded per device and waiting per question") {
    VoteServerOptions options;
    options.answer_limits.waiting = 12;
    Voting voting(options);
    voting.show(words_slide);
    const std::string poll = voting.id(words_slide);
    auto c = voting.client();
    std::vector<int> statuses;
    for (int i = 0; i < 5; ++i)
        statuses.push_back(
            vote(c, words_answer(poll, "answer " + std::to_string(i)), voting.token(1))->status);
    CHECK(statuses == std::vector<int>{200, 200, 200, 429, 429});
    const auto fourth = vote(c, words_answer(poll, "one more"), voting.token(1));
    CHECK(fourth->body.find("which is the most it takes") != std::string::npos);
    CHECK(fourth->body.find("retry_after_ms") == std::string::npos); // sending again will not help
    // Nine more devices: the question takes 12 waiting answers, then asks them to wait for the teacher.
    int accepted = 0;
    for (int device = 2; device <= 10; ++device)
        accepted += vote(c, words_answer(poll, "hello"), voting.token(device))->status == 200;
    CHECK(accepted == 9);
    CHECK(vote(c, words_answer(poll, "late"), voting.token(11))->status == 429);
    // The teacher rejects everything waiting in one go (the panel's "Reject all waiting"): room again.
    std::vector<PollRecord> rejections;
    for (std::size_t number = 1; number <= 12; ++number)
        rejections.push_back(PollRecord::answer_status(poll, number, AnswerStatus::Rejected));
    CHECK(voting.book->apply_all(rejections).saved);
    CHECK(vote(c, words_answer(poll, "now"), voting.token(11))->status == 200);
    CHECK(voting.book->copy_of(poll)->answers.size() == 13);
}

TEST_CASE("connections: keep-alive serves several requests, and an idle one closes at its time") {
    VoteServerOptions options;
    options.http.idle_timeout = std::chrono::milliseconds(400);
    Voting voting(options);
    Connection connection("127.0.7.1", voting.port());
    const std::string state =
        "GET /api/state?room=K7QP HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(voting.port()) + "\r\n\r\n";
    for (int i = 0; i < 3; ++i) {
        REQUIRE(connection.send(state));
        const std::string text = connection.receive(300);
        CHECK(text.starts_with("HTTP/1.1 200"));
        CHECK(text.find("Connection: close") == std::string::npos);
    }
    CHECK(connection.closed_within(1500));
}

TEST_CASE("connections: headers over 8 KiB get 431, a body over 4 KiB 413") {
    Voting voting;
    const std::string huge = "X-Filler: " + std::string(9000, 'x') + "\r\n";
    CHECK(request_from("127.0.7.2", voting.port(),
                       http_text("GET", "/api/state?room=K7QP", voting.port(), huge))
              .status == 431);
    const RawAnswer large =
        request_from("127.0.7.2", voting.port(),
                     http_text("POST", "/api/vote?room=K7QP", voting.port(),
                               "Content-Type: application/json\r\n", std::string(5000, ' ')));
    CHECK(large.status == 413);
    CHECK(large.body.find("4 KiB") != std::string::npos);
}

TEST_CASE("attack: a class still on a replaced room code does not use up its address's tries") {
    Voting voting;
    const std::string code = voting.server->rotate_room();
    // Thirty tablets behind one router keep asking with the old code: told it changed, never 429.
    int changed = 0;
    for (int i = 0; i < 30; ++i) {
        const RawAnswer answer =
            request_from("127.0.8.1", voting.port(), http_text("GET", "/api/state?room=K7QP", voting.port()));
        changed += answer.status == 403 && answer.body.find("changed the room code") != std::string::npos;
    }
    CHECK(changed == 30);
    CHECK(request_from("127.0.8.1", voting.port(), http_text("GET", "/api/state?room=" + code, voting.port()))
              .status == 200);
}

TEST_CASE("attack: a long written answer is refused before any screening, whatever the poll") {
    Voting voting;
    voting.show(words_slide);
    // About 2,000 one-letter words in 4 KiB: screening it cost 30 ms of the server's one thread.
    std::string words;
    for (int i = 0; i < 2000; ++i)
        words += "a ";
    auto c = voting.client();
    const auto long_answer = vote(c, words_answer(voting.id(words_slide), words), voting.token(1));
    CHECK(long_answer->status == 400);
    CHECK(long_answer->body.find("at most") != std::string::npos);
    const auto to_quiz = vote(c, words_answer("phone-number", words), voting.token(1));
    CHECK(to_quiz->status == 400);
    CHECK(voting.book->copy_of(voting.id(words_slide))->answers.empty());
}

TEST_CASE("attack: every route counts against the address, and only GET and POST are served") {
    VoteServerOptions options;
    options.address_rule = {1, 4};
    Voting voting(options);
    std::vector<int> statuses;
    for (const char* target :
         {"/", "/api/state?room=K7QP", "/favicon.ico", "/nothing", "/", "/api/state?room=K7QP"})
        statuses.push_back(
            request_from("127.0.9.1", voting.port(), http_text("GET", target, voting.port())).status);
    CHECK(statuses == std::vector<int>{200, 200, 204, 404, 429, 429});
    CHECK(request_from("127.0.9.2", voting.port(), http_text("BREW", "/api/state?room=K7QP", voting.port()))
              .status == 405);
}

TEST_CASE(
    "attack: a classmate's wrong guesses do not lock out devices that already joined from that address") {
    Voting voting;
    const std::string cookie = "Cookie: lectern_device=" + voting.token(1) + "\r\n";
    const char* router = "127.0.9.3";
    // The pupil joins with the right code...
    CHECK(request_from(router, voting.port(), http_text("GET", "/api/state?room=K7QP", voting.port(), cookie))
              .status == 200);
    // ...a classmate behind the same router guesses until the address must wait...
    for (int i = 0; i < 12; ++i)
        request_from(router, voting.port(), http_text("GET", "/api/state?room=ZZZZ", voting.port()));
    CHECK(
        request_from(router, voting.port(), http_text("GET", "/api/state?room=K7QP", voting.port())).status ==
        429);
    // ...and the pupil who joined still votes; a wrong code from the joined device is still wrong.
    const RawAnswer vote_answer =
        request_from(router, voting.port(),
                     http_text("POST", "/api/vote?room=K7QP", voting.port(),
                               cookie + "Content-Type: application/json\r\n", quiz_vote(3)));
    CHECK(vote_answer.status == 200);
    CHECK(request_from(router, voting.port(), http_text("GET", "/api/state?room=ZZZZ", voting.port(), cookie))
              .status == 403);
}

TEST_CASE("attack: when every connection is taken, others wait but the presenting machine still gets in") {
    VoteServerOptions options;
    options.http.max_connections = 40;
    Voting voting(options);
    std::vector<Connection> held;
    for (int source = 1; source <= 4; ++source) {
        for (int i = 0; i < 10; ++i)
            held.emplace_back(address(11, source).c_str(), voting.port());
    }
    for (int i = 0; i < 100 && voting.server->connections().connections < 40; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    const std::string state = http_text("GET", "/api/state?room=K7QP", voting.port());
    CHECK(request_from("127.0.11.99", voting.port(), state).status == 503);
    CHECK(request_from("127.0.0.1", voting.port(), state).status == 200);
}
