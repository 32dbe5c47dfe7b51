// End to end, a whole school at once (docs/school-mqtt.md): a real mosquitto broker on a loopback port of
// its own, a leader in the hall and three classrooms following it, each the real lectern binary on an Xvfb
// of its own, driven by xdotool and seen through xwd; votes from devices over each room's voting server.
#include "golden_image.h"
#include "school/broker.h"
#include "test_files.h"
#include "x_session.h"

#include <SDL2/SDL_image.h>
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <netinet/in.h>
#include <regex>
#include <set>
#include <sstream>
#include <sys/socket.h>
#include <unistd.h>

using namespace lectern;

namespace {

constexpr int screen_width = 960;
constexpr int screen_height = 540;

// One HTTP/1.1 exchange with a room's voting server on 127.0.0.1 (the connection closes after it).
std::string http(int port, const std::string& request) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    std::string answer;
    if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
        ::send(fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size())) {
        char buffer[4096];
        for (ssize_t got = 0; (got = ::recv(fd, buffer, sizeof buffer, 0)) > 0;)
            answer.append(buffer, static_cast<std::size_t>(got));
    }
    ::close(fd);
    return answer;
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// The X displays of this test's rooms (cleared as each test starts).
std::set<std::string>& displays_in_use() {
    static std::set<std::string> displays;
    return displays;
}

// A room: a lectern on an Xvfb of its own, its voting server's port and room code.
struct Room {
    explicit Room(std::string room_name) : name(std::move(room_name)) {}

    std::string name;
    std::unique_ptr<test::XSession> x;
    std::vector<std::unique_ptr<test::XSession>> held; // sessions that found another room's display
    std::filesystem::path log;
    pid_t pid = -1;
    int port = 0;
    std::string code; // the voting server's room code, read from what lectern printed

    // Starts lectern on `deck` with `arguments` (the school's flags); results go to `data` (a folder of
    // the room's own, as on a room's own computer).
    bool start(const std::filesystem::path& deck, const std::filesystem::path& scratch,
               std::vector<std::string> arguments) {
        // An X server of the room's own: XSession tries display numbers from the test's pid, and a second
        // one in the same test can take a number whose Xvfb has not yet exited for being taken, and so
        // share the first room's screen. Each room's display is checked against the others'.
        for (int attempt = 0; attempt < 10; ++attempt) {
            auto session = std::make_unique<test::XSession>(screen_width, screen_height);
            if (session->ready() && displays_in_use().insert(session->display()).second) {
                x = std::move(session);
                break;
            }
            if (session->ready())
                held.push_back(std::move(session)); // keeps its number taken while we look further
        }
        if (!x)
            return false;
        port = test::free_port();
        log = scratch / (name + ".log");
        const std::filesystem::path data = scratch / ("data-" + name);
        std::filesystem::create_directories(data);
        setenv("XDG_DATA_HOME", data.c_str(), 1);
        std::vector<std::string> command = {LECTERN_BINARY, deck.string(), "--port", std::to_string(port)};
        command.insert(command.end(), arguments.begin(), arguments.end());
        pid = x->start(command, log.string());
        unsetenv("XDG_DATA_HOME");
        return pid > 0;
    }

    // Waits for the voting server's address in the log: "voting: http://...:PORT/?room=CODE".
    bool voting() {
        return test::eventually(
            [this] {
                std::smatch found;
                const std::string text = read_file(log);
                if (!std::regex_search(text, found, std::regex("voting: http://[^/]+/\\?room=([A-Z0-9]+)")))
                    return false;
                code = found[1];
                return true;
            },
            test::busy_machine_ms);
    }

    std::string post(const std::string& path, const std::string& cookie, const std::string& body) const {
        return http(port, "POST " + path + "?room=" + code +
                              " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                              (cookie.empty() ? "" : "\r\nCookie: lectern_device=" + cookie) +
                              "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " +
                              std::to_string(body.size()) + "\r\n\r\n" + body);
    }

    // A new device of this room (a pupil's tablet): its token.
    std::string device() const {
        std::smatch found;
        const std::string answer = post("/api/device", "", "{}");
        return std::regex_search(answer, found, std::regex("lectern_device=([0-9a-f]+)")) ? found[1].str()
                                                                                          : std::string();
    }

