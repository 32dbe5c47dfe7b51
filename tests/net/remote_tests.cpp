// The teacher's remote over real loopback sockets (docs/vote-api.md, "The teacher's remote"). The
// attacks first: a pupil who knows the address guessing the PIN from one address and from many, using
// the remote without signing in, from another site, or after the teacher signed them out.
#include "net_fixture.h"

#include <doctest/doctest.h>

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using namespace lectern;
using namespace lectern::test;

namespace {

constexpr const char* pin = "246810";

// Stands in for the presentation: takes commands as a key would, tells the server the state after.
struct FakeShow {
    VoteServer* server = nullptr;
    std::mutex mutex;
    std::vector<RemoteCommand> commands;
    std::size_t slide = 1;

    RemoteHooks hooks() {
        RemoteHooks hooks;
        hooks.command = [this](RemoteCommand command, std::function<void()> applied) {
            RemoteState state;
            {
                std::lock_guard lock(mutex);
                commands.push_back(command);
                if (command.action == RemoteAction::Next)
                    ++slide;
                if (command.action == RemoteAction::Goto)
                    slide = command.slide + 1;
                state.slide = slide;
            }
            state.count = 13;
            server->set_remote_state(state);
            applied();
        };
        hooks.slide_png = [](bool next, int width, std::function<void(Expected<std::string>)> done) {
            if (next)
                done(Failure{"this is the last slide"});
            else
                done(std::string("\x89PNG fake ") + std::to_string(width));
        };
        return hooks;
    }
};

VoteServerOptions remote_options(FakeShow& show) {
    VoteServerOptions options;
    options.remote_pin = pin;
    options.remote_hooks = show.hooks();
    return options;
}

std::string json_headers() {
    return "Content-Type: application/json\r\n";
}

RawAnswer login_from(const char* source, int port, const std::string& given) {
    return request_from(
        source, port,
        http_text("POST", "/api/remote/login", port, json_headers(), R"({"pin": ")" + given + "\"}"));
}

// The lectern_remote cookie a sign-in set, as "lectern_remote=...".
std::string cookie_of(const RawAnswer& answer) {
    const std::string set = answer.header("Set-Cookie");
    return set.substr(0, set.find(';'));
}

RawAnswer as_remote(const char* source, int port, const std::string& cookie, const std::string& method,
                    const std::string& target, const std::string& body = "") {
    const std::string headers = (cookie.empty() ? "" : "Cookie: " + cookie + "\r\n") +
                                (method == "POST" ? json_headers() : std::string());
    return request_from(source, port, http_text(method, target, port, headers, body));
}

} // namespace

TEST_CASE("remote: nothing but the page and sign-in answers without the cookie") {
    FakeShow show;
    Voting voting(remote_options(show));
    show.server = voting.server.get();
    const int port = voting.port();
    const RawAnswer page = as_remote("127.0.0.2", port, "", "GET", "/remote");
    CHECK(page.status == 200);
    CHECK(page.header("Content-Type").starts_with("text/html"));
    CHECK(page.header("Content-Security-Policy").find("default-src 'none'") != std::string::npos);
    // Only the page's own script and style run, by their hashes: no 'unsafe-inline'.
    CHECK(page.header("Content-Security-Policy").find("script-src 'sha256-") != std::string::npos);
    CHECK(page.header("Content-Security-Policy").find("unsafe-inline") == std::string::npos);
    CHECK(page.body.find(pin) == std::string::npos);
    for (const auto& [method, target] : std::vector<std::pair<std::string, std::string>>{
             {"GET", "/api/remote/state"},
             {"GET", "/api/remote/events"},
             {"GET", "/api/remote/slide.png?which=current&width=320"},
             {"POST", "/api/remote/command"}}) {
        CAPTURE(target);
        CHECK(as_remote("127.0.0.2", port, "", method, target, R"({"command": "next"})").status == 401);
        CHECK(as_remote("127.0.0.2", port, "lectern_remote=0123456789abcdef", method, target,
                        R"({"command": "next"})")
                  .status == 401);
    }
    CHECK(show.commands.empty());
    CHECK(as_remote("127.0.0.2", port, "", "GET", "/api/remote/nothing").status == 404);
    CHECK(as_remote("127.0.0.2", port, "", "GET", "/api/remote/login").status == 405);
}

