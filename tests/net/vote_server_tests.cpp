// The voting server over real loopback sockets: every status of vote-api.md, device tokens, changed
// votes, closed polls, the room code, body limits, rate limits, the event stream and a burst of
// concurrent votes whose totals must come out exact and on disk.
#include "core/polls/poll_record.h"
#include "core/voting/school_network.h"
#include "net_fixture.h"
#include "polls/session_key.h"

#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <atomic>
#include <csignal>
#include <fstream>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <thread>

using namespace lectern;
using namespace lectern::test;

TEST_CASE("vote server: the voter page is one self-contained page, with the privacy reminders") {
    Voting voting;
    auto c = voting.client();
    const auto page = c.Get("/");
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK(page->get_header_value("Content-Security-Policy").find("default-src 'none'") != std::string::npos);
    CHECK(page->get_header_value("Content-Security-Policy").find("unsafe-inline") == std::string::npos);
    CHECK(page->body.find("Childline on 0800 1111") != std::string::npos);
    CHECK(page->body.find("Do not type your name") != std::string::npos);
    // Nothing from elsewhere: no address of another site anywhere in the page.
    CHECK(page->body.find("http://") == std::string::npos);
    CHECK(page->body.find("https://") == std::string::npos);
    CHECK(page->body.find("//cdn") == std::string::npos);
    // A device token in a session cookie that scripts cannot read, and nothing cached.
    CHECK(page->get_header_value("Set-Cookie").find("lectern_device=") == 0);
    CHECK(page->get_header_value("Set-Cookie").find("HttpOnly") != std::string::npos);
    CHECK(page->get_header_value("Cache-Control") == "no-store");
}

TEST_CASE("vote server: the state follows the slide on screen") {
    Voting voting;
    auto c = voting.client();
    voting.server->show(0);
    auto state = c.Get("/api/state?room=K7QP");
    REQUIRE(state);
    CHECK(state->status == 200);
    CHECK(
        state->body.starts_with(R"({"slide":1,"poll":null,"language":"en-GB")")); // version 3 adds languages
    voting.server->show(quiz_slide);
    state = c.Get("/api/state?room=k7qp"); // pupils may type the code in lower case
    REQUIRE(state);
    CHECK(state->body.find(R"({"slide":10,"poll":{"id":"phone-number","layout":"quiz")") == 0);
    CHECK(state->body.find("\"open\":true") != std::string::npos);
}

TEST_CASE("vote server: a reloaded deck is shared with the presentation, not copied") {
    Voting voting;
    Deck edited = every_layout();
    edited.slides.erase(edited.slides.begin(), edited.slides.begin() + quiz_slide); // the quiz comes first
    const auto deck = std::make_shared<const Deck>(std::move(edited));
    voting.server->set_deck(deck);
    CHECK(deck.use_count() ==
          3); // this test's, the server's and its voter states' (voter_states.h): one deck
    voting.server->show(0);
    auto c = voting.client();
    const auto state = c.Get("/api/state?room=K7QP");
    REQUIRE(state);
    CHECK(state->body.find(R"({"slide":1,"poll":{"id":"phone-number","layout":"quiz")") == 0);
}

TEST_CASE("vote server: a wrong or missing room code gets 403 on every /api/ request") {
    Voting voting;
    auto c = voting.client();
    for (const char* path : {"/api/state?room=ABCD", "/api/state", "/api/events?room=ABCD"}) {
        CAPTURE(path);
        const auto res = c.Get(path);
        REQUIRE(res);
        CHECK(res->status == 403);
        CHECK(res->body.find("\"ok\":false") != std::string::npos);
    }
    const auto res = vote(c, quiz_vote(1), voting.token(1), "ABCD");
    REQUIRE(res);
    CHECK(res->status == 403);
    CHECK(res->body.find("room code") != std::string::npos);
}

TEST_CASE("vote server: one vote per device; voting again changes it and never counts twice") {
    Voting voting;
    auto c = voting.client();
    auto first = vote(c, quiz_vote(1), voting.token(1));
    REQUIRE(first);
    CHECK(first->status == 200);
    CHECK(first->body == R"({"ok":true,"changed":false})");
    auto again = vote(c, quiz_vote(2), voting.token(1));
    REQUIRE(again);
    CHECK(again->body == R"({"ok":true,"changed":true})");
    vote(c, quiz_vote(2), voting.token(2));
    const auto poll = voting.book->copy_of("phone-number");
    CHECK(total_counts(*poll) == std::vector<int>{0, 2, 0});
    // Acknowledged means on disk: the log replays to the same totals.
    const Expected<std::optional<StoredResults>> stored =
        read_latest_results(test::every_layout_path(), test::every_layout());
    REQUIRE(stored);
    REQUIRE(*stored);
    CHECK(total_counts((*stored)->polls.at("phone-number")) == std::vector<int>{0, 2, 0});
}

