#include "school_record.h"

#include "core/base/concat.h"

#include <charconv>

namespace lectern {

namespace {

constexpr int max_options = 1000;
constexpr std::string_view school_row = "(school)";
constexpr long long max_count = static_cast<long long>(school_count_max) * 1000;

void add_lines(std::string& out, std::string_view room, const PollCounts& polls) {
    for (const auto& [poll, counts] : polls) {
        for (std::size_t i = 0; i < counts.size(); ++i)
            out += concat(room, ',', poll, ',', i + 1, ',', counts[i], '\n');
    }
}

std::optional<long long> number_in(std::string_view text, long long min, long long max) {
    long long value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || value < min || value > max)
        return std::nullopt;
    return value;
}

} // namespace

std::string school_record_csv(const PollCounts& school, const std::map<std::string, PollCounts>& rooms) {
    std::string out = "room,poll,option,count\n";
    add_lines(out, school_row, school);
    for (const auto& [room, polls] : rooms)
        add_lines(out, room, polls);
    return out;
}

Expected<SchoolRecord> parse_school_record(std::string_view csv) {
    SchoolRecord record;
    std::size_t line_number = 0;
    while (!csv.empty()) {
        const std::size_t end = csv.find('\n');
        const std::string_view line = csv.substr(0, end);
        csv = end == std::string_view::npos ? std::string_view() : csv.substr(end + 1);
        if (++line_number == 1 || line.empty())
            continue; // the header
        std::string_view fields[4];
        std::string_view rest = line;
        std::size_t count = 0;
        for (; count < 4 && !rest.empty(); ++count) {
            const std::size_t comma = rest.find(',');
            fields[count] = rest.substr(0, comma);
            rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        }
        const auto option = number_in(fields[2], 1, max_options);
        const auto number = number_in(fields[3], 0, max_count);
        if (count != 4 || !rest.empty() || fields[0].empty() || fields[1].empty() || !option || !number)
            return Failure{concat("line ", line_number, " is not \"room,poll,option,count\"")};
        PollCounts& polls = fields[0] == school_row ? record.school : record.rooms[std::string(fields[0])];
        std::vector<int>& counts = polls[std::string(fields[1])];
        if (counts.size() < static_cast<std::size_t>(*option))
            counts.resize(static_cast<std::size_t>(*option), 0);
        counts[static_cast<std::size_t>(*option - 1)] = static_cast<int>(*number);
    }
    return record;
}

} // namespace lectern
