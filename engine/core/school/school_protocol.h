// SchoolProtocol: what Lectern says on a school's MQTT broker (docs/school-mqtt.md) when one leader
// drives several rooms: the topics, the JSON payloads, how rooms' totals add up, and how a follower
// tells that its deck is the leader's. Pure: the broker adapter (engine/school) moves these strings.
//
// Nothing about pupils crosses the network: counts per option only, never a device token, an answer's
// text or an address.
#pragma once

#include "core/base/expected.h"
#include "core/deck/deck.h"
#include "core/show/navigation.h"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lectern {

// Topics live under "lectern/<deck-id>/": "leader" (who leads, retained; cleared by the leader's will),
// "state" (the show, retained), "rooms/<room>/totals" (each room's counts, retained) and "totals" (the
// school's, retained). Deck ids and room names are made safe for a topic level first.
std::string school_topic(std::string_view deck_id, std::string_view leaf);
std::string room_totals_topic(std::string_view deck_id, std::string_view room);
// A topic level from a deck id or room name: lower case letters, digits, '-', '_' and '.'; anything
// else becomes '-' (MQTT's '/', '+' and '#' never pass); "room" when nothing is left. At most 64 bytes.
std::string topic_level(std::string_view name);

// One fingerprint per slide (16 hex digits) of what the room sees on it: layout, id, texts, picture
// paths and the question. Speaker notes and kiosk seconds are left out: they may differ between rooms.
std::vector<std::string> slide_fingerprints(const Deck& deck);
// "" when `mine` matches `leaders`; otherwise what a teacher reads: "slide 4 differs from the leader's
// deck", "this deck has 12 slides, the leader's 13".
std::string deck_difference(const std::vector<std::string>& mine, const std::vector<std::string>& leaders);

// The show as the leader publishes it.
struct LeaderState {
    std::string session; // the leader's random id: tells one leader's messages from another's
    std::string room;
    NavState nav;     // slide, step and blank; the typed number is not sent
    std::string poll; // the interactive slide's id on screen, "" for none
    bool open = false;
    bool revealed = false;
    std::vector<std::string> fingerprints;

    friend bool operator==(const LeaderState&, const LeaderState&) = default;
};
std::string leader_state_json(const LeaderState& state);
Expected<LeaderState> parse_leader_state(std::string_view json);

// Per poll, the count of each option (a scale's steps) or, for words, of answers. Absolute, never an
// increment: a message delivered twice, or replayed after a broker restart, changes nothing.
using PollCounts = std::map<std::string, std::vector<int>>;

inline constexpr int school_count_max = 100000; // per option and room: more is not a room's count

struct RoomTotals {
    std::string room;
    std::string session; // the leader's session these count towards: last week's retained totals do not
    PollCounts polls;
    friend bool operator==(const RoomTotals&, const RoomTotals&) = default;
};
std::string room_totals_json(const RoomTotals& totals);
Expected<RoomTotals> parse_room_totals(std::string_view json);

// The school's counts: each room's latest totals added up, option by option (each count is at most
// school_count_max, so the sum of a few hundred rooms cannot overflow).
PollCounts school_totals(const std::map<std::string, RoomTotals>& rooms);

} // namespace lectern