    // A device's vote for option `choice` (1-based) of the poll "favourite"; true once counted and saved.
    bool vote(const std::string& token, int choice) const {
        const std::string answer =
            post("/api/vote", token, "{\"poll\":\"favourite\",\"choices\":[" + std::to_string(choice) + "]}");
        return answer.starts_with("HTTP/1.1 200");
    }

    // What this room's voter page is told now (GET /api/state).
    std::string state() const {
        const std::string answer = http(port, "GET /api/state?room=" + code +
                                                  " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                                                  "\r\nConnection: close\r\n\r\n");
        const std::size_t body = answer.find("\r\n\r\n");
        return body == std::string::npos ? std::string() : answer.substr(body + 4);
    }

    bool says(const std::string& text) const {
        return test::eventually([&] { return read_file(log).find(text) != std::string::npos; },
                                test::busy_machine_ms);
    }
};

struct Pictures {
    std::filesystem::path folder;
    SDL_Surface* load(const std::string& name) const { return IMG_Load((folder / name).c_str()); }
};

// The deck's pictures as `lectern render` makes them, at the rooms' screen size.
Pictures rendered(const std::filesystem::path& deck, const std::filesystem::path& scratch) {
    Pictures pictures{scratch / "expected"};
    std::filesystem::create_directories(pictures.folder);
    const std::string render = std::string("'") + LECTERN_BINARY + "' render '" + deck.string() +
                               "' --out '" + pictures.folder.string() + "' --size " +
                               std::to_string(screen_width) + "x" + std::to_string(screen_height) +
                               " 2>/dev/null";
    REQUIRE(std::system(render.c_str()) == 0);
    return pictures;
}

std::string school_url(const test::Broker& broker) {
    return "mqtt://127.0.0.1:" + std::to_string(broker.port());
}

// Every room's screen shows `picture` (each waits as long as a busy machine needs), or its `region`.
void all_show(const std::vector<Room*>& rooms, const Pictures& pictures, const std::string& picture,
              const SDL_Rect* region = nullptr) {
    SDL_Surface* want = pictures.load(picture);
    REQUIRE(want);
    for (Room* room : rooms) {
        CAPTURE(room->name);
        CAPTURE(picture);
        CHECK(room->x->shows_within(want, test::busy_machine_ms, region));
    }
    SDL_FreeSurface(want);
}

// Whether two rooms' screens show the same in `region` now.
bool same_region(const test::XSession& one, const test::XSession& other, const SDL_Rect& region) {
    auto part = [&region](SDL_Surface* whole) {
        SDL_Surface* cut =
            SDL_CreateRGBSurfaceWithFormat(0, region.w, region.h, 32, SDL_PIXELFORMAT_ARGB8888);
        if (whole && cut) {
            SDL_SetSurfaceBlendMode(whole, SDL_BLENDMODE_NONE);
            SDL_BlitSurface(whole, &region, cut, nullptr);
        }
        if (whole)
            SDL_FreeSurface(whole);
        return cut;
    };
    SDL_Surface* first = part(one.screenshot());
    SDL_Surface* second = part(other.screenshot());
    const bool same = first && second && test::differing_share(first, second) < test::screen_match_share;
    SDL_FreeSurface(first);
    SDL_FreeSurface(second);
    return same;
}

// Esc twice in every room (a follower's own Esc still quits it); each exits, its log shown if not.
void quit_all(const std::vector<Room*>& rooms) {
    for (Room* room : rooms)
        room->x->key("Escape Escape");
    for (Room* room : rooms) {
        CAPTURE(room->name);
        const bool exited = test::exits_within(room->pid, test::busy_machine_ms);
        if (!exited)
            MESSAGE(read_file(room->log));
        CHECK(exited);
    }
}

} // namespace

