#include "school_link.h"

#include "core/base/concat.h"
#include "core/base/json.h"

#include <mosquitto.h>
#include <mutex>
#include <optional>
#include <random>
#include <set>

namespace lectern {

namespace {

constexpr std::size_t max_payload_bytes = 64 * 1024;
constexpr std::size_t max_rooms = 200;
constexpr int qos = 1;

std::once_flag library_started;

std::string random_session() {
    std::random_device device;
    return concat(std::to_string(device()), '-', std::to_string(device()));
}

std::string leader_claim_json(const std::string& session, const std::string& room) {
    return concat("{\"session\":", json_string(session), ",\"room\":", json_string(room), '}');
}

// The claim's session and room, or nothing for an empty (cleared) or unreadable one.
std::optional<std::pair<std::string, std::string>> leader_claim(std::string_view payload) {
    const Expected<JsonValue> json = parse_json(payload, 2);
    const JsonObject* object = json ? json->object() : nullptr;
    if (!object)
        return std::nullopt;
    std::pair<std::string, std::string> claim;
    for (const JsonMember& member : *object) {
        if (member.first == "session" && member.second.string())
            claim.first = *member.second.string();
        if (member.first == "room" && member.second.string())
            claim.second = *member.second.string();
    }
    if (claim.first.empty())
        return std::nullopt;
    return claim;
}

} // namespace

struct SchoolLink::Impl {
    SchoolOptions options;
    SchoolEvents events;
    std::string session = random_session();
    mosquitto* client = nullptr;

    struct Topics {
        std::string leader, state, totals, rooms, probe;
    } topics;

    mutable std::mutex mutex; // guards what follows: the library's thread and the presentation's share it
    bool claimed = false;     // a leader: the probe came back with no other claim, so ours is out
    bool refused_lead = false;
    bool is_connected = false;
    std::string leader_session;              // whose state and totals count: the claim on the broker
    std::optional<std::string> last_state;   // published again after every reconnection
    std::optional<RoomTotals> last_totals;   // this room's, sent towards the leader's session
    std::string last_school_totals;          // the leader's last sum, sent only when it changes
    std::map<std::string, RoomTotals> rooms; // by the room's topic level
    std::set<std::string> reported;          // kinds of problem already said once

    void publish(const std::string& topic, const std::string& payload, bool retain = true) {
        mosquitto_publish(client, nullptr, topic.c_str(), static_cast<int>(payload.size()), payload.data(),
                          qos, retain);
    }

    // This room's totals as they go out now: towards the leader's session, once there is one.
    std::optional<std::string> totals_json_locked() const {
        if (!last_totals || leader_session.empty())
            return std::nullopt;
        RoomTotals totals = *last_totals;
        totals.session = leader_session;
        return room_totals_json(totals);
    }

    // Says a problem once per kind, so a client flooding the broker cannot flood the teacher's list.
    void report(const std::string& kind, const std::string& problem) {
        {
            std::lock_guard lock(mutex);
            if (!reported.insert(kind).second)
                return;
        }
        if (events.problem)
            events.problem(problem);
    }

    void on_connect(int result) {
        if (result != 0) {
            report("refused",
                   concat("the school's broker refused this room: ", mosquitto_connack_string(result)));
            return;
        }
        std::optional<std::string> totals;
        bool leading = false;
        {
            std::lock_guard lock(mutex);
            is_connected = true;
            totals = totals_json_locked();
            leading = options.lead && !refused_lead;
        }
        if (events.connected)
            events.connected(true);
        mosquitto_subscribe(client, nullptr, topics.leader.c_str(), qos);
        if (leading) {
            mosquitto_subscribe(client, nullptr, topics.rooms.c_str(), qos);
            // Retained claims reach us before our own probe comes back: only then is ours made.
            mosquitto_subscribe(client, nullptr, topics.probe.c_str(), qos);
            publish(topics.probe, "probe", false);
        } else {
            mosquitto_subscribe(client, nullptr, topics.state.c_str(), qos);
            mosquitto_subscribe(client, nullptr, topics.totals.c_str(), qos);
        }
        if (totals)
            publish(room_totals_topic(options.deck_id, options.room), *totals);
    }

    void on_disconnect() {
        {
            std::lock_guard lock(mutex);
            is_connected = false;
            claimed = false;
        }
        if (events.connected)
            events.connected(false);
    }

    void on_message(const mosquitto_message& message) {
        const std::string topic = message.topic ? message.topic : "";
        if (message.payloadlen < 0 || static_cast<std::size_t>(message.payloadlen) > max_payload_bytes) {
            report("too large", concat("a message on ", topic, " was too large and is ignored"));
            return;
        }
        const std::string_view payload(static_cast<const char*>(message.payload),
                                       static_cast<std::size_t>(message.payloadlen));
        if (topic == topics.probe)
            probe_returned();
        else if (topic == topics.leader)
            claim_seen(payload);
        else if (topic == topics.state)
            state_seen(payload);
        else if (topic == topics.totals)
            school_totals_seen(payload);
        else if (topic.starts_with(school_topic(options.deck_id, "rooms/")))
            room_totals_seen(topic, payload);
    }

