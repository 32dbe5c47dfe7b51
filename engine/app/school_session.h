// SchoolSession: this room's part in a whole school's show (docs/school-mqtt.md). Owns the SchoolLink
// to the school's broker; a leader tells it what it shows and its room's counts, a follower learns from
// it what the leader shows and whether its own deck is the leader's. Every room learns the school's
// totals. The link's thread never touches the show: it leaves what arrived here and wakes the loop with
// EventWait::post; the presentation then takes it on its own thread (take_arrivals).
// Reports into the presentation's Problems (ProblemSource::School), and says each problem once on
// standard error too (the journal, when run as a service).
#pragma once

#include "core/deck/deck.h"
#include "core/school/school_protocol.h"
#include "core/show/problems.h"
#include "event_wait.h"
#include "school/school_link.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace lectern {

struct SchoolSessionOptions {
    SchoolOptions link;
    bool local = false; // --local: a follower that starts off the leader
};

// What the link's thread left since the loop last looked.
struct SchoolArrivals {
    std::optional<LeaderState> state; // a follower on the leader, with a deck that matches: go there
    bool totals_changed = false;      // the school's totals moved: redraw a revealed poll
};

class SchoolSession {
public:
    SchoolSession(SchoolSessionOptions options, const Deck& deck, Problems& problems);
    SchoolSession(const SchoolSession&) = delete;
    SchoolSession& operator=(const SchoolSession&) = delete;
    ~SchoolSession();

    // Joins the broker; the link's thread wakes `wait` with event(). A link that cannot start (a bad
    // TLS file) is a problem, never the end of the show.
    void start(EventWait& wait);
    std::uint32_t event() const { return m_event; }
    // On the loop, after event(): what arrived, with problems moved into the list.
    SchoolArrivals take_arrivals();

    bool leading() const;
    // A follower that shows what the leader shows: not --local, and its deck is the leader's.
    bool following() const;
    // A room that joined as a follower (not --lead), on its leader or, with --local or the panel's
    // button, off it for now.
    bool follower() const { return m_link && !m_options.link.lead; }
    bool local() const { return m_options.local; }
    // --local's toggle: off the leader, or back on it (then the leader's last state is returned to show).
    std::optional<LeaderState> toggle_local();

    // A leader: the show as it is now (sent when it changed). Every room: its counts (likewise).
    void publish_state(const NavState& nav, std::string poll, bool open, bool revealed);
    void publish_room_totals(const PollCounts& counts);

    // The school's counts of `poll` (null when none have arrived): what a revealed poll shows.
    const std::vector<int>* school_counts(const std::string& poll) const;
    const PollCounts& school_totals() const { return m_school_totals; }
    // The leader's view of each room's latest counts, by the room's topic level (for the panel and the
    // results): lower-case letters, digits, '-', '_' and '.' only, whatever a room sends.
    std::map<std::string, PollCounts> room_counts() const;
    // A leader keeps the school's totals and each room's counts in `file` whenever they change, beside
    // its session's results, for `lectern results` (school_record.h). Counts only.
    void record_to(std::filesystem::path file) { m_record = std::move(file); }

    // What the room's screen says over the slide: why this room does not follow the leader ("" for none).
    std::string screen_note() const;

    // The deck was edited: its fingerprints are made again and compared with the leader's next state.
    void deck_reloaded(const Deck& deck);

private:
    void report(std::string problem); // on the loop: once each, into the list and on standard error
    void refresh_problems();
    void write_record();

    SchoolSessionOptions m_options;
    Problems& m_problems;
    std::vector<std::string> m_fingerprints;
    std::uint32_t m_event = 0;
    std::unique_ptr<SchoolLink> m_link;

    // Left by the link's thread, taken by the loop.
    struct Inbox {
        std::optional<LeaderState> state;
        std::optional<PollCounts> totals;
        std::vector<std::string> problems;
        std::optional<bool> connected;
    };
    std::mutex m_inbox_mutex;
    Inbox m_inbox;
    EventWait* m_wait = nullptr;

    // The loop's own.
    std::optional<LeaderState> m_leader_state; // the leader's last, matching or not
    std::string m_difference;                  // "" when this deck is the leader's
    std::vector<std::string> m_said;           // problems reported by the link, in order, once each
    bool m_connected = false;
    bool m_ever_connected = false;
    PollCounts m_school_totals;
    std::optional<LeaderState> m_published;
    std::filesystem::path m_record;
};

} // namespace lectern
