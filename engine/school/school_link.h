// SchoolLink: this Lectern on the school's MQTT broker (docs/school-mqtt.md), through the Eclipse
// Mosquitto client library. A leader claims its deck's "leader" topic, publishes the show's state and
// adds every room's totals into the school's; a follower takes the leader's state and the school's
// totals; every room publishes its own totals. All retained with QoS 1, and published again after every
// reconnection, so a broker restarted empty catches up at once; totals are absolute, so a message
// delivered twice changes nothing. The broker going away never stops a room: the link keeps trying
// (every 1 to 10 s) and the show goes on with what it last had.
//
// Events arrive on the library's own thread: the presentation posts them to its loop. Hostile input is
// normal input: payloads over 64 KiB, malformed JSON and more than 200 rooms are ignored, and a
// problem says so once. Adapter: no SDL, ImGui or HTTP.
#pragma once

#include "core/base/expected.h"
#include "core/school/school_protocol.h"
#include "core/school/school_url.h"

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>

namespace lectern {

struct SchoolOptions {
    SchoolUrl broker;
    std::string ca_file; // --school-ca, for mqtts://
    std::string deck_id;
    std::string room;
    bool lead = false;
    int keepalive_s = 10;
};

struct SchoolEvents {
    std::function<void(LeaderState)> leader_state; // a follower: what the leader shows now
    std::function<void(PollCounts)> school_totals; // everyone: the school's totals changed
    std::function<void(std::string)> problem;      // another leader, a refused payload, a lost broker
    std::function<void(bool)> connected;           // the broker came or went
};

class SchoolLink {
public:
    static Expected<std::unique_ptr<SchoolLink>> start(SchoolOptions options, SchoolEvents events);
    SchoolLink(const SchoolLink&) = delete;
    SchoolLink& operator=(const SchoolLink&) = delete;
    ~SchoolLink(); // a leader gives its claim up; then disconnects and joins the library's thread

    // From the presentation's thread. publish_state only when leading.
    void publish_state(const LeaderState& state);
    void publish_room_totals(const RoomTotals& totals);

    // A leader that found another one holding its deck stops leading: refused() says so.
    bool leading() const;
    bool refused() const;
    bool connected() const;
    // The leader's view of each room's latest totals (for the panel).
    std::map<std::string, RoomTotals> rooms() const;
    const std::string& session() const;

    struct Impl;

private:
    explicit SchoolLink(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace lectern