TEST_CASE("vote server: a device without a cookie gets one with its first vote") {
    Voting voting;
    auto c = voting.client();
    const auto res = vote(c, quiz_vote(3));
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->get_header_value("Set-Cookie").starts_with("lectern_device="));
}

TEST_CASE("vote server: 409 when the poll is closed or not on screen") {
    Voting voting;
    auto c = voting.client();
    voting.book->apply(PollRecord::closed("phone-number"));
    auto closed = vote(c, quiz_vote(1), voting.token(1));
    REQUIRE(closed);
    CHECK(closed->status == 409);
    CHECK(closed->body.find("not open") != std::string::npos);
    auto elsewhere =
        vote(c, R"({"poll": ")" + voting.id(scale_slide) + R"(", "choices": [3]})", voting.token(1));
    REQUIRE(elsewhere);
    CHECK(elsewhere->status == 409);
    auto unknown = vote(c, R"({"poll": "no-such-poll", "choices": [1]})", voting.token(1));
    REQUIRE(unknown);
    CHECK(unknown->status == 409);
}

TEST_CASE("vote server: 400 with a message for every malformed vote") {
    Voting voting;
    voting.show(words_slide);
    auto c = voting.client();
    const std::string words = voting.id(words_slide);
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"{not json", "not valid JSON"},
        {R"({"poll": "phone-number", "choices": [1], "name": "Sam"})", R"(unknown field \"name\")"},
        {R"({"poll": "phone-number", "choices": [4]})", "answer 4 is not one of the 3 choices"},
        {R"({"poll": "phone-number", "choices": [1, 2]})", "choose only one answer"},
        {R"({"poll": "phone-number", "choices": []})", "choose an answer"},
        {R"({"poll": "phone-number", "text": "hello"})", "takes a choice, not a written answer"},
        {R"({"poll": ")" + words + R"(", "text": "   "})", "write an answer first"},
        {R"({"poll": ")" + words + R"(", "text": ")" + std::string(200, 'a') + R"("})", "at most"},
        {R"({"poll": ")" + words + R"(", "choices": [1]})", "takes a written answer"},
    };
    for (const auto& [body, message] : cases) {
        CAPTURE(body);
        const auto res = vote(c, body, voting.token(7));
        REQUIRE(res);
        CHECK(res->status == 400);
        CHECK(res->body.find(message) != std::string::npos);
        CHECK(res->body.find("\"ok\":false") != std::string::npos);
    }
}

TEST_CASE("vote server: 413 for a body over 4 KiB") {
    Voting voting;
    auto c = voting.client();
    const auto res =
        vote(c, R"({"poll": "phone-number", "text": ")" + std::string(5000, 'a') + "\"}", voting.token(1));
    REQUIRE(res);
    CHECK(res->status == 413);
    CHECK(res->body.find("4 KiB") != std::string::npos);
}

TEST_CASE("vote server: wrong methods and unknown addresses get clear answers") {
    Voting voting;
    auto c = voting.client();
    const auto get_vote = c.Get("/api/vote?room=K7QP");
    REQUIRE(get_vote);
    CHECK(get_vote->status == 405);
    const auto missing = c.Get("/nothing-here");
    REQUIRE(missing);
    CHECK(missing->status == 404);
    CHECK(missing->body.find("\"ok\":false") != std::string::npos);
}

