#include "school_session.h"

#include "core/base/concat.h"
#include "core/school/school_record.h"

#include <SDL2/SDL.h>

#include <algorithm>
#include <fstream>
#include <iostream>

namespace lectern {

SchoolSession::SchoolSession(SchoolSessionOptions options, const Deck& deck, Problems& problems)
    : m_options(std::move(options)), m_problems(problems), m_fingerprints(slide_fingerprints(deck)) {
}

SchoolSession::~SchoolSession() {
    m_link.reset(); // its thread stops before the inbox and the EventWait it wakes go
}

void SchoolSession::start(EventWait& wait) {
    m_wait = &wait;
    m_event = SDL_RegisterEvents(1);
    if (m_event == static_cast<std::uint32_t>(-1)) {
        m_event = 0;
        report("cannot join the school's broker: no event left to wake the presentation with");
        refresh_problems();
        return;
    }
    auto post = [this](auto fill) {
        {
            std::lock_guard lock(m_inbox_mutex);
            fill(m_inbox);
        }
        m_wait->post(m_event);
    };
    SchoolEvents events;
    events.leader_state = [post](LeaderState state) {
        post([&state](Inbox& inbox) { inbox.state = std::move(state); });
    };
    events.school_totals = [post](PollCounts totals) {
        post([&totals](Inbox& inbox) { inbox.totals = std::move(totals); });
    };
    events.problem = [post](std::string problem) {
        post([&problem](Inbox& inbox) { inbox.problems.push_back(std::move(problem)); });
    };
    events.connected = [post](bool connected) {
        post([connected](Inbox& inbox) { inbox.connected = connected; });
    };
    Expected<std::unique_ptr<SchoolLink>> link = SchoolLink::start(m_options.link, std::move(events));
    if (!link) {
        report(concat("cannot join the school's broker: ", link.error()));
        refresh_problems();
        return;
    }
    m_link = std::move(*link);
    refresh_problems();
}

void SchoolSession::report(std::string problem) {
    if (std::ranges::find(m_said, problem) != m_said.end())
        return; // said once is enough
    std::cerr << "lectern: school: " << problem << std::endl;
    m_said.push_back(std::move(problem));
}

SchoolArrivals SchoolSession::take_arrivals() {
    Inbox inbox;
    {
        std::lock_guard lock(m_inbox_mutex);
        inbox = std::exchange(m_inbox, Inbox{});
    }
    SchoolArrivals arrivals;
    for (std::string& problem : inbox.problems)
        report(std::move(problem));
    if (inbox.connected) {
        if (*inbox.connected)
            m_ever_connected = true;
        else if (m_connected)
            std::cerr << "lectern: school: lost the school's broker; this room carries on and catches up "
                         "when it is back"
                      << std::endl;
        m_connected = *inbox.connected;
    }
    if (inbox.totals && *inbox.totals != m_school_totals) {
        m_school_totals = std::move(*inbox.totals);
        arrivals.totals_changed = true;
        if (leading())
            write_record();
    }
    if (inbox.state) {
        m_leader_state = std::move(*inbox.state);
        const std::string difference = deck_difference(m_fingerprints, m_leader_state->fingerprints);
        if (difference != m_difference && !difference.empty())
            std::cerr << "lectern: school: not following the leader: " << difference << std::endl;
        m_difference = difference;
        if (following())
            arrivals.state = m_leader_state;
    }
    refresh_problems();
    return arrivals;
}

void SchoolSession::refresh_problems() {
    std::vector<std::string> problems = m_said;
    if (!m_difference.empty())
        problems.push_back(
            concat("Not following the leader: ", m_difference, ". Use the same deck file in every room."));
    if (m_link && !m_connected)
        problems.push_back(
            m_ever_connected
                ? "Lost the school's broker: this room carries on, and catches up when it is back"
                : "Joining the school's broker...");
    m_problems.set(ProblemSource::School, std::move(problems));
}

bool SchoolSession::leading() const {
    return m_link && m_link->leading();
}

bool SchoolSession::following() const {
    return m_link && !m_options.link.lead && !m_options.local && m_difference.empty();
}

std::optional<LeaderState> SchoolSession::toggle_local() {
    m_options.local = !m_options.local;
    if (following())
        return m_leader_state;
    return std::nullopt;
}

void SchoolSession::publish_state(const NavState& nav, std::string poll, bool open, bool revealed) {
    if (!leading())
        return;
    LeaderState state;
    state.nav = nav;
    state.nav.typed_number.clear(); // not part of the show
    state.poll = std::move(poll);
    state.open = open;
    state.revealed = revealed;
    state.fingerprints = m_fingerprints;
    if (m_published == state)
        return;
    m_link->publish_state(state);
    m_published = std::move(state);
}

void SchoolSession::publish_room_totals(const PollCounts& counts) {
    if (m_link)
        m_link->publish_room_totals(RoomTotals{m_options.link.room, "", counts});
}

const std::vector<int>* SchoolSession::school_counts(const std::string& poll) const {
    const auto found = m_school_totals.find(poll);
    return found == m_school_totals.end() ? nullptr : &found->second;
}

std::map<std::string, PollCounts> SchoolSession::room_counts() const {
    std::map<std::string, PollCounts> rooms;
    if (m_link) {
        for (auto& [level, totals] : m_link->rooms())
            rooms[level] = totals.polls;
    }
    return rooms;
}

std::string SchoolSession::screen_note() const {
    return m_difference.empty() ? std::string() : concat("Not following the leader: ", m_difference);
}

// Written whole to a file beside, then renamed over the last one: a reader never sees half of it.
void SchoolSession::write_record() {
    if (m_record.empty())
        return;
    std::filesystem::path partial = m_record;
    partial += ".partial";
    {
        std::ofstream out(partial, std::ios::trunc);
        out << school_record_csv(m_school_totals, room_counts());
        if (!out.flush()) {
            report(concat("cannot keep the school's totals in ", m_record.string()));
            return;
        }
    }
    std::error_code error;
    std::filesystem::rename(partial, m_record, error);
    if (error)
        report(concat("cannot keep the school's totals in ", m_record.string(), ": ", error.message()));
}

void SchoolSession::deck_reloaded(const Deck& deck) {
    m_fingerprints = slide_fingerprints(deck);
    m_published.reset(); // the leader says its new fingerprints
    if (m_leader_state)
        m_difference = deck_difference(m_fingerprints, m_leader_state->fingerprints);
    refresh_problems();
}

} // namespace lectern
