// SchoolLink against a real mosquitto broker on loopback: a leader drives followers, rooms' votes add up
// exactly, a second leader is refused, and a broker that dies mid-poll and comes back empty loses
// nothing and counts nothing twice.
#include "broker.h"
#include "school/school_link.h"

#include <doctest/doctest.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

using namespace lectern;
using namespace lectern::test;

namespace {

// What one room's link has been told, from the library's thread.
struct Seen {
    std::mutex mutex;
    std::optional<LeaderState> state;
    std::optional<PollCounts> totals;
    std::vector<std::string> problems;

    SchoolEvents events() {
        SchoolEvents events;
        events.leader_state = [this](LeaderState s) {
            std::lock_guard lock(mutex);
            state = std::move(s);
        };
        events.school_totals = [this](PollCounts t) {
            std::lock_guard lock(mutex);
            totals = std::move(t);
        };
        events.problem = [this](std::string p) {
            std::lock_guard lock(mutex);
            problems.push_back(std::move(p));
        };
        return events;
    }
    std::optional<std::size_t> slide() {
        std::lock_guard lock(mutex);
        return state ? std::optional(state->nav.slide) : std::nullopt;
    }
    std::optional<PollCounts> counts() {
        std::lock_guard lock(mutex);
        return totals;
    }
    std::string problem_text() {
        std::lock_guard lock(mutex);
        std::string all;
        for (const std::string& p : problems)
            all += p + "\n";
        return all;
    }
};

std::unique_ptr<SchoolLink> join(const Broker& broker, const std::string& room, bool lead, Seen& seen) {
    SchoolOptions options;
    options.broker.host = "127.0.0.1";
    options.broker.port = broker.port();
    options.deck_id = "online-safety";
    options.room = room;
    options.lead = lead;
    options.keepalive_s = 5;
    auto link = SchoolLink::start(options, seen.events());
    REQUIRE_MESSAGE(link, (link ? "" : link.error()));
    return std::move(*link);
}

LeaderState on_slide(std::size_t slide) {
    LeaderState state;
    state.session = "test";
    state.room = "Hall";
    state.nav.slide = slide;
    state.fingerprints = {"0123456789abcdef"};
    return state;
}

} // namespace

TEST_CASE("school: the leader's slide change reaches every follower") {
    Broker broker;
    REQUIRE(broker.running());
    Seen hall, one, two, three;
    auto leader = join(broker, "Hall", true, hall);
    auto a = join(broker, "Room 1", false, one);
    auto b = join(broker, "Room 2", false, two);
    auto c = join(broker, "Room 3", false, three);
    leader->publish_state(on_slide(4));
    for (Seen* room : {&one, &two, &three})
        CHECK(eventually([&] { return room->slide() == 4u; }));
    leader->publish_state(on_slide(5));
    for (Seen* room : {&one, &two, &three})
        CHECK(eventually([&] { return room->slide() == 5u; }));
    CHECK(leader->leading());
    CHECK(hall.problem_text().empty());
}

TEST_CASE("school: votes in two rooms add up exactly on the leader and in every room") {
    Broker broker;
    Seen hall, one, two;
    auto leader = join(broker, "Hall", true, hall);
    auto a = join(broker, "Room 1", false, one);
    auto b = join(broker, "Room 2", false, two);
    leader->publish_room_totals(RoomTotals{"Hall", "", {{"q", {1, 0, 0}}}});
    a->publish_room_totals(RoomTotals{"Room 1", "", {{"q", {2, 1, 0}}}});
    b->publish_room_totals(RoomTotals{"Room 2", "", {{"q", {0, 3, 4}}}});
    const PollCounts expected{{"q", {3, 4, 4}}};
    CHECK(eventually([&] { return hall.counts() == expected; }));
    CHECK(eventually([&] { return one.counts() == expected; }));
    CHECK(eventually([&] { return two.counts() == expected; }));
    // Room 1's next total replaces its last: an absolute count, never added twice.
    a->publish_room_totals(RoomTotals{"Room 1", "", {{"q", {2, 2, 0}}}});
    CHECK(eventually([&] { return two.counts() == PollCounts{{"q", {3, 5, 4}}}; }));
    CHECK(leader->rooms().size() == 3);
}

