#include "poll_record.h"

#include "core/base/concat.h"
#include "core/base/fnv1a.h"
#include "core/base/text_escape.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <limits>

namespace lectern {

namespace {

constexpr std::string_view format_version = "1";

struct KindName {
    RecordKind kind;
    std::string_view name;
    std::size_t fields; // after the poll id
};

constexpr std::array<KindName, 11> kind_names = {{
    {RecordKind::Opened, "open", 0},
    {RecordKind::Closed, "close", 0},
    {RecordKind::Revealed, "reveal", 0},
    {RecordKind::Hidden, "hide", 0},
    {RecordKind::Vote, "vote", 2},
    {RecordKind::HandCount, "hands", 2},
    {RecordKind::HandUndo, "undo", 0},
    {RecordKind::Reset, "reset", 0},
    {RecordKind::Answer, "answer", 3},
    {RecordKind::AnswerStatus, "status", 2},
    {RecordKind::AnswerFlag, "flag", 2},
}};

constexpr std::array<std::string_view, 3> status_names = {"pending", "approved", "rejected"};

const KindName& kind_name(RecordKind kind) {
    return kind_names[static_cast<std::size_t>(kind)];
}

std::string hex8(std::uint32_t value) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out(8, '0');
    for (std::size_t i = 8; i-- > 0; value >>= 4)
        out[i] = digits[value & 0xFu];
    return out;
}

std::optional<std::string> unescaped(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\\') {
            out += text[i];
            continue;
        }
        if (++i == text.size())
            return std::nullopt;
        switch (text[i]) {
        case '\\':
            out += '\\';
            break;
        case 't':
            out += '\t';
            break;
        case 'n':
            out += '\n';
            break;
        case 'r':
            out += '\r';
            break;
        case 'x': {
            unsigned value = 0;
            if (i + 3 > text.size())
                return std::nullopt;
            const auto [end, error] = std::from_chars(text.data() + i + 1, text.data() + i + 3, value, 16);
            if (error != std::errc{} || end != text.data() + i + 3)
                return std::nullopt;
            out += static_cast<char>(value);
            i += 2;
            break;
        }
        default:
            return std::nullopt;
        }
    }
    return out;
}