TEST_CASE("vote server: written answers wait for the teacher, personal information marked") {
    Voting voting;
    voting.show(words_slide);
    auto c = voting.client();
    const std::string words = voting.id(words_slide);
    CHECK(vote(c, R"({"poll": ")" + words + R"(", "text": "be kind"})", voting.token(1))->status == 200);
    CHECK(vote(c, R"({"poll": ")" + words + R"(", "text": "07700 900123"})", voting.token(2))->status == 200);
    const auto poll = voting.book->copy_of(words);
    REQUIRE(poll->answers.size() == 2);
    CHECK(poll->answers[0].status == AnswerStatus::Pending);
    CHECK(poll->answers[0].held_because.empty());
    CHECK(poll->answers[1].held_because == "looks like a phone number");
    // Nothing reaches the screen (or the voters' state) before the teacher approves it.
    voting.book->apply(PollRecord::revealed(words));
    voting.server->polls_changed();
    auto state = c.Get("/api/state?room=K7QP");
    CHECK(state->body.find("be kind") == std::string::npos);
    voting.book->apply(PollRecord::answer_status(words, 1, AnswerStatus::Approved));
    voting.server->polls_changed();
    state = c.Get("/api/state?room=K7QP");
    CHECK(state->body.find(R"("results":[{"text":"be kind","count":1}])") != std::string::npos);
    CHECK(state->body.find("07700") == std::string::npos);
}

TEST_CASE("vote server: tapping fast is limited per device, and the last vote still counts") {
    VoteServerOptions options;
    options.device_rule = {10, 3}; // 3 at once, then 10 a second
    Voting voting(options);
    auto c = voting.client();
    int limited = 0;
    int retry_ms = 0;
    for (int choice : {1, 2, 3, 1, 2, 3}) {
        const auto res = vote(c, quiz_vote(choice), voting.token(1));
        REQUIRE(res);
        if (res->status == 429) {
            ++limited;
            CHECK(res->has_header("Retry-After"));
            const std::size_t at = res->body.find("\"retry_after_ms\":");
            REQUIRE(at != std::string::npos);
            retry_ms = std::stoi(res->body.substr(at + 17));
        }
    }
    CHECK(limited == 3);
    // What the voter page does: wait as told, then send the latest choice again.
    std::this_thread::sleep_for(std::chrono::milliseconds(retry_ms + 20));
    const auto last = vote(c, quiz_vote(3), voting.token(1));
    REQUIRE(last);
    CHECK(last->status == 200);
    CHECK(total_counts(*voting.book->copy_of("phone-number")) == std::vector<int>{0, 0, 1});
}

TEST_CASE("vote server: many requests from one address are limited too") {
    VoteServerOptions options;
    options.address_rule = {1, 4};
    Voting voting(options);
    std::vector<int> statuses;
    for (int i = 0; i < 6; ++i) {
        const std::string cookie = "Cookie: lectern_device=" + voting.token(100 + i) + "\r\n";
        statuses.push_back(
            request_from("127.0.0.2", voting.port(),
                         http_text("POST", "/api/vote?room=K7QP", voting.port(),
                                   cookie + "Content-Type: application/json\r\n", quiz_vote(1)))
                .status);
    }
    CHECK(statuses == std::vector<int>{200, 200, 200, 200, 429, 429});
}

TEST_CASE("vote server: a burst of concurrent votes from many devices gives exact totals") {
    Voting voting;
    constexpr int devices = 300;
    std::vector<std::thread> threads;
    std::atomic<int> acknowledged = 0;
    for (int d = 0; d < devices; ++d)
        voting.token(d); // issued before the threads share the map
    for (int t = 0; t < 30; ++t) {
        threads.emplace_back([&, t] {
            auto c = voting.client();
            for (int d = t; d < devices; d += 30) {
                // Each device votes, then changes its mind to choice (d % 3) + 1.
                vote(c, quiz_vote(1), voting.token(d));
                const auto res = vote(c, quiz_vote(d % 3 + 1), voting.token(d));
                if (res && res->status == 200)
                    ++acknowledged;
            }
        });
    }
    for (std::thread& thread : threads)
        thread.join();
    CHECK(acknowledged == devices);
    CHECK(total_counts(*voting.book->copy_of("phone-number")) == std::vector<int>{100, 100, 100});
    const Expected<std::optional<StoredResults>> stored =
        read_latest_results(test::every_layout_path(), test::every_layout());
    REQUIRE(stored);
    REQUIRE(*stored);
    CHECK(total_counts((*stored)->polls.at("phone-number")) == std::vector<int>{100, 100, 100});
    CHECK(voting.wakes > 0);
    CHECK(voting.wakes < 100); // woken a few times a second at most, not once per vote
}