TEST_CASE("a leader in the hall drives three classrooms' screens in step and a school poll adds up "
          "exactly across rooms through a broker restart") {
    const std::filesystem::path deck = test::source_dir() / "tests/decks/e2e/assembly.toml";
    displays_in_use().clear();
    const test::TempFolder scratch("e2e-school");
    const Pictures pictures = rendered(deck, scratch.path());
    test::Broker broker;
    REQUIRE_MESSAGE(broker.running(), "mosquitto started (tools/setup.sh installs it)");

    Room hall{"hall"}, room1{"room-1"}, room2{"room-2"}, room3{"room-3"};
    REQUIRE(hall.start(deck, scratch.path(), {"--school", school_url(broker), "--room", "hall", "--lead"}));
    std::vector<Room*> rooms = {&hall};
    for (Room* room : {&room1, &room2, &room3}) {
        REQUIRE(room->start(deck, scratch.path(), {"--school", school_url(broker), "--room", room->name}));
        rooms.push_back(room);
    }
    all_show(rooms, pictures, "slide-01.png");

    // The leader's keys move every room's screen, build steps included.
    hall.x->key("Right");
    all_show(rooms, pictures, "slide-02-step-1.png");
    hall.x->key("Right");
    all_show(rooms, pictures, "slide-02-step-2.png");
    // A follower's own keys do nothing; the leader's next key still moves it.
    room2.x->key("End");
    room2.x->key("Left");
    hall.x->key("Right");
    // The poll: its question, open in every room (below it, each room's own join strip).
    const SDL_Rect question{0, 0, screen_width, 150};
    SDL_Surface* whole = pictures.load("slide-03.png");
    REQUIRE(whole);
    SDL_Surface* top =
        SDL_CreateRGBSurfaceWithFormat(0, question.w, question.h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_SetSurfaceBlendMode(whole, SDL_BLENDMODE_NONE);
    SDL_BlitSurface(whole, &question, top, nullptr);
    const std::filesystem::path top_file = scratch.path() / "expected/slide-03-question.png";
    REQUIRE(test::save_png(*top, top_file).empty());
    SDL_FreeSurface(top);
    SDL_FreeSurface(whole);
    all_show(rooms, pictures, "slide-03-question.png", &question);

    for (Room* room : rooms)
        REQUIRE(room->voting());
    // Two rooms vote: the hall 2 for QQ and 1 for QZone, room 1 one for QQ and 2 for Neither.
    std::vector<std::string> hall_devices, room1_devices;
    for (int i = 0; i < 3; ++i) {
        hall_devices.push_back(hall.device());
        room1_devices.push_back(room1.device());
    }
    // The poll opens on each follower once the leader's state reaches it.
    REQUIRE(test::eventually([&] { return room1.state().find("\"open\":true") != std::string::npos; },
                             test::busy_machine_ms));
    CHECK(hall.vote(hall_devices[0], 1));
    CHECK(hall.vote(hall_devices[1], 1));
    CHECK(room1.vote(room1_devices[0], 1));

    // The broker goes away mid-poll: the rooms keep voting on their own.
    broker.stop();
    CHECK(hall.vote(hall_devices[2], 2));
    CHECK(room1.vote(room1_devices[1], 3));
    CHECK(room1.vote(room1_devices[2], 3));
    // A device changing its mind is one vote, not two.
    CHECK(room1.vote(room1_devices[2], 2));
    CHECK(room1.vote(room1_devices[2], 3));
    REQUIRE(broker.start());

    hall.x->key("r"); // reveal: every room shows the school's totals
    for (Room* room : rooms) {
        CAPTURE(room->name);
        CHECK(test::eventually([&] { return room->state().find("\"school\":[3,1,2]") != std::string::npos; },
                               test::busy_machine_ms));
    }
    // Every room's screen draws the hall's bars, the school's, even room 2's, where nobody voted (each
    // room's own join strip below them differs).
    const SDL_Rect bars{0, 0, screen_width, 460};
    for (Room* room : {&room1, &room2, &room3}) {
        CAPTURE(room->name);
        CHECK(test::eventually([&] { return same_region(*hall.x, *room->x, bars); }, test::busy_machine_ms));
    }
    CHECK(hall.state().find("\"results\":[2,1,0]") != std::string::npos);  // the hall's own
    CHECK(room1.state().find("\"results\":[1,0,2]") != std::string::npos); // room 1's own
    CHECK(room2.state().find("\"results\":[0,0,0]") != std::string::npos); // nobody voted in room 2

    hall.x->key("Right");
    all_show(rooms, pictures, "slide-04.png");
    quit_all(rooms);

    // `lectern results` on the leader: its own room's counts, then the school's with each room's beside.
    setenv("XDG_DATA_HOME", (scratch.path() / "data-hall").c_str(), 1);
    const std::string results_file = (scratch.path() / "results.txt").string();
    const std::string results =
        std::string("'") + LECTERN_BINARY + "' results '" + deck.string() + "' >'" + results_file + "' 2>&1";
    CHECK(std::system(results.c_str()) == 0);
    unsetenv("XDG_DATA_HOME");
    const std::string printed = read_file(results_file);
    CAPTURE(printed);
    CHECK(printed.find("favourite: Which do you use most?\n  QQ: 2\n  QZone: 1\n  Neither: 0\n") !=
          std::string::npos);
    CHECK(printed.find("The whole school (rooms: hall, room-1, room-2, room-3)") != std::string::npos);
    CHECK(printed.find("  QQ: 3 (hall 2, room-1 1, room-2 0, room-3 0)\n"
                       "  QZone: 1 (hall 1, room-1 0, room-2 0, room-3 0)\n"
                       "  Neither: 2 (hall 0, room-1 2, room-2 0, room-3 0)\n") != std::string::npos);
}

TEST_CASE("a follower whose deck differs from the leader's is refused naming the slide, and a second leader "
          "is refused") {
    const std::filesystem::path deck = test::source_dir() / "tests/decks/e2e/assembly.toml";
    displays_in_use().clear();
    const test::TempFolder scratch("e2e-school-refusals");
    test::Broker broker;
    REQUIRE_MESSAGE(broker.running(), "mosquitto started (tools/setup.sh installs it)");
    // The same file name in another folder (the same deck id), with slide 2 edited.
    std::filesystem::create_directories(scratch.path() / "edited");
    const std::filesystem::path edited = scratch.path() / "edited/assembly.toml";
    std::string text = read_file(deck);
    text.replace(text.find("Every room in step"), 18, "Every room in time");
    std::ofstream(edited) << text;

    Room hall{"hall"}, second{"second-hall"}, room1{"room-1"};
    REQUIRE(hall.start(deck, scratch.path(), {"--school", school_url(broker), "--room", "hall", "--lead"}));
    REQUIRE(hall.says("voting:"));
    REQUIRE(room1.start(edited, scratch.path(), {"--school", school_url(broker), "--room", "room-1"}));
    CHECK(room1.says("not following the leader: slide 2 differs from the leader's deck"));
    REQUIRE(second.start(deck, scratch.path(),
                         {"--school", school_url(broker), "--room", "second-hall", "--lead"}));
    CHECK(second.says("another Lectern already leads this deck (room \"hall\")"));
    quit_all({&hall, &second, &room1});
}

TEST_CASE("corridor screens follow a leader's kiosk loop in step") {
    const std::filesystem::path deck = test::source_dir() / "tests/decks/e2e/assembly.toml";
    displays_in_use().clear();
    const test::TempFolder scratch("e2e-school-kiosk");
    const Pictures pictures = rendered(deck, scratch.path());
    test::Broker broker;
    REQUIRE_MESSAGE(broker.running(), "mosquitto started (tools/setup.sh installs it)");
    Room reception("reception"), corridor("corridor-1");
    REQUIRE(reception.start(deck, scratch.path(),
                            {"--kiosk", "--school", school_url(broker), "--room", "reception", "--lead"}));
    REQUIRE(corridor.start(deck, scratch.path(),
                           {"--kiosk", "--school", school_url(broker), "--room", "corridor-1"}));
    all_show({&reception, &corridor}, pictures, "slide-01.png");
    // A key at the leading kiosk moves it (and pauses its timer): the corridor follows, step by step.
    reception.x->key("Right");
    all_show({&reception, &corridor}, pictures, "slide-02-step-1.png");
    reception.x->key("Right");
    all_show({&reception, &corridor}, pictures, "slide-02-step-2.png");
    reception.x->key("End");
    all_show({&reception, &corridor}, pictures, "slide-04.png");
}
