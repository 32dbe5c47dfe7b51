// Voting in your own language over real loopback sockets (docs/vote-api.md, "Languages (version 3)"):
// each device is answered in its language (?lang=, else Accept-Language, else the deck's own), every
// language counts into the one poll, event streams each get their own language, and no language is
// kept anywhere. The attacks first: oversized and bogus tags and headers.
#include "core/deck/deck_loader.h"
#include "core/polls/poll_record.h"
#include "net_fixture.h"

#include <doctest/doctest.h>

#include <atomic>
#include <fstream>
#include <sstream>
#include <thread>

using namespace lectern;
using namespace lectern::test;

namespace {

constexpr std::size_t translated_poll_slide = 6; // "used-qq": Yes, No, Not sure; in pl and ur

// The translated test deck served over a fresh results store, its poll on screen and open.
struct TranslatedVoting {
    TempDataHome home;
    std::shared_ptr<const Deck> deck;
    std::unique_ptr<PollBook> book;
    std::unique_ptr<VoteServer> server;

    TranslatedVoting() {
        const std::filesystem::path path = source_dir() / "tests/decks/valid/translated.toml";
        DeckLoadResult loaded = load_deck_file(path);
        REQUIRE(loaded.deck);
        deck = std::make_shared<const Deck>(std::move(*loaded.deck));
        Expected<StoreOpening> opening = ResultsStore::open(path, *deck, 0, std::chrono::system_clock::now());
        REQUIRE(opening);
        book = std::make_unique<PollBook>(polls_for(*deck), std::move(opening->store), "");
        auto started = VoteServer::start(on_loopback(), *book, deck, {});
        REQUIRE_MESSAGE(started, (started ? "" : started.error()));
        server = std::move(*started);
        REQUIRE(deck->slides[translated_poll_slide].id == "used-qq");
        book->apply(PollRecord::opened("used-qq"));
        server->show(translated_poll_slide);
    }
    httplib::Client client() const { return httplib::Client("127.0.0.1", server->port()); }
};

std::string state_body(httplib::Client& c, const std::string& target,
                       const std::string& accept_language = "") {
    httplib::Headers headers;
    if (!accept_language.empty())
        headers.emplace("Accept-Language", accept_language);
    const auto res = c.Get(target, headers);
    REQUIRE(res);
    CHECK(res->status == 200);
    return res->body;
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// Every file under `dir`, read whole, one after another.
std::string every_file_under(const std::filesystem::path& dir) {
    std::string all;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
        if (!entry.is_regular_file())
            continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        all += text.str();
    }
    return all;
}

} // namespace

TEST_CASE("languages: oversized and bogus tags and headers get the deck's own language, never an error") {
    TranslatedVoting voting;
    auto c = voting.client();
    const std::string huge_tag(4000, 'p');
    for (const std::string& target :
         {"/api/state?room=K7QP&lang=" + huge_tag, std::string("/api/state?room=K7QP&lang=%00pl"),
          std::string("/api/state?room=K7QP&lang=%22%3E%3Cscript%3E"),
          std::string("/api/state?room=K7QP&lang=xx"), std::string("/api/state?room=K7QP&lang=&lang=ur")}) {
        CAPTURE(target.substr(0, 80));
        const std::string body = state_body(c, target);
        CHECK(has(body, "\"question\":\"Have you used QQ?\""));
        CHECK(has(body, "\"poll\":{\"id\":\"used-qq\""));
        CHECK_FALSE(has(body, "script"));
    }
    std::string header;
    while (header.size() < 6000)
        header += "xx-YY;q=0.9,";
    CHECK(has(state_body(c, "/api/state?room=K7QP", header + "pl"), "\"language\":\"en-GB\""));
    CHECK(has(state_body(c, "/api/state?room=K7QP", "pl;q=banana"), "\"language\":\"en-GB\""));
    // A right room code is still needed, whatever the language.
    const auto refused = c.Get("/api/state?room=ZZZZ&lang=pl");
    REQUIRE(refused);
    CHECK(refused->status == 403);
}