    void probe_returned() {
        std::optional<std::string> state, totals;
        {
            std::lock_guard lock(mutex);
            if (refused_lead || claimed)
                return;
            claimed = true;
            leader_session = session;
            state = last_state;
            totals = totals_json_locked();
        }
        publish(topics.leader, leader_claim_json(session, options.room));
        if (state)
            publish(topics.state, *state);
        if (totals)
            publish(room_totals_topic(options.deck_id, options.room), *totals);
    }

    void claim_seen(std::string_view payload) {
        const auto claim = leader_claim(payload);
        if (!options.lead) {
            // A follower: only the state and totals of the Lectern holding the claim count.
            std::optional<std::string> totals;
            {
                std::lock_guard lock(mutex);
                const std::string now = claim ? claim->first : std::string();
                if (now == leader_session)
                    return;
                leader_session = now;
                totals = totals_json_locked();
            }
            if (totals) // this room's counts, towards the new leader's session
                publish(room_totals_topic(options.deck_id, options.room), *totals);
            return;
        }
        if (!claim || claim->first == session)
            return;
        // Two leaders that claimed at the same moment both see the other's claim: the lower session keeps
        // the lead and says so again; the other gives way. One that found a claim first gives way.
        bool give_way = true;
        std::optional<std::string> state;
        {
            std::lock_guard lock(mutex);
            if (refused_lead)
                return;
            give_way = !claimed || claim->first < session;
            if (give_way) {
                refused_lead = true;
                claimed = false;
            }
            state = last_state;
        }
        if (!give_way) {
            // Followers that saw the other claim last have refused our state meanwhile: claim, then the
            // state again, in that order.
            publish(topics.leader, leader_claim_json(session, options.room));
            if (state)
                publish(topics.state, *state);
            return;
        }
        report("second leader",
               concat("another Lectern already leads this deck (room \"", claim->second,
                      "\"): only one room may lead; start this one without --lead to follow it"));
    }

    void state_seen(std::string_view payload) {
        if (payload.empty())
            return;
        Expected<LeaderState> state = parse_leader_state(payload);
        if (!state) {
            report("bad state", state.error());
            return;
        }
        bool from_leader = false;
        {
            std::lock_guard lock(mutex);
            from_leader = state->session == leader_session;
        }
        if (!from_leader) { // an old retained state, or one from a Lectern that holds no claim
            report("foreign state", "a show state from a Lectern that does not lead this deck was ignored");
            return;
        }
        if (events.leader_state)
            events.leader_state(std::move(*state));
    }

    void school_totals_seen(std::string_view payload) {
        if (payload.empty())
            return;
        Expected<RoomTotals> totals = parse_room_totals(payload);
        if (!totals) {
            report("bad totals", totals.error());
            return;
        }
        {
            std::lock_guard lock(mutex);
            if (totals->session != leader_session)
                return; // last lesson's, or not the leader's
        }
        if (events.school_totals)
            events.school_totals(std::move(totals->polls));
    }