TEST_CASE("school: a second leader for the same deck is refused, and the first keeps leading") {
    Broker broker;
    Seen hall, follower, rival;
    auto leader = join(broker, "Hall", true, hall);
    auto room = join(broker, "Room 1", false, follower);
    leader->publish_state(on_slide(2));
    REQUIRE(eventually([&] { return follower.slide() == 2u; })); // the first leader's claim is out
    auto second = join(broker, "Library", true, rival);
    CHECK(eventually([&] { return second->refused(); }));
    CHECK(rival.problem_text().find("another Lectern already leads this deck (room \"Hall\")") !=
          std::string::npos);
    second->publish_state(on_slide(9)); // refused: says nothing
    leader->publish_state(on_slide(3));
    CHECK(eventually([&] { return follower.slide() == 3u; }));
    CHECK(leader->leading());
}

TEST_CASE("school: a broker killed mid-poll and started again empty loses nothing and counts nothing twice") {
    Broker broker;
    Seen hall, one, two;
    auto leader = join(broker, "Hall", true, hall);
    auto a = join(broker, "Room 1", false, one);
    auto b = join(broker, "Room 2", false, two);
    leader->publish_state(on_slide(7));
    a->publish_room_totals(RoomTotals{"Room 1", "", {{"q", {5, 0}}}});
    b->publish_room_totals(RoomTotals{"Room 2", "", {{"q", {1, 6}}}});
    REQUIRE(eventually([&] { return hall.counts() == PollCounts{{"q", {6, 6}}}; }));

    broker.stop(); // mid-poll: the rooms go on voting without it
    a->publish_room_totals(RoomTotals{"Room 1", "", {{"q", {5, 2}}}});
    CHECK(eventually([&] { return !a->connected(); }));
    REQUIRE(broker.start()); // empty: nothing retained survived

    const PollCounts after{{"q", {6, 8}}};
    CHECK(eventually([&] { return hall.counts() == after; }, 20000));
    CHECK(eventually([&] { return two.counts() == after; }, 20000));
    // A newcomer after the restart catches up from what the others published again.
    Seen late;
    auto c = join(broker, "Room 3", false, late);
    CHECK(eventually([&] { return late.slide() == 7u; }));
    CHECK(eventually([&] { return late.counts() == after; }));
}

TEST_CASE("school: a rogue client's state and last lesson's retained totals change nothing") {
    Broker broker;
    // Left on the broker by last week's lesson, and by a pupil with mosquitto_pub.
    REQUIRE(publish_raw(broker.port(), "lectern/online-safety/rooms/room-9/totals",
                        R"({"room":"Room 9","session":"last-week","polls":{"q":[40,40]}})", true));
    Seen hall, one;
    auto leader = join(broker, "Hall", true, hall);
    auto a = join(broker, "Room 1", false, one);
    leader->publish_state(on_slide(3));
    REQUIRE(eventually([&] { return one.slide() == 3u; }));
    a->publish_room_totals(RoomTotals{"Room 1", "", {{"q", {1, 2}}}});
    CHECK(eventually([&] { return hall.counts() == PollCounts{{"q", {1, 2}}}; }));

    LeaderState fake = on_slide(12);
    fake.session = "rogue";
    REQUIRE(publish_raw(broker.port(), "lectern/online-safety/state", leader_state_json(fake), false));
    leader->publish_state(on_slide(4)); // the next real change still arrives, and nothing else did
    CHECK(eventually([&] { return one.slide() == 4u; }));
    CHECK(one.problem_text().find("does not lead this deck was ignored") != std::string::npos);
    CHECK(hall.counts() == PollCounts{{"q", {1, 2}}});
}

TEST_CASE("school: two leaders started at the same moment end with exactly one leading") {
    Broker broker;
    Seen first_seen, second_seen;
    auto first = join(broker, "Hall", true, first_seen);
    auto second = join(broker, "Library", true, second_seen);
    CHECK(eventually([&] { return first->leading() != second->leading(); }));
    Seen follower;
    auto room = join(broker, "Room 1", false, follower);
    SchoolLink& winner = first->leading() ? *first : *second;
    winner.publish_state(on_slide(6));
    CHECK(eventually([&] { return follower.slide() == 6u; }));
}
