// The teacher's remote moves the real screen: lectern presents under Xvfb with --remote, commands come
// over a real loopback socket as a phone sends them, and each screenshot must show what `lectern render`
// draws for the slide reached; the remote's own picture of the slide is that same picture.
#include "deck_edits.h"
#include "golden_image.h"
#include "test_files.h"
#include "x_session.h"

#include <SDL2/SDL_image.h>
#include <doctest/doctest.h>
#include <httplib.h>

#include <arpa/inet.h>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <netinet/in.h>
#include <sstream>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace lectern;

namespace {

constexpr int screen_w = 1280;
constexpr int screen_h = 720;
constexpr const char* pin = "135790";

std::filesystem::path scratch() {
    return std::filesystem::temp_directory_path() / ("lectern-e2e-remote-" + std::to_string(getpid()));
}

// A loopback port nothing listens on now.
int free_port() {
    const int probe = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof address;
    const bool found = bind(probe, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
                       getsockname(probe, reinterpret_cast<sockaddr*>(&address), &size) == 0;
    close(probe);
    return found ? ntohs(address.sin_port) : 0;
}

SDL_Surface* filled(Uint8 level) {
    SDL_Surface* surface =
        SDL_CreateRGBSurfaceWithFormat(0, screen_w, screen_h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_FillRect(surface, nullptr, SDL_MapRGB(surface->format, level, level, level));
    return surface;
}

std::string file_text(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// A phone signed in to the remote: the cookie from sign-in goes with every command.
struct Phone {
    httplib::Client client;
    std::string cookie;

    explicit Phone(int port) : client("127.0.0.1", port) {
        client.set_read_timeout(test::busy_machine_ms / 1000);
    }

    int sign_in(const std::string& given) {
        const httplib::Result answer =
            client.Post("/api/remote/login", "{\"pin\": \"" + given + "\"}", "application/json");
        if (!answer)
            return 0;
        const std::string set = answer->get_header_value("Set-Cookie");
        cookie = set.substr(0, set.find(';'));
        return answer->status;
    }
    int send(const std::string& body) {
        const httplib::Result answer =
            client.Post("/api/remote/command", {{"Cookie", cookie}}, body, "application/json");
        return answer ? answer->status : 0;
    }
    int command(const std::string& name) { return send("{\"command\": \"" + name + "\"}"); }
    std::string picture(const std::string& which, int width) {
        const httplib::Result answer = client.Get(
            "/api/remote/slide.png?which=" + which + "&width=" + std::to_string(width), {{"Cookie", cookie}});
        return answer && answer->status == 200 ? answer->body : std::string();
    }
};

} // namespace

TEST_CASE(
    "the remote's commands move the full-screen presentation as keys do, and its picture is the slide") {
    const std::filesystem::path deck = test::source_dir() / "tests/decks/e2e/keys.toml";
    const std::filesystem::path pictures = scratch() / "expected";
    std::filesystem::create_directories(pictures);
    REQUIRE(test::render_deck(deck, pictures));
    auto expected = [&](const char* name) {
        return test::rendered_picture(pictures, name);
    };

    test::XSession x(screen_w, screen_h);
    REQUIRE_MESSAGE(x.ready(), "Xvfb started (tools/setup.sh installs it)");
    const std::string log = (scratch() / "lectern.log").string();
    const int port = free_port();
    // The deck has no questions: --remote starts the server for the remote alone.
    const pid_t lectern = x.start({LECTERN_BINARY, deck.string(), "--remote", "--remote-pin", pin, "--port",
                                   std::to_string(port), "--bind", "127.0.0.1"},
                                  log);
    REQUIRE(lectern > 0);
    SDL_Surface* first = expected("slide-01.png");
    REQUIRE(x.shows_within(first, test::busy_machine_ms));

    Phone phone(port);
    int signed_in = 0;
    for (int tries = 0; tries < 100 && signed_in != 200; ++tries) {
        signed_in = phone.sign_in(pin); // 503 for a moment while the lesson starts
        if (signed_in != 200)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    REQUIRE(signed_in == 200);
    const std::string printed = file_text(log);
    CHECK(printed.find("remote: http://127.0.0.1:" + std::to_string(port) + "/remote") != std::string::npos);
    CHECK(printed.find("voting:") == std::string::npos); // no questions: no voting, only the remote
    CHECK(printed.find(pin) == std::string::npos);       // the PIN is for the presenter panel only

    struct Step {
        const char* body;
        const char* picture;
    };
    const Step steps[] = {
        {R"({"command": "next"})", "slide-02-step-1.png"},
        {R"({"command": "next"})", "slide-02-step-2.png"},
        {R"({"command": "previous"})", "slide-02-step-1.png"},
        {R"({"command": "goto", "slide": 4})", "slide-04.png"},
        {R"({"command": "last"})", "slide-05.png"},
        {R"({"command": "first"})", "slide-01.png"},
        {R"({"command": "goto", "slide": 3})", "slide-03.png"},
    };
    for (const Step& step : steps) {
        CAPTURE(step.body);
        CHECK(phone.send(step.body) == 200);
        SDL_Surface* want = expected(step.picture);
        CHECK(x.shows_within(want, test::busy_machine_ms));
        SDL_FreeSurface(want);
    }

    // The remote's picture of the slide on screen is what `lectern render` draws, at the size asked for.
    SDL_Surface* slide_three = expected("slide-03.png");
    const std::string png = phone.picture("current", screen_w);
    REQUIRE_FALSE(png.empty());
    SDL_Surface* sent = IMG_Load_RW(SDL_RWFromConstMem(png.data(), static_cast<int>(png.size())), 1);
    REQUIRE(sent);
    CHECK(sent->w == screen_w);
    CHECK(sent->h == screen_h);
    CHECK(test::differing_share(slide_three, sent) < test::screen_match_share);
    SDL_FreeSurface(sent);

    // Black and White blank the room's screen; the same button again shows the slide.
    SDL_Surface* black = filled(0);
    SDL_Surface* white = filled(255);
    CHECK(phone.command("black") == 200);
    CHECK(x.shows_within(black, test::busy_machine_ms));
    CHECK(phone.command("black") == 200);
    CHECK(x.shows_within(slide_three, test::busy_machine_ms));
    CHECK(phone.command("white") == 200);
    CHECK(x.shows_within(white, test::busy_machine_ms));
    CHECK(phone.command("next") == 200); // as the keys: the next press shows the slide again
    CHECK(x.shows_within(slide_three, test::busy_machine_ms));

    // A pupil who knows the address but not the PIN moves nothing.
    Phone pupil(port);
    CHECK(pupil.sign_in(pin == std::string("000000") ? "111111" : "000000") == 403);
    CHECK(pupil.command("next") == 401);
    CHECK(x.shows_within(slide_three, test::busy_machine_ms));

    x.key("Escape Escape");
    CHECK(test::exits_within(lectern, test::busy_machine_ms));
    SDL_FreeSurface(first);
    SDL_FreeSurface(slide_three);
    SDL_FreeSurface(black);
    SDL_FreeSurface(white);
    std::filesystem::remove_all(scratch());
}