TEST_CASE(
    "remote: five wrong PINs from one address, then one every 30 s; the teacher's phone is not held up") {
    FakeShow show;
    Voting voting(remote_options(show));
    show.server = voting.server.get();
    const int port = voting.port();
    for (int i = 0; i < remote_wrong_pins_free; ++i)
        CHECK(login_from("127.0.3.1", port, "000000").status == 403);
    const RawAnswer waiting = login_from("127.0.3.1", port, pin); // even the right one waits
    CHECK(waiting.status == 429);
    CHECK(std::stoi(waiting.header("Retry-After")) >= 29);
    CHECK(waiting.header("Set-Cookie").empty());
    const RawAnswer teacher = login_from("127.0.3.2", port, pin);
    REQUIRE(teacher.status == 200);
    const std::string cookie = teacher.header("Set-Cookie");
    CHECK(cookie.starts_with("lectern_remote="));
    CHECK(cookie.find("HttpOnly") != std::string::npos);
    CHECK(cookie.find("SameSite=Strict") != std::string::npos);
    CHECK(as_remote("127.0.3.2", port, cookie_of(teacher), "GET", "/api/remote/state").status == 200);
}

TEST_CASE("remote: fifty wrong PINs from many addresses lock it until the teacher unlocks it") {
    FakeShow show;
    Voting voting(remote_options(show));
    show.server = voting.server.get();
    const int port = voting.port();
    int refused = 0;
    for (int i = 0; i < remote_wrong_pins_to_lock; ++i) {
        const std::string source = "127.0.4." + std::to_string(1 + i);
        refused += login_from(source.c_str(), port, "999999").status != 200;
    }
    CHECK(refused == remote_wrong_pins_to_lock);
    CHECK(voting.server->remote_locked());
    CHECK(login_from("127.0.5.1", port, pin).status == 423);
    voting.server->unlock_remote();
    CHECK(login_from("127.0.5.1", port, pin).status == 200);
}

TEST_CASE("remote: a command moves the show and answers with the new state; bad ones are refused") {
    FakeShow show;
    Voting voting(remote_options(show));
    show.server = voting.server.get();
    const int port = voting.port();
    const std::string cookie = cookie_of(login_from("127.0.6.1", port, pin));
    const RawAnswer next =
        as_remote("127.0.6.1", port, cookie, "POST", "/api/remote/command", R"({"command": "next"})");
    CHECK(next.status == 200);
    CHECK(next.body.starts_with(R"({"slide":2,)"));
    const RawAnswer go = as_remote("127.0.6.1", port, cookie, "POST", "/api/remote/command",
                                   R"({"command": "goto", "slide": 13})");
    CHECK(go.status == 200);
    CHECK(go.body.starts_with(R"({"slide":13,)"));
    CHECK(as_remote("127.0.6.1", port, cookie, "GET", "/api/remote/state").body == go.body);
    CHECK(as_remote("127.0.6.1", port, cookie, "POST", "/api/remote/command",
                    R"({"command": "goto", "slide": 14})")
              .status == 400);
    CHECK(as_remote("127.0.6.1", port, cookie, "POST", "/api/remote/command", R"({"command": "quit"})")
              .status == 400);
    // Not JSON, or from another site's page: refused before anything acts.
    const std::string form = "Cookie: " + cookie + "\r\nContent-Type: text/plain\r\n";
    CHECK(request_from("127.0.6.1", port,
                       http_text("POST", "/api/remote/command", port, form, R"({"command":"next"})"))
              .status == 415);
    const std::string other_site =
        "Cookie: " + cookie + "\r\n" + json_headers() + "Origin: http://evil.example\r\n";
    CHECK(request_from("127.0.6.1", port,
                       http_text("POST", "/api/remote/command", port, other_site, R"({"command":"next"})"))
              .status == 403);
    std::lock_guard lock(show.mutex);
    REQUIRE(show.commands.size() == 2);
    CHECK(show.commands[1].action == RemoteAction::Goto);
    CHECK(show.commands[1].slide == 12);
}

TEST_CASE("remote: pictures of the slides, with their width checked") {
    FakeShow show;
    Voting voting(remote_options(show));
    show.server = voting.server.get();
    const int port = voting.port();
    const std::string cookie = cookie_of(login_from("127.0.7.1", port, pin));
    const RawAnswer current =
        as_remote("127.0.7.1", port, cookie, "GET", "/api/remote/slide.png?which=current&width=320");
    CHECK(current.status == 200);
    CHECK(current.header("Content-Type") == "image/png");
    CHECK(current.body == "\x89PNG fake 320");
    CHECK(as_remote("127.0.7.1", port, cookie, "GET", "/api/remote/slide.png?which=next").status == 404);
    CHECK(as_remote("127.0.7.1", port, cookie, "GET", "/api/remote/slide.png?which=current&width=1281")
              .status == 400);
    CHECK(as_remote("127.0.7.1", port, cookie, "GET", "/api/remote/slide.png?which=current&width=0").status ==
          400);
    CHECK(as_remote("127.0.7.1", port, cookie, "GET", "/api/remote/slide.png?which=both").status == 400);
}

