// The voting server over real loopback sockets: every status of vote-api.md, device tokens, changed
// votes, closed polls, the room code, body limits, rate limits, the event stream and a burst of
// concurrent votes whose totals must come out exact and on disk.
#include "../app/store_fixture.h"
#include "core/poll_record.h"
#include "core/school_network.h"
#include "net/vote_server.h"

#include <doctest/doctest.h>
#include <httplib.h>

#include <arpa/inet.h>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace lectern;

namespace {

constexpr std::size_t poll_slide = 8;   // multiple choice, 4 options
constexpr std::size_t quiz_slide = 9;   // one choice of 3
constexpr std::size_t scale_slide = 10; // 7 steps
constexpr std::size_t words_slide = 11; // written answers

// A server on a free loopback port over a fresh results store, with the quiz on screen and open.
struct Voting {
    test::TempDataHome home;
    std::unique_ptr<PollBook> book;
    std::unique_ptr<VoteServer> server;
    std::atomic<int> wakes = 0;

    explicit Voting(VoteServerOptions options = {}) {
        const Deck& deck = test::every_layout();
        StoreOpening opening =
            ResultsStore::open(test::every_layout_path(), deck, 0, std::chrono::system_clock::now());
        REQUIRE(opening.store);
        book = std::make_unique<PollBook>(polls_for(deck), std::move(opening.store), "");
        options.bind = "127.0.0.1";
        options.port = 0;
        options.room_code = "K7QP";
        std::string error;
        server = VoteServer::start(
            options, *book, deck, [this] { ++wakes; }, error);
        REQUIRE_MESSAGE(server, error);
        show(quiz_slide);
    }

    void show(std::size_t slide) {
        const std::string& id = test::every_layout().slides[slide].id;
        book->apply(PollRecord::opened(id));
        server->show(slide);
    }
    std::string id(std::size_t slide) const { return test::every_layout().slides[slide].id; }
    httplib::Client client() const {
        httplib::Client c("127.0.0.1", server->port());
        c.set_read_timeout(5);
        return c;
    }
};

// Posts a vote as the device with `token` ("" = no cookie yet).
httplib::Result vote(httplib::Client& c, const std::string& body, const std::string& token = "",
                     const std::string& room = "K7QP") {
    httplib::Headers headers;
    if (!token.empty())
        headers.emplace("Cookie", "lectern_device=" + token);
    return c.Post(("/api/vote?room=" + room).c_str(), headers, body, "application/json");
}

std::string token(int n) {
    char text[33];
    std::snprintf(text, sizeof text, "%032x", n);
    return text;
}

std::string quiz_vote(int choice) {
    return R"({"poll": "phone-number", "choices": [)" + std::to_string(choice) + "]}";
}

} // namespace

TEST_CASE("vote server: the voter page is one self-contained page, with the privacy reminders") {
    Voting voting;
    auto c = voting.client();
    const auto page = c.Get("/");
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK(page->get_header_value("Content-Security-Policy").find("default-src 'none'") != std::string::npos);
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
    CHECK(state->body == R"({"slide":1,"poll":null})");
    voting.server->show(quiz_slide);
    state = c.Get("/api/state?room=k7qp"); // pupils may type the code in lower case
    REQUIRE(state);
    CHECK(state->body.find(R"({"slide":10,"poll":{"id":"phone-number","layout":"quiz")") == 0);
    CHECK(state->body.find("\"open\":true") != std::string::npos);
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
    const auto res = vote(c, quiz_vote(1), token(1), "ABCD");
    REQUIRE(res);
    CHECK(res->status == 403);
    CHECK(res->body.find("room code") != std::string::npos);
}

TEST_CASE("vote server: one vote per device; voting again changes it and never counts twice") {
    Voting voting;
    auto c = voting.client();
    auto first = vote(c, quiz_vote(1), token(1));
    REQUIRE(first);
    CHECK(first->status == 200);
    CHECK(first->body == R"({"ok":true,"changed":false})");
    auto again = vote(c, quiz_vote(2), token(1));
    REQUIRE(again);
    CHECK(again->body == R"({"ok":true,"changed":true})");
    vote(c, quiz_vote(2), token(2));
    const auto poll = voting.book->copy_of("phone-number");
    CHECK(total_counts(*poll) == std::vector<int>{0, 2, 0});
    // Acknowledged means on disk: the log replays to the same totals.
    const ResultsLookup stored = read_latest_results(test::every_layout_path(), test::every_layout());
    REQUIRE(stored.results);
    CHECK(total_counts(stored.results->polls.at("phone-number")) == std::vector<int>{0, 2, 0});
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
    auto closed = vote(c, quiz_vote(1), token(1));
    REQUIRE(closed);
    CHECK(closed->status == 409);
    CHECK(closed->body.find("not open") != std::string::npos);
    auto elsewhere = vote(c, R"({"poll": ")" + voting.id(scale_slide) + R"(", "choices": [3]})", token(1));
    REQUIRE(elsewhere);
    CHECK(elsewhere->status == 409);
    auto unknown = vote(c, R"({"poll": "no-such-poll", "choices": [1]})", token(1));
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
        const auto res = vote(c, body, token(7));
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
        vote(c, R"({"poll": "phone-number", "text": ")" + std::string(5000, 'a') + "\"}", token(1));
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
    CHECK(vote(c, R"({"poll": ")" + words + R"(", "text": "be kind"})", token(1))->status == 200);
    CHECK(vote(c, R"({"poll": ")" + words + R"(", "text": "07700 900123"})", token(2))->status == 200);
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
        const auto res = vote(c, quiz_vote(choice), token(1));
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
    const auto last = vote(c, quiz_vote(3), token(1));
    REQUIRE(last);
    CHECK(last->status == 200);
    CHECK(total_counts(*voting.book->copy_of("phone-number")) == std::vector<int>{0, 0, 1});
}

