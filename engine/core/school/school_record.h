// SchoolRecord: what a leader keeps of a school's polls beside its own session's results, so that
// `lectern results` on the leader shows the school's totals and each room's counts. CSV, one line a
// count: "room,poll,option,count", room "(school)" for the sum (no room's topic level has brackets),
// option 1-based (a words poll: 1, the number of answers). Room names are topic levels and poll ids slide
// ids, so no field needs quoting. Counts only: never a device token, an answer's text or an address. Pure.
#pragma once

#include "core/base/expected.h"
#include "school_protocol.h"

#include <map>
#include <string>
#include <string_view>

namespace lectern {

struct SchoolRecord {
    PollCounts school;
    std::map<std::string, PollCounts> rooms; // by topic level
    friend bool operator==(const SchoolRecord&, const SchoolRecord&) = default;
};

std::string school_record_csv(const PollCounts& school, const std::map<std::string, PollCounts>& rooms);
// A Failure names the first line that is not "room,poll,option,count" with an option from 1 to 1000
// and a count from 0 to school_count_max times the rooms' limit.
Expected<SchoolRecord> parse_school_record(std::string_view csv);

} // namespace lectern