TEST_CASE("remote: signed out by the panel, or by a new PIN, a phone is refused at once") {
    FakeShow show;
    Voting voting(remote_options(show));
    show.server = voting.server.get();
    const int port = voting.port();
    const std::string first = cookie_of(login_from("127.0.8.1", port, pin));
    const std::string second = cookie_of(login_from("127.0.8.2", port, pin));
    REQUIRE(voting.server->remotes().size() == 2);
    voting.server->sign_out_remote(voting.server->remotes()[0].number);
    CHECK(as_remote("127.0.8.1", port, first, "GET", "/api/remote/state").status == 401);
    CHECK(as_remote("127.0.8.2", port, second, "GET", "/api/remote/state").status == 200);
    const std::string fresh = voting.server->new_remote_pin();
    CHECK(fresh != pin);
    CHECK(is_remote_pin(fresh));
    CHECK(as_remote("127.0.8.2", port, second, "GET", "/api/remote/state").status == 401);
    CHECK(login_from("127.0.8.2", port, pin).status == 403);
    CHECK(login_from("127.0.8.2", port, fresh).status == 200);
}

TEST_CASE("remote: the event stream sends the state at once, then every change") {
    FakeShow show;
    Voting voting(remote_options(show));
    show.server = voting.server.get();
    const std::string cookie = cookie_of(login_from("127.0.0.1", voting.port(), pin));
    auto c = voting.client();
    std::string received;
    std::thread teacher([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        RemoteState state;
        state.slide = 5;
        state.title = "Privacy settings";
        voting.server->set_remote_state(state);
    });
    c.Get("/api/remote/events", {{"Cookie", cookie}}, [&](const char* data, std::size_t length) {
        received.append(data, length);
        return received.find("Privacy settings") == std::string::npos;
    });
    teacher.join();
    CHECK(received.find("retry: 2000") == 0);
    CHECK(received.find("event: state\ndata: {\"slide\":1,") != std::string::npos);
    CHECK(received.find("event: state\ndata: {\"slide\":5,") != std::string::npos);
}

TEST_CASE("remote: off with --no-remote, and the PIN is never in what voters are sent") {
    FakeShow show;
    VoteServerOptions options = remote_options(show);
    options.remote = false;
    Voting voting(options);
    CHECK(voting.client().Get("/remote")->status == 404);
    CHECK(voting.server->remote_pin().empty());

    FakeShow on;
    Voting with_remote(remote_options(on));
    auto c = with_remote.client();
    CHECK(c.Get("/?room=K7QP")->body.find(pin) == std::string::npos);
    CHECK(c.Get("/api/state?room=K7QP")->body.find(pin) == std::string::npos);
    CHECK(with_remote.server->join().address.find(pin) == std::string::npos);
}

TEST_CASE("remote: a ninth sign-in signs the oldest out, and its stream of notes stops at once") {
    FakeShow show;
    Voting voting(remote_options(show));
    show.server = voting.server.get();
    const int port = voting.port();
    const std::string oldest = cookie_of(login_from("127.0.9.1", port, pin));
    Connection stream("127.0.9.1", port);
    REQUIRE(stream.send(http_text("GET", "/api/remote/events", port, "Cookie: " + oldest + "\r\n")));
    CHECK(stream.receive(500).find("event: state") != std::string::npos); // the stream is open
    for (int i = 2; i <= 9; ++i) {
        const std::string source = "127.0.9." + std::to_string(i);
        REQUIRE(login_from(source.c_str(), port, pin).status == 200);
    }
    CHECK(stream.closed_within(3000));
    CHECK(as_remote("127.0.9.1", port, oldest, "GET", "/api/remote/state").status == 401);
}

TEST_CASE("remote: a server started for the remote alone takes no votes and serves no voter page") {
    FakeShow show;
    VoteServerOptions options = remote_options(show);
    options.votes = false;
    Voting voting(options);
    show.server = voting.server.get();
    const int port = voting.port();
    CHECK(as_remote("127.0.0.2", port, "", "GET", "/remote").status == 200);
    for (const auto& [method, target] :
         std::vector<std::pair<std::string, std::string>>{{"GET", "/"},
                                                          {"GET", "/api/state"},
                                                          {"GET", "/api/events"},
                                                          {"POST", "/api/device"},
                                                          {"POST", "/api/vote"}}) {
        CAPTURE(target);
        const RawAnswer answer = as_remote("127.0.0.2", port, "", method, target, "{}");
        CHECK(answer.status == 404);
        CHECK(answer.body.find("voting from devices is off") != std::string::npos);
    }
    const RawAnswer signed_in = login_from("127.0.0.2", port, pin);
    REQUIRE(signed_in.status == 200);
    CHECK(as_remote("127.0.0.2", port, cookie_of(signed_in), "POST", "/api/remote/command",
                    R"({"command": "next"})")
              .status == 200);
}