TEST_CASE("languages: a device is answered in ?lang=, else its Accept-Language, else the deck's own") {
    TranslatedVoting voting;
    auto c = voting.client();
    const std::string polish = state_body(c, "/api/state?room=K7QP&lang=pl");
    CHECK(has(polish, R"("question":"Czy używasz QQ?","options":["Tak","Nie","Nie wiem"])"));
    CHECK(has(polish, R"("language":"pl","letters":["A","B","C"],"colours":["#)"));
    CHECK(has(polish, R"({"tag":"pl","name":"polski"})"));
    const std::string urdu = state_body(c, "/api/state?room=K7QP", "ur-PK,ur;q=0.9,en;q=0.5");
    CHECK(has(urdu, "\"question\":\"کیا آپ نے QQ استعمال کیا ہے؟\""));
    CHECK(has(urdu, "\"language\":\"ur\""));
    CHECK(has(state_body(c, "/api/state?room=K7QP&lang=pl", "ur"), "\"language\":\"pl\"")); // the picker wins
    const std::string english = state_body(c, "/api/state?room=K7QP");
    CHECK(has(english, "\"question\":\"Have you used QQ?\""));
    CHECK(has(english, "\"language\":\"en-GB\""));
    CHECK(english.starts_with(R"({"slide":7,"poll":{"id":"used-qq","layout":"poll")")); // version 2's start
}

TEST_CASE("languages: a Polish, an Urdu and an English device vote into one set of results") {
    TranslatedVoting voting;
    auto c = voting.client();
    // Each device asks in its language, then votes by option number, as the voter page does.
    state_body(c, "/api/state?room=K7QP&lang=pl");
    auto polish = vote(c, R"({"poll": "used-qq", "choices": [1]})");
    state_body(c, "/api/state?room=K7QP", "ur");
    auto urdu = vote(c, R"({"poll": "used-qq", "choices": [1]})");
    auto english = vote(c, R"({"poll": "used-qq", "choices": [2]})");
    REQUIRE(polish);
    REQUIRE(urdu);
    REQUIRE(english);
    CHECK(polish->status == 200);
    CHECK(urdu->status == 200);
    CHECK(english->status == 200);
    const std::vector<int> counts = voting.book->read(
        [](const std::map<std::string, PollState>& polls) { return total_counts(polls.at("used-qq")); });
    CHECK(counts == std::vector<int>{2, 1, 0});
    voting.book->apply(PollRecord::revealed("used-qq"));
    voting.server->polls_changed();
    for (const auto& [target, accept] :
         {std::pair<std::string, std::string>{"/api/state?room=K7QP&lang=pl", ""},
          {"/api/state?room=K7QP", "ur"},
          {"/api/state?room=K7QP", ""}}) {
        CAPTURE(target);
        CHECK(has(state_body(c, target, accept), "\"results\":[2,1,0]")); // never split by language
    }
    // Nothing of the devices' languages is kept on disk: the results carry option numbers only.
    voting.server.reset();
    voting.book.reset();
    const std::string on_disk = every_file_under(voting.home.path());
    CHECK_FALSE(on_disk.empty());
    CHECK_FALSE(has(on_disk, "\"pl\""));
    CHECK_FALSE(has(on_disk, "\"ur\""));
    CHECK_FALSE(has(on_disk, "Accept-Language"));
}

TEST_CASE("languages: each event stream gets every change in its own language") {
    TranslatedVoting voting;
    struct Follower {
        std::string target;
        std::string accept_language;
        std::string received;
    };
    std::vector<Follower> followers{{"/api/events?room=K7QP&lang=pl", "", {}},
                                    {"/api/events?room=K7QP", "ur", {}},
                                    {"/api/events?room=K7QP&lang=pl", "", {}},
                                    {"/api/events?room=K7QP", "", {}}};
    std::vector<std::thread> threads;
    for (Follower& f : followers)
        threads.emplace_back([&voting, &f] {
            auto c = voting.client();
            httplib::Headers headers;
            if (!f.accept_language.empty())
                headers.emplace("Accept-Language", f.accept_language);
            c.Get(f.target, headers, [&f](const char* data, std::size_t length) {
                f.received.append(data, length);
                return f.received.find("\"revealed\":true") == std::string::npos; // until the reveal
            });
        });
    while (voting.server->connections().streams < followers.size())
        std::this_thread::yield(); // all four following before the teacher reveals
    voting.book->apply(PollRecord::revealed("used-qq"));
    voting.server->polls_changed();
    for (std::thread& t : threads)
        t.join();
    const auto reveal_of = [](const std::string& received) {
        return received.substr(received.rfind("event: state"));
    };
    CHECK(has(reveal_of(followers[0].received), "\"question\":\"Czy używasz QQ?\""));
    CHECK(has(reveal_of(followers[1].received), "\"language\":\"ur\""));
    CHECK(has(reveal_of(followers[2].received), "\"options\":[\"Tak\",\"Nie\",\"Nie wiem\"]"));
    CHECK(has(reveal_of(followers[3].received), "\"question\":\"Have you used QQ?\""));
    CHECK(reveal_of(followers[0].received) == reveal_of(followers[2].received)); // one JSON per language
    for (const Follower& f : followers)
        CHECK(has(reveal_of(f.received), "\"results\":[0,0,0]"));
}