namespace {

// A connection to the server from a chosen loopback source address (127.0.0.2 is not exempt from the
// per-address limits the way the presenting machine's own 127.0.0.1 is), after sending `text`.
int connection_from(const char* source, int port, const std::string& text) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in from{};
    from.sin_family = AF_INET;
    inet_pton(AF_INET, source, &from.sin_addr);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(static_cast<std::uint16_t>(port));
    inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
    if (::bind(fd, reinterpret_cast<sockaddr*>(&from), sizeof from) != 0 ||
        ::connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0 ||
        ::send(fd, text.data(), text.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(text.size())) {
        ::close(fd);
        return -1;
    }
    return fd;
}

// A whole request from `source`; the status code of its answer, or 0.
int status_from(const char* source, int port, const std::string& request) {
    const int fd = connection_from(source, port, request);
    if (fd < 0)
        return 0;
    char reply[64] = {};
    const int status = ::recv(fd, reply, sizeof reply - 1, 0) > 12 ? std::atoi(reply + 9) : 0;
    ::close(fd);
    return status;
}

} // namespace

TEST_CASE("vote server: many requests from one address are limited too") {
    VoteServerOptions options;
    options.address_rule = {1, 4};
    Voting voting(options);
    std::vector<int> statuses;
    for (int i = 0; i < 6; ++i) {
        const std::string body = quiz_vote(1);
        statuses.push_back(status_from("127.0.0.2", voting.server->port(),
                                       "POST /api/vote?room=K7QP HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                                       "Cookie: lectern_device=" +
                                           token(100 + i) +
                                           "\r\nContent-Type: application/json\r\nContent-Length: " +
                                           std::to_string(body.size()) + "\r\n\r\n" + body));
    }
    CHECK(statuses == std::vector<int>{200, 200, 200, 200, 429, 429});
}

TEST_CASE("vote server: a burst of concurrent votes from many devices gives exact totals") {
    Voting voting;
    constexpr int devices = 300;
    std::vector<std::thread> threads;
    std::atomic<int> acknowledged = 0;
    for (int t = 0; t < 30; ++t) {
        threads.emplace_back([&, t] {
            auto c = voting.client();
            for (int d = t; d < devices; d += 30) {
                // Each device votes, then changes its mind to choice (d % 3) + 1.
                vote(c, quiz_vote(1), token(d));
                const auto res = vote(c, quiz_vote(d % 3 + 1), token(d));
                if (res && res->status == 200)
                    ++acknowledged;
            }
        });
    }
    for (std::thread& thread : threads)
        thread.join();
    CHECK(acknowledged == devices);
    CHECK(total_counts(*voting.book->copy_of("phone-number")) == std::vector<int>{100, 100, 100});
    const ResultsLookup stored = read_latest_results(test::every_layout_path(), test::every_layout());
    REQUIRE(stored.results);
    CHECK(total_counts(stored.results->polls.at("phone-number")) == std::vector<int>{100, 100, 100});
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
    CHECK(vote(c, quiz_vote(1), token(1))->status == 200);
    const auto fresh =
        c.Post("/api/device?room=K7QP", httplib::Headers{{"Cookie", "lectern_device=" + token(1)}}, "",
               "application/json");
    REQUIRE(fresh);
    CHECK(fresh->status == 200);
    const std::string cookie = fresh->get_header_value("Set-Cookie");
    REQUIRE(cookie.starts_with("lectern_device="));
    const std::string next = cookie.substr(15, 32);
    CHECK(next != token(1));
    CHECK(vote(c, quiz_vote(2), next)->body ==
          R"({"ok":true,"changed":false})"); // the next pupil counts anew
    CHECK(total_counts(*voting.book->copy_of("phone-number")) == std::vector<int>{1, 1, 0});
}

TEST_CASE("vote server: a port in use is reported, not fatal") {
    Voting voting;
    VoteServerOptions options;
    options.bind = "127.0.0.1";
    options.port = voting.server->port();
    std::string error;
    const auto second = VoteServer::start(options, *voting.book, test::every_layout(), {}, error);
    CHECK_FALSE(second);
    CHECK(error.find("--port") != std::string::npos);
}