template <typename Number>
std::optional<Number> number_from(std::string_view text) {
    Number value{};
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc{} || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

std::string choices_text(const std::vector<int>& choices) {
    std::string out;
    for (int choice : choices)
        out += concat(out.empty() ? "" : ",", choice);
    return out;
}

std::optional<std::vector<int>> choices_from(std::string_view text) {
    std::vector<int> choices;
    while (!text.empty()) {
        const std::size_t comma = std::min(text.find(','), text.size());
        const auto choice = number_from<int>(text.substr(0, comma));
        if (!choice)
            return std::nullopt;
        choices.push_back(*choice);
        text.remove_prefix(std::min(comma + 1, text.size()));
    }
    return choices;
}

std::vector<std::string_view> split_tabs(std::string_view line) {
    std::vector<std::string_view> fields;
    for (std::size_t start = 0;;) {
        const std::size_t tab = line.find('\t', start);
        fields.push_back(
            line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
        if (tab == std::string_view::npos)
            return fields;
        start = tab + 1;
    }
}

PollRecord of_kind(std::string poll, RecordKind kind) {
    PollRecord record;
    record.poll = std::move(poll);
    record.kind = kind;
    return record;
}

// Votes and answers in a log were accepted when they arrived: replay them as if the poll were open.
template <typename Change>
VoteResult while_open(PollState& poll, Change change) {
    const bool was_open = poll.open;
    poll.open = true;
    VoteResult result = change(poll);
    poll.open = was_open;
    return result;
}

WordsAnswer* answer_numbered(PollState& poll, std::size_t number) {
    auto found =
        std::ranges::find_if(poll.answers, [number](const WordsAnswer& a) { return a.number == number; });
    return found == poll.answers.end() ? nullptr : &*found;
}

} // namespace

PollRecord PollRecord::opened(std::string poll) {
    return of_kind(std::move(poll), RecordKind::Opened);
}
PollRecord PollRecord::closed(std::string poll) {
    return of_kind(std::move(poll), RecordKind::Closed);
}
PollRecord PollRecord::revealed(std::string poll) {
    return of_kind(std::move(poll), RecordKind::Revealed);
}
PollRecord PollRecord::hidden(std::string poll) {
    return of_kind(std::move(poll), RecordKind::Hidden);
}
PollRecord PollRecord::hand_undo(std::string poll) {
    return of_kind(std::move(poll), RecordKind::HandUndo);
}
PollRecord PollRecord::reset(std::string poll) {
    return of_kind(std::move(poll), RecordKind::Reset);
}

PollRecord PollRecord::vote(std::string poll, std::string device, std::vector<int> choices) {
    PollRecord record = of_kind(std::move(poll), RecordKind::Vote);
    record.device = std::move(device);
    record.choices = std::move(choices);
    return record;
}

PollRecord PollRecord::hand_count(std::string poll, std::size_t choice_index, int count) {
    PollRecord record = of_kind(std::move(poll), RecordKind::HandCount);
    record.choice_index = choice_index;
    record.count = count;
    return record;
}

PollRecord PollRecord::answer(std::string poll, std::string text, std::string held_because,
                              std::int64_t received_s) {
    PollRecord record = of_kind(std::move(poll), RecordKind::Answer);
    record.text = std::move(text);
    record.held_because = std::move(held_because);
    record.received_s = received_s;
    return record;
}

PollRecord PollRecord::answer_status(std::string poll, std::size_t number, lectern::AnswerStatus status) {
    PollRecord record = of_kind(std::move(poll), RecordKind::AnswerStatus);
    record.number = number;
    record.status = status;
    return record;
}

PollRecord PollRecord::answer_flag(std::string poll, std::size_t number, bool flagged) {
    PollRecord record = of_kind(std::move(poll), RecordKind::AnswerFlag);
    record.number = number;
    record.flagged = flagged;
    return record;
}

std::string encode_record(const PollRecord& record) {
    std::string line = concat(format_version, '\t', kind_name(record.kind).name, '\t');
    append_escaped_controls(line, record.poll);
    const auto field = [&line](std::string_view text) {
        line += '\t';
        append_escaped_controls(line, text);
    };
    switch (record.kind) {
    case RecordKind::Vote:
        field(record.device);
        field(choices_text(record.choices));
        break;
    case RecordKind::HandCount:
        field(concat(record.choice_index));
        field(concat(record.count));
        break;
    case RecordKind::Answer:
        field(record.text);
        field(record.held_because);
        field(concat(record.received_s));
        break;
    case RecordKind::AnswerStatus:
        field(concat(record.number));
        field(status_names[static_cast<std::size_t>(record.status)]);
        break;
    case RecordKind::AnswerFlag:
        field(concat(record.number));
        field(record.flagged ? "on" : "off");
        break;
    default:
        break;
    }
    const std::uint32_t checksum = fnv1a<std::uint32_t>(line);
    return concat(line, '\t', hex8(checksum));
}

Expected<PollRecord> decode_record(std::string_view line) {
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r'))
        line.remove_suffix(1);
    if (line.empty())
        return Failure{"the line is empty"};
    const std::size_t last_tab = line.rfind('\t');
    if (last_tab == std::string_view::npos ||
        line.substr(last_tab + 1) != hex8(fnv1a<std::uint32_t>(line.substr(0, last_tab))))
        return Failure{"the checksum does not match (a line cut short or damaged)"};
    const std::vector<std::string_view> fields = split_tabs(line.substr(0, last_tab));
    if (fields[0] != format_version)
        return Failure{concat("unknown record format \"", fields[0], "\"")};
    if (fields.size() < 3)
        return Failure{"a record needs a kind and a poll id"};
    const auto* known =
        std::ranges::find_if(kind_names, [&](const KindName& k) { return k.name == fields[1]; });
    if (known == kind_names.end())
        return Failure{concat("unknown record kind \"", fields[1], "\"")};
    if (fields.size() != 3 + known->fields)
        return Failure{concat("a ", known->name, " record has ", known->fields,
                              " fields after the poll id, not ", fields.size() - 3)};
    std::vector<std::string> texts;
    for (std::size_t i = 2; i < fields.size(); ++i) {
        std::optional<std::string> text = unescaped(fields[i]);
        if (!text)
            return Failure{concat("field ", i + 1, " has a broken escape")};
        texts.push_back(std::move(*text));
    }
    PollRecord record = of_kind(std::move(texts[0]), known->kind);
    const auto bad = [](std::string_view what) {
        return Expected<PollRecord>(Failure{concat("bad ", what)});
    };
    switch (record.kind) {
    case RecordKind::Vote: {
        record.device = std::move(texts[1]);
        auto choices = choices_from(texts[2]);
        if (!choices)
            return bad("choices");
        record.choices = std::move(*choices);
        break;
    }
    case RecordKind::HandCount: {
        const auto index = number_from<std::size_t>(texts[1]);
        const auto count = number_from<int>(texts[2]);
        if (!index || !count)
            return bad("hand count");
        record.choice_index = *index;
        record.count = *count;
        break;
    }
    case RecordKind::Answer: {
        const auto received = number_from<std::int64_t>(texts[3]);
        if (!received)
            return bad("answer time");
        record.text = std::move(texts[1]);
        record.held_because = std::move(texts[2]);
        record.received_s = *received;
        break;
    }
    case RecordKind::AnswerStatus: {
        const auto number = number_from<std::size_t>(texts[1]);
        const auto* status = std::ranges::find(status_names, texts[2]);
        if (!number || status == status_names.end())
            return bad("answer status");
        record.number = *number;
        record.status = static_cast<lectern::AnswerStatus>(status - status_names.begin());
        break;
    }
    case RecordKind::AnswerFlag: {
        const auto number = number_from<std::size_t>(texts[1]);
        if (!number || (texts[2] != "on" && texts[2] != "off"))
            return bad("answer flag");
        record.number = *number;
        record.flagged = texts[2] == "on";
        break;
    }
    default:
        break;
    }
    return record;
}

bool detail::apply_record(std::map<std::string, PollState>& polls, const PollRecord& record) {
    const auto found = polls.find(record.poll);
    if (found == polls.end())
        return false;
    PollState& poll = found->second;
    switch (record.kind) {
    case RecordKind::Opened:
    case RecordKind::Closed:
        poll.open = record.kind == RecordKind::Opened;
        return true;
    case RecordKind::Revealed:
    case RecordKind::Hidden:
        poll.revealed = record.kind == RecordKind::Revealed;
        return true;
    case RecordKind::Vote: {
        const VoteResult result =
            while_open(poll, [&record](PollState& p) { return cast_vote(p, record.device, record.choices); });
        return result.outcome == VoteOutcome::Counted || result.outcome == VoteOutcome::Changed;
    }
    case RecordKind::HandCount:
        if (record.choice_index >= poll.hand_counts.size())
            return false;
        set_hand_count(poll, record.choice_index, record.count);
        return true;
    case RecordKind::HandUndo:
        return undo_hand_count(poll);
    case RecordKind::Reset:
        reset_votes(poll);
        return true;
    case RecordKind::Answer: {
        // The length limit was checked when the answer arrived; the deck may have changed since.
        const VoteResult result = while_open(poll, [&record](PollState& p) {
            return submit_answer(p, record.text, std::numeric_limits<std::size_t>::max(),
                                 record.held_because);
        });
        return result.outcome == VoteOutcome::Counted;
    }
    case RecordKind::AnswerStatus:
        if (WordsAnswer* answer = answer_numbered(poll, record.number)) {
            answer->status = record.status;
            return true;
        }
        return false;
    case RecordKind::AnswerFlag:
        if (WordsAnswer* answer = answer_numbered(poll, record.number)) {
            answer->flagged = record.flagged;
            return true;
        }
        return false;
    }
    return false;
}

PollTotals totals_of(const PollState& poll) {
    PollTotals totals;
    totals.poll = poll.id;
    totals.layout = poll.layout;
    totals.counts = total_counts(poll);
    totals.approved = approved_words(poll);
    for (const WordsAnswer& answer : poll.answers) {
        if (answer.flagged)
            totals.flagged.push_back({answer.number, answer.text});
    }
    return totals;
}

} // namespace lectern