TEST_CASE("vote server: the event stream sends the state at once, then every change") {
    Voting voting;
    auto c = voting.client();
    std::string received;
    std::atomic<bool> revealed_sent = false;
    std::thread teacher([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        voting.book->apply(PollRecord::revealed("phone-number"));
        voting.server->polls_changed();
        revealed_sent = true;
    });
    c.Get("/api/events?room=K7QP", [&](const char* data, std::size_t length) {
        received.append(data, length);
        return received.find("\"revealed\":true") == std::string::npos; // stop once the reveal arrives
    });
    teacher.join();
    CHECK(received.find("retry: 2000") == 0);
    CHECK(received.find("event: state\ndata: {\"slide\":10") != std::string::npos);
    CHECK(received.find("\"revealed\":false") < received.find("\"revealed\":true"));
    CHECK(received.find("\"results\":[0,0,0]") != std::string::npos);
}

TEST_CASE("vote server: a new room code locks out the old one at once") {
    Voting voting;
    auto c = voting.client();
    const std::string code = voting.server->rotate_room();
    CHECK(code != "K7QP");
    CHECK(c.Get("/api/state?room=K7QP")->status == 403);
    CHECK(c.Get(("/api/state?room=" + code).c_str())->status == 200);
    CHECK(voting.server->join().address.ends_with("/?room=" + code));
    CHECK(voting.server->join().qr_size >= 21);
}

TEST_CASE("vote server: shared tablets get a fresh device token on request") {
    Voting voting;
    auto c = voting.client();
    CHECK(vote(c, quiz_vote(1), voting.token(1))->status == 200);
    const auto fresh =
        c.Post("/api/device?room=K7QP", httplib::Headers{{"Cookie", "lectern_device=" + voting.token(1)}},
               "{}", "application/json");
    REQUIRE(fresh);
    CHECK(fresh->status == 200);
    const std::string cookie = fresh->get_header_value("Set-Cookie");
    REQUIRE(cookie.starts_with("lectern_device="));
    const std::string next = cookie.substr(15, cookie.find(';') - 15);
    CHECK(next != voting.token(1));
    CHECK(vote(c, quiz_vote(2), next)->body ==
          R"({"ok":true,"changed":false})"); // the next pupil counts anew
    CHECK(total_counts(*voting.book->copy_of("phone-number")) == std::vector<int>{1, 1, 0});
}

TEST_CASE("vote server: a port in use is reported, not fatal") {
    Voting voting;
    VoteServerOptions options;
    options.bind = "127.0.0.1";
    options.port = voting.server->port();
    const auto second =
        VoteServer::start(options, *voting.book, std::make_shared<const Deck>(test::every_layout()), {});
    REQUIRE_FALSE(second);
    CHECK(second.error().find("--port") != std::string::npos);
}