namespace {

// Whether the server has closed the connection (or does within `ms`), after any answer it gave (a 400
// for half a request): an orderly close, or a reset when it closed with part of a request unread.
bool closed_within(int fd, int ms) {
    timeval wait{ms / 1000, (ms % 1000) * 1000};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
    char buffer[512];
    while (true) {
        const ssize_t got = ::recv(fd, buffer, sizeof buffer, 0);
        if (got > 0)
            continue;
        return got == 0 || (errno != EAGAIN && errno != EWOULDBLOCK);
    }
}

} // namespace

TEST_CASE("vote server: slow and half-open connections cannot use up the server") {
    VoteServerOptions options;
    options.request_deadline = std::chrono::milliseconds(800);
    options.connections_per_address = 8;
    Voting voting(options);
    const int port = voting.server->port();
    // One machine opens many connections and sends half a request on each, or nothing.
    std::vector<int> slow;
    for (int i = 0; i < 60; ++i)
        slow.push_back(
            connection_from("127.0.0.2", port, i % 2 ? "POST /api/vote?room=K7QP HTTP/1.1\r\nHo" : ""));
    // Everyone else still votes at once.
    auto c = voting.client();
    const auto start = std::chrono::steady_clock::now();
    const auto res = vote(c, quiz_vote(1), token(1));
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::milliseconds(500));
    // The slow ones are cut off once the deadline passes, every one of them.
    std::this_thread::sleep_for(std::chrono::milliseconds(1000));
    int closed = 0;
    for (int fd : slow) {
        closed += closed_within(fd, 2000) ? 1 : 0;
        ::close(fd);
    }
    CHECK(closed == 60);
}

TEST_CASE("vote server: a vote that cannot be saved (a full disk) is refused, never acknowledged") {
    Voting voting;
    auto c = voting.client();
    CHECK(vote(c, quiz_vote(1), token(1))->status == 200);
    // The file size limit stands in for a full disk: writes past it fail (EFBIG), even as root.
    std::signal(SIGXFSZ, SIG_IGN);
    rlimit saved{};
    REQUIRE(getrlimit(RLIMIT_FSIZE, &saved) == 0);
    rlimit tight = saved;
    tight.rlim_cur = 0;
    REQUIRE(setrlimit(RLIMIT_FSIZE, &tight) == 0);
    const auto refused = vote(c, quiz_vote(2), token(2));
    setrlimit(RLIMIT_FSIZE, &saved);
    REQUIRE(refused);
    CHECK(refused->status == 503);
    CHECK(refused->body.find("could not be saved") != std::string::npos);
    CHECK(voting.book->problem().find("Results could not be saved") == 0);
    CHECK(total_counts(*voting.book->copy_of("phone-number")) == std::vector<int>{1, 0, 0}); // taken back
    // Room again: votes are saved and acknowledged as before, and the problem clears.
    CHECK(vote(c, quiz_vote(3), token(3))->status == 200);
    CHECK(voting.book->problem().empty());
    const ResultsLookup stored = read_latest_results(test::every_layout_path(), test::every_layout());
    REQUIRE(stored.results);
    const PollState& poll = stored.results->polls.at("phone-number");
    CHECK(poll.device_votes.count(token(1)) == 1);
    CHECK(poll.device_votes.count(token(3)) == 1);
    CHECK(poll.device_votes.count(token(2)) == 0); // never acknowledged, never on disk
}

TEST_CASE("vote server: every interactive slide of the pupils' deck takes votes from a device") {
    test::TempDataHome home;
    const std::filesystem::path path = test::source_dir() / "slides/qzone-pupils.toml";
    DeckLoadResult loaded = load_deck_file(path);
    REQUIRE(loaded.deck);
    const Deck& deck = *loaded.deck;
    StoreOpening opening = ResultsStore::open(path, deck, 0, std::chrono::system_clock::now());
    REQUIRE(opening.store);
    PollBook book(polls_for(deck), std::move(opening.store), "");
    VoteServerOptions options;
    options.bind = "127.0.0.1";
    options.port = 0;
    options.room_code = "K7QP";
    std::string error;
    const auto server = VoteServer::start(options, book, deck, {}, error);
    REQUIRE(server);
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
        const auto res = vote(c, body, token(1));
        REQUIRE(res);
        CHECK(res->status == 200);
        book.apply(PollRecord::closed(slide.id));
    }
    CHECK(questions >= 10);
}

TEST_CASE("vote server: when results cannot be kept at all, votes are refused with 503, never acknowledged") {
    const Deck& deck = test::every_layout();
    PollBook book(polls_for(deck), std::nullopt, "Results are not being kept: no home folder");
    VoteServerOptions options;
    options.bind = "127.0.0.1";
    options.port = 0;
    options.room_code = "K7QP";
    std::string error;
    const auto server = VoteServer::start(options, book, deck, {}, error);
    REQUIRE(server);
    book.apply(PollRecord::opened("phone-number"));
    server->show(quiz_slide);
    httplib::Client c("127.0.0.1", server->port());
    const auto res = vote(c, quiz_vote(1), token(1));
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
    const std::string request = "GET /api/state?room=K7QP HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    CHECK(status_from(outside.c_str(), voting.server->port(), request) == 403);
    CHECK(status_from("127.0.0.1", voting.server->port(), request) == 200);
}
