#include "results_totals.h"

#include "core/base/concat.h"

#include <algorithm>
#include <array>

namespace lectern {

namespace {

// A spreadsheet reads a cell starting with one of these as a formula ("=HYPERLINK(...)", "@SUM(...)"),
// or drops the leading tab or return: such a cell is written after an apostrophe, which spreadsheets
// read as "this is text" and do not show. A cell that starts with an apostrophe gets one more, so
// reading the file back (rows_from_csv) can always take one away.
bool starts_like_formula(std::string_view text) {
    return !text.empty() && std::string_view("=+-@\t\r'").find(text.front()) != std::string_view::npos;
}

std::string without_text_mark(std::string field) {
    if (field.starts_with('\''))
        field.erase(0, 1);
    return field;
}

} // namespace

std::string csv_field(std::string_view text) {
    const std::string cell = starts_like_formula(text) ? "'" + std::string(text) : std::string(text);
    if (cell.find_first_of(",\"\r\n") == std::string::npos)
        return cell;
    std::string out = "\"";
    for (char c : cell)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + '"';
}

namespace {

constexpr std::array<std::string_view, 3> kind_names = {"option", "word", "flagged"};

std::vector<std::vector<std::string>> parse_csv(std::string_view text) {
    std::vector<std::vector<std::string>> records;
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
                fields.back() += text[++i];
            else if (c == '"')
                quoted = false;
            else
                fields.back() += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.emplace_back();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
            records.push_back(std::exchange(fields, std::vector<std::string>(1)));
        } else {
            fields.back() += c;
        }
    }
    if (fields.size() > 1 || !fields[0].empty())
        records.push_back(std::move(fields));
    return records;
}

} // namespace

std::string totals_csv(const std::vector<TotalsRow>& rows) {
    std::string csv = "kind,poll,question,answer,count,time\n";
    for (const TotalsRow& row : rows) {
        csv += concat(kind_names[static_cast<std::size_t>(row.kind)], ',', csv_field(row.poll), ',',
                      csv_field(row.question), ',', csv_field(row.answer), ',',
                      row.kind == TotalsRow::Kind::Flagged ? std::string() : concat(row.count), ',',
                      csv_field(row.time), '\n');
    }
    return csv;
}

// RFC 4180 records: quoted fields may hold commas, "" and line breaks.

std::vector<TotalsRow> rows_from_csv(std::string_view text) {
    std::vector<TotalsRow> rows;
    for (const std::vector<std::string>& fields : parse_csv(text)) {
        const auto* kind = std::ranges::find(kind_names, fields[0]);
        if (fields.size() != 6 || kind == kind_names.end())
            continue; // the header, or a line from a later version
        rows.push_back({static_cast<TotalsRow::Kind>(kind - kind_names.begin()), without_text_mark(fields[1]),
                        without_text_mark(fields[2]), without_text_mark(fields[3]),
                        std::atoi(fields[4].c_str()), without_text_mark(fields[5])});
    }
    return rows;
}

// The deck's polls with a finished session's totals as their counts: enough to draw them again.
std::map<std::string, PollState> polls_from_rows(const Deck& deck, const std::vector<TotalsRow>& rows) {
    std::map<std::string, PollState> polls = polls_for(deck);
    for (auto& [id, poll] : polls) {
        std::vector<int> counts;
        for (const TotalsRow& row : rows) {
            if (row.poll != id)
                continue;
            if (row.kind == TotalsRow::Kind::Option)
                counts.push_back(row.count);
            for (int i = 0; row.kind == TotalsRow::Kind::Word && i < row.count; ++i)
                poll.answers.push_back(
                    {poll.answers.size() + 1, row.answer, AnswerStatus::Approved, "", false, {}});
            if (row.kind == TotalsRow::Kind::Flagged)
                poll.answers.push_back(
                    {poll.answers.size() + 1, row.answer, AnswerStatus::Rejected, "", true, {}});
        }
        if (counts.size() == poll.choices)
            poll.hand_counts = counts;
    }
    return polls;
}

} // namespace lectern