    // A leader: one room's totals, keyed by the room of its topic (a room cannot write over another's).
    void room_totals_seen(const std::string& topic, std::string_view payload) {
        const std::string prefix = school_topic(options.deck_id, "rooms/");
        const std::string room = topic.substr(prefix.size(), topic.rfind('/') - prefix.size());
        if (payload.empty())
            return; // a cleared retained message
        Expected<RoomTotals> totals = parse_room_totals(payload);
        if (!totals) {
            report("bad totals", totals.error());
            return;
        }
        PollCounts sum;
        std::string json;
        bool too_many = false;
        {
            std::lock_guard lock(mutex);
            if (totals->session != session)
                return; // counts towards another lesson: last week's retained totals stay out
            if (!rooms.contains(room) && rooms.size() >= max_rooms)
                too_many = true;
            else
                rooms[room] = std::move(*totals);
            sum = school_totals(rooms);
            json = room_totals_json(RoomTotals{"school", session, sum});
            if (json == last_school_totals)
                return; // nothing changed: say nothing
            last_school_totals = json;
        }
        if (too_many)
            report("too many rooms",
                   concat("more than ", max_rooms, " rooms sent totals: the ones after that are left out"));
        publish(topics.totals, json);
        if (events.school_totals)
            events.school_totals(std::move(sum));
    }
};

SchoolLink::SchoolLink(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {
}

Expected<std::unique_ptr<SchoolLink>> SchoolLink::start(SchoolOptions options, SchoolEvents events) {
    std::call_once(library_started, [] { mosquitto_lib_init(); });
    auto impl = std::make_unique<Impl>();
    Impl& s = *impl;
    s.options = std::move(options);
    s.events = std::move(events);
    const std::string& deck = s.options.deck_id;
    s.topics.leader = school_topic(deck, "leader");
    s.topics.state = school_topic(deck, "state");
    s.topics.totals = school_topic(deck, "totals");
    s.topics.rooms = school_topic(deck, "rooms/+/totals");
    s.topics.probe = school_topic(deck, concat("probe/", s.session));
    s.client =
        mosquitto_new(concat("lectern-", topic_level(s.options.room), '-', s.session).c_str(), true, &s);
    if (!s.client)
        return Failure{"cannot make an MQTT client (out of memory)"};
    mosquitto_int_option(s.client, MOSQ_OPT_PROTOCOL_VERSION, MQTT_PROTOCOL_V311);
    if (!s.options.broker.user.empty())
        mosquitto_username_pw_set(s.client, s.options.broker.user.c_str(), s.options.broker.password.c_str());
    if (s.options.broker.tls) {
        const int tls = mosquitto_tls_set(
            s.client, s.options.ca_file.empty() ? nullptr : s.options.ca_file.c_str(),
            s.options.ca_file.empty() ? "/etc/ssl/certs" : nullptr, nullptr, nullptr, nullptr);
        if (tls != MOSQ_ERR_SUCCESS)
            return Failure{concat("cannot use TLS with the school's broker: ", mosquitto_strerror(tls))};
    }
    // A leader that vanishes (a crash, a pulled cable) gives its claim up through its will.
    if (s.options.lead)
        mosquitto_will_set(s.client, s.topics.leader.c_str(), 0, nullptr, qos, true);
    mosquitto_connect_callback_set(
        s.client, [](mosquitto*, void* self, int result) { static_cast<Impl*>(self)->on_connect(result); });
    mosquitto_disconnect_callback_set(
        s.client, [](mosquitto*, void* self, int) { static_cast<Impl*>(self)->on_disconnect(); });
    mosquitto_message_callback_set(s.client, [](mosquitto*, void* self, const mosquitto_message* message) {
        static_cast<Impl*>(self)->on_message(*message);
    });
    mosquitto_reconnect_delay_set(s.client, 1, 10, true);
    const int connecting = mosquitto_connect_async(s.client, s.options.broker.host.c_str(),
                                                   s.options.broker.port, s.options.keepalive_s);
    // A broker not there yet is no reason to stop: the loop keeps trying. Only a bad address is.
    if (connecting == MOSQ_ERR_INVAL) {
        mosquitto_destroy(s.client);
        return Failure{concat("cannot reach the school's broker at ", s.options.broker.host)};
    }
    const int loop = mosquitto_loop_start(s.client);
    if (loop != MOSQ_ERR_SUCCESS) {
        mosquitto_destroy(s.client);
        return Failure{concat("cannot start the MQTT client: ", mosquitto_strerror(loop))};
    }
    return std::unique_ptr<SchoolLink>(new SchoolLink(std::move(impl)));
}

SchoolLink::~SchoolLink() {
    Impl& s = *m_impl;
    bool give_up_claim = false;
    {
        std::lock_guard lock(s.mutex);
        give_up_claim = s.claimed && s.is_connected;
    }
    if (give_up_claim)
        s.publish(s.topics.leader, "");
    mosquitto_disconnect(s.client);
    mosquitto_loop_stop(s.client, false);
    mosquitto_destroy(s.client);
}

void SchoolLink::publish_state(const LeaderState& given) {
    Impl& s = *m_impl;
    LeaderState state = given;
    state.session = s.session; // followers follow only the session that holds the claim
    state.room = s.options.room;
    std::string json = leader_state_json(state);
    bool claimed = false;
    {
        std::lock_guard lock(s.mutex);
        if (!s.options.lead || s.refused_lead)
            return;
        s.last_state = json;
        claimed = s.claimed;
    }
    if (claimed)
        s.publish(s.topics.state, json);
}

void SchoolLink::publish_room_totals(const RoomTotals& totals) {
    Impl& s = *m_impl;
    std::optional<std::string> json;
    {
        std::lock_guard lock(s.mutex);
        RoomTotals mine = totals;
        mine.room = s.options.room;
        mine.session.clear();
        if (s.last_totals == mine)
            return;
        s.last_totals = std::move(mine);
        json = s.totals_json_locked(); // nothing until the leader is known: sent when it is
    }
    if (json)
        s.publish(room_totals_topic(s.options.deck_id, s.options.room), *json);
}

bool SchoolLink::leading() const {
    std::lock_guard lock(m_impl->mutex);
    return m_impl->options.lead && !m_impl->refused_lead;
}

bool SchoolLink::refused() const {
    std::lock_guard lock(m_impl->mutex);
    return m_impl->refused_lead;
}

bool SchoolLink::connected() const {
    std::lock_guard lock(m_impl->mutex);
    return m_impl->is_connected;
}

std::map<std::string, RoomTotals> SchoolLink::rooms() const {
    std::lock_guard lock(m_impl->mutex);
    return m_impl->rooms;
}

const std::string& SchoolLink::session() const {
    return m_impl->session;
}

} // namespace lectern
