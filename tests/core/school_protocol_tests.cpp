// What Lectern says on a school's broker: topics safe from a room name's wildcards, payloads that read
// back, totals that add up exactly however often a room's message arrives, and a follower's deck told
// from the leader's by the first slide that differs.
#include "core/school/school_protocol.h"
#include "core/school/school_record.h"
#include "core/school/school_url.h"
#include "every_layout_deck.h"

#include <doctest/doctest.h>

using namespace lectern;

TEST_CASE("school topics: wildcards and separators in names never reach a topic") {
    CHECK(school_topic("online-safety", "state") == "lectern/online-safety/state");
    CHECK(room_totals_topic("online-safety", "Room 12") == "lectern/online-safety/rooms/room-12/totals");
    CHECK(topic_level("a/b+c#d") == "a-b-c-d");
    CHECK(topic_level("") == "room");
    CHECK(topic_level("///") == "room");
    CHECK(topic_level(std::string(100, 'x')).size() == 64);
}

TEST_CASE("the leader's state reads back as it was written, and refuses what is not one") {
    LeaderState state;
    state.session = "5f3a";
    state.room = "Hall";
    state.nav.slide = 6;
    state.nav.step = 1;
    state.nav.blank = Blank::White;
    state.poll = "who-sees";
    state.open = true;
    state.fingerprints = {"0123456789abcdef", "fedcba9876543210"};
    const std::string json = leader_state_json(state);
    CHECK(json.find("\"slide\":7,\"step\":2,\"blank\":\"white\"") != std::string::npos);
    const Expected<LeaderState> back = parse_leader_state(json);
    REQUIRE(back);
    CHECK(*back == state);
    CHECK_FALSE(parse_leader_state("{}"));
    CHECK_FALSE(parse_leader_state(R"({"session":"a","room":"b","slide":0,"step":1,"blank":"none","poll":"",)"
                                   R"("open":false,"revealed":false,"fingerprints":[]})"));
    CHECK(parse_leader_state("not json").error().starts_with("the leader's state is not valid JSON"));
}

TEST_CASE("school totals are each room's latest absolute counts added up: a repeat changes nothing") {
    std::map<std::string, RoomTotals> rooms;
    const RoomTotals hall{"Hall", "5f3a", {{"q1", {3, 1, 0}}, {"words", {4}}}};
    const Expected<RoomTotals> read = parse_room_totals(room_totals_json(hall));
    REQUIRE(read);
    CHECK(*read == hall);
    rooms[read->room] = *read;
    rooms["Room 7"] = RoomTotals{"Room 7", "5f3a", {{"q1", {0, 2, 5, 1}}}}; // a longer list: padded, not lost
    CHECK(school_totals(rooms) == PollCounts{{"q1", {3, 3, 5, 1}}, {"words", {4}}});
    rooms["Room 7"] = RoomTotals{"Room 7", "5f3a", {{"q1", {0, 2, 5, 1}}}}; // delivered again
    CHECK(school_totals(rooms) == PollCounts{{"q1", {3, 3, 5, 1}}, {"words", {4}}});
    CHECK_FALSE(parse_room_totals(R"({"room":"x","session":"s","polls":{"q":[1,-2]}})"));
    CHECK_FALSE(parse_room_totals(R"({"room":"x","session":"s","polls":{"q":[1.5]}})"));
    CHECK_FALSE(parse_room_totals(R"({"room":"x","session":"s","polls":{"q":[100001]}})")); // no overflow
    CHECK_FALSE(parse_room_totals(R"({"room":"x","polls":{}})"));
    CHECK_FALSE(parse_room_totals(R"({"polls":{}})"));
}

TEST_CASE("a follower's deck is the leader's, or the first slide that differs is named") {
    const Deck& deck = test::every_layout_deck();
    const std::vector<std::string> leaders = slide_fingerprints(deck);
    REQUIRE(leaders.size() == deck.slides.size());
    CHECK(deck_difference(leaders, leaders).empty());

    Deck notes_only = deck;
    notes_only.slides[2].notes = "different notes for this room";
    CHECK(deck_difference(slide_fingerprints(notes_only), leaders).empty()); // notes are the teacher's

    Deck changed = deck;
    changed.slides[3].title += "!";
    CHECK(deck_difference(slide_fingerprints(changed), leaders) == "slide 4 differs from the leader's deck");
    Deck shorter = deck;
    shorter.slides.pop_back();
    CHECK(deck_difference(slide_fingerprints(shorter), leaders) ==
          "this deck has " + std::to_string(leaders.size() - 1) + " slides, the leader's " +
              std::to_string(leaders.size()));
}

TEST_CASE("--school: the broker's address, with user, password, port, TLS and IPv6") {
    const Expected<SchoolUrl> plain = parse_school_url("mqtt://broker.school.lan");
    REQUIRE(plain);
    CHECK(plain->host == "broker.school.lan");
    CHECK(plain->port == 1883);
    CHECK_FALSE(plain->tls);
    const Expected<SchoolUrl> full = parse_school_url("mqtts://hall:s3cr@t@10.0.0.5:8884/");
    REQUIRE(full);
    CHECK(full->tls);
    CHECK(full->user == "hall");
    CHECK(full->password == "s3cr@t");
    CHECK(full->host == "10.0.0.5");
    CHECK(full->port == 8884);
    CHECK(parse_school_url("mqtts://[::1]")->port == 8883);
    CHECK(parse_school_url("mqtt://[::1]:1884")->host == "::1");
    CHECK(parse_school_url("http://x").error().starts_with("the school's broker must start with mqtt://"));
    CHECK(parse_school_url("mqtt://x:99999").error().starts_with("the school's broker port"));
    CHECK(parse_school_url("mqtt://").error().starts_with("the school's broker address has no host"));
    CHECK(parse_school_url("mqtt://x/topic").error().starts_with("the school's broker address has a path"));
    CHECK(parse_school_url("mqtt://:pw@x")
              .error()
              .starts_with("the school's broker address has an empty user"));
}

TEST_CASE("a leader's record of the school's totals and each room's counts reads back and damage is named") {
    const PollCounts school = {{"favourite", {3, 1, 2}}, {"words", {4}}};
    const std::map<std::string, PollCounts> rooms = {{"hall", {{"favourite", {2, 1, 0}}}},
                                                     {"room-1", {{"favourite", {1, 0, 2}}}}};
    const std::string csv = school_record_csv(school, rooms);
    CHECK(csv.starts_with("room,poll,option,count\n(school),favourite,1,3\n"));
    const Expected<SchoolRecord> read = parse_school_record(csv);
    REQUIRE(read);
    CHECK(read->school == school);
    CHECK(read->rooms == rooms);
    CHECK(parse_school_record("room,poll,option,count\nhall,favourite,0,3\n").error() ==
          "line 2 is not \"room,poll,option,count\"");
    CHECK(parse_school_record("room,poll,option,count\nhall,favourite,1,-3\n").error() ==
          "line 2 is not \"room,poll,option,count\"");
    CHECK(!parse_school_record("h\nhall,favourite,1,3,4\n"));
}