TEST_CASE("vote server: slow and half-open connections get 408 at their deadline") {
    VoteServerOptions options;
    options.http.header_deadline = std::chrono::milliseconds(800);
    options.http.body_deadline = std::chrono::milliseconds(800);
    options.http.connections_per_address = 8;
    Voting voting(options);
    const int port = voting.port();
    // One machine opens many connections and sends half a request on each, half a body, or nothing.
    std::vector<Connection> slow;
    for (int i = 0; i < 60; ++i) {
        slow.emplace_back("127.0.0.2", port);
        if (i % 3 == 1)
            slow.back().send("POST /api/vote?room=K7QP HTTP/1.1\r\nHo");
        if (i % 3 == 2)
            slow.back().send(http_text("POST", "/api/vote?room=K7QP", port,
                                       "Content-Type: application/json\r\n", quiz_vote(1))
                                 .substr(0, 150));
    }
    // Everyone else still votes at once.
    auto c = voting.client();
    const auto res = vote(c, quiz_vote(1), voting.token(1));
    REQUIRE(res);
    CHECK(res->status == 200);
    // The 8 let in are answered 408 once their deadline passes; the rest were refused at once (429).
    int timed_out = 0;
    int refused = 0;
    for (Connection& connection : slow) {
        const RawAnswer answer = parse_answer(connection.receive(3000));
        timed_out += answer.status == 408;
        refused += answer.status == 429;
    }
    CHECK(timed_out == 8);
    CHECK(refused == 52);
    slow.clear();
    for (int i = 0; i < 100 && voting.server->connections().connections > 0; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    CHECK(voting.server->connections().connections == 0);
}

TEST_CASE("vote server: a vote that cannot be saved (a full disk) is refused, never acknowledged") {
    Voting voting;
    auto c = voting.client();
    CHECK(vote(c, quiz_vote(1), voting.token(1))->status == 200);
    // The file size limit stands in for a full disk: writes past it fail (EFBIG), even as root.
    std::signal(SIGXFSZ, SIG_IGN);
    rlimit saved{};
    REQUIRE(getrlimit(RLIMIT_FSIZE, &saved) == 0);
    rlimit tight = saved;
    tight.rlim_cur = 0;
    REQUIRE(setrlimit(RLIMIT_FSIZE, &tight) == 0);
    const auto refused = vote(c, quiz_vote(2), voting.token(2));
    setrlimit(RLIMIT_FSIZE, &saved);
    REQUIRE(refused);
    CHECK(refused->status == 503);
    CHECK(refused->body.find("could not be saved") != std::string::npos);
    CHECK(voting.book->problem().find("Results could not be saved") == 0);
    CHECK(total_counts(*voting.book->copy_of("phone-number")) == std::vector<int>{1, 0, 0}); // taken back
    // Room again: votes are saved and acknowledged as before, and the problem clears.
    CHECK(vote(c, quiz_vote(3), voting.token(3))->status == 200);
    CHECK(voting.book->problem().empty());
    const Expected<std::optional<StoredResults>> stored =
        read_latest_results(test::every_layout_path(), test::every_layout());
    REQUIRE(stored);
    REQUIRE(*stored);
    const PollState& poll = (*stored)->polls.at("phone-number");
    // The log names devices by the id inside their token (its first 32 hex digits).
    CHECK(poll.device_votes.count(voting.token(1).substr(0, 32)) == 1);
    CHECK(poll.device_votes.count(voting.token(3).substr(0, 32)) == 1);
    CHECK(poll.device_votes.count(voting.token(2).substr(0, 32)) == 0); // never acknowledged, never on disk
}

TEST_CASE("vote server: every interactive slide of the pupils' deck takes votes from a device") {
    test::TempDataHome home;
    const std::filesystem::path path = test::source_dir() / "slides/qzone-pupils.toml";
    DeckLoadResult loaded = load_deck_file(path);
    REQUIRE(loaded.deck);
    const Deck& deck = *loaded.deck;
    Expected<StoreOpening> opening = ResultsStore::open(path, deck, 0, std::chrono::system_clock::now());
    REQUIRE(opening);
    PollBook book(polls_for(deck), std::move(opening->store), "");
    VoteServerOptions options = on_loopback();
    const auto started = VoteServer::start(options, book, std::make_shared<const Deck>(deck), {});
    REQUIRE_MESSAGE(started, (started ? "" : started.error()));
    const std::unique_ptr<VoteServer>& server = *started;
    httplib::Client c("127.0.0.1", server->port());
    int questions = 0;
    for (std::size_t i = 0; i < deck.slides.size(); ++i) {
        const Slide& slide = deck.slides[i];
        if (!is_interactive(slide.layout))
            continue;
        CAPTURE(slide.id);
        ++questions;
        book.apply(PollRecord::opened(slide.id));
        server->show(i);
        const std::string body = slide.layout == SlideLayout::Words
                                     ? R"({"poll": ")" + slide.id + R"(", "text": "be kind"})"
                                     : R"({"poll": ")" + slide.id + R"(", "choices": [)" +
                                           (slide.layout == SlideLayout::Scale ? "3" : "1") + "]}";
        const auto res = vote(c, body); // a new device each time: this machine is not limited
        REQUIRE(res);
        CHECK(res->status == 200);
        book.apply(PollRecord::closed(slide.id));
    }
    CHECK(questions >= 10);
}

TEST_CASE("vote server: when results cannot be kept at all, votes are refused with 503, never acknowledged") {
    const Deck& deck = test::every_layout();
    PollBook book(polls_for(deck), std::nullopt, "Results are not being kept: no home folder");
    VoteServerOptions options = on_loopback();
    const auto server = start_on_quiz(book, options);
    httplib::Client c("127.0.0.1", server->port());
    const auto res = vote(c, quiz_vote(1));
    REQUIRE(res);
    CHECK(res->status == 503);
    CHECK(total_counts(*book.copy_of("phone-number")) == std::vector<int>{0, 0, 0});
}

namespace {

// An IPv4 address of this machine outside loopback and the private ranges, if it has one ("" if not).
std::string public_address_of_this_machine() {
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0)
        return {};
    std::string found;
    for (const ifaddrs* entry = list; entry && found.empty(); entry = entry->ifa_next) {
        if (!entry->ifa_addr || entry->ifa_addr->sa_family != AF_INET)
            continue;
        char text[INET_ADDRSTRLEN] = "";
        inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(entry->ifa_addr)->sin_addr, text,
                  sizeof text);
        if (!is_school_network(text))
            found = text;
    }
    freeifaddrs(list);
    return found;
}

} // namespace

TEST_CASE("vote server: a device outside the school network's ranges gets 403") {
    const std::string outside = public_address_of_this_machine();
    if (outside.empty()) {
        MESSAGE("this machine has no address outside the private ranges to test from; the ranges themselves "
                "are tested in core_tests");
        return;
    }
    Voting voting; // on 127.0.0.1: the machine's own other address can still reach it
    const std::string request = http_text("GET", "/api/state?room=K7QP", voting.port());
    CHECK(request_from(outside.c_str(), voting.port(), request).status == 403);
    CHECK(request_from("127.0.0.1", voting.port(), request).status == 200);
}

TEST_CASE("vote server: the README's table of budgets is the code's") {
    std::ifstream readme(test::source_dir() / "README.md");
    std::map<std::string, std::string> table;
    std::string line;
    bool in_table = false;
    while (std::getline(readme, line)) {
        if (line.find("| budget | limit |") != std::string::npos)
            in_table = true;
        else if (in_table && line.find('|') == std::string::npos)
            break;
        else if (in_table && !line.ends_with("---|")) {
            const std::size_t start = line.find("| ") + 2;
            const std::size_t middle = line.find(" | ", start);
            table[line.substr(start, middle - start)] =
                line.substr(middle + 3, line.rfind(" |") - middle - 3);
        }
    }
    const VoteServerOptions options;
    const HttpLimits& http = options.http;
    const auto seconds = [](std::chrono::milliseconds ms) {
        return std::to_string(ms.count() / 1000) + " s";
    };
    CHECK(table["connections per address"] == std::to_string(http.connections_per_address));
    CHECK(table["event streams per address"] == std::to_string(http.streams_per_address));
    CHECK(table["connections in all"] == std::to_string(http.max_connections));
    CHECK(table["event streams in all"] == std::to_string(http.max_streams));
    CHECK(table["request headers arrive within"] == seconds(http.header_deadline));
    CHECK(table["request body arrives within"] == seconds(http.body_deadline) + " more");
    CHECK(table["an idle kept-alive connection closes after"] == seconds(http.idle_timeout));
    CHECK(table["largest request body"] == std::to_string(http.max_body_bytes / 1024) + " KiB");
    CHECK(table["new devices per address a minute"] == std::to_string(options.devices_per_address));
    CHECK(table["wrong room codes per address before the wait"] ==
          std::to_string(static_cast<int>(options.room_guess_rule.burst)));
    CHECK(table["then one more every"] ==
          std::to_string(static_cast<int>(1 / options.room_guess_rule.per_second)) + " s");
    CHECK(table["written answers per device per question"] ==
          std::to_string(options.answer_limits.per_device));
    CHECK(table["written answers waiting per question"] == std::to_string(options.answer_limits.waiting));
}

TEST_CASE("vote server: after a crash and restart, a device keeps its token and changes its vote") {
    test::TempDataHome home;
    const Deck& deck = test::every_layout();
    std::string token;
    for (int run = 0; run < 2; ++run) {
        Expected<StoreOpening> opening =
            ResultsStore::open(test::every_layout_path(), deck, 0, std::chrono::system_clock::now());
        REQUIRE(opening);
        CHECK(opening->restored == (run == 1));
        VoteServerOptions options = on_loopback();
        options.device_key = session_key_for(opening->store.log_path());
        REQUIRE(options.device_key);
        std::map<std::string, PollState> polls = polls_for(deck);
        for (auto& [id, poll] : opening->polls)
            polls[id] = poll;
        PollBook book(std::move(polls), std::move(opening->store), "");
        const auto server = start_on_quiz(book, options);
        httplib::Client c("127.0.0.1", server->port());
        const auto res = vote(c, quiz_vote(run + 1), token);
        REQUIRE(res);
        CHECK(res->status == 200);
        if (run == 0) {
            token = res->get_header_value("Set-Cookie").substr(15, 64);
        } else {
            CHECK(res->body == R"({"ok":true,"changed":true})"); // the same device, not a new one
            CHECK_FALSE(res->has_header("Set-Cookie"));
            CHECK(total_counts(*book.copy_of("phone-number")) == std::vector<int>{0, 1, 0});
        }
        // The process dies here: the log (and the key beside it) stay.
    }
}
