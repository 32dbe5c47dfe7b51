#include "school_protocol.h"

#include "core/base/concat.h"
#include "core/base/fnv1a.h"
#include "core/base/json.h"
#include "core/deck/slide_layout.h"

#include <cmath>
#include <cstdio>

namespace lectern {

namespace {

constexpr std::size_t max_level_bytes = 64;

std::string hex16(std::uint64_t value) {
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
    return text;
}

// Each field as its length and its bytes, so no two different slides write the same text.
void add(std::string& out, std::string_view field) {
    out += concat(field.size(), ':', field, ';');
}

std::string_view blank_name(Blank blank) {
    return blank == Blank::Black ? "black" : blank == Blank::White ? "white" : "none";
}

std::optional<Blank> blank_named(std::string_view name) {
    if (name == "none")
        return Blank::None;
    if (name == "black")
        return Blank::Black;
    if (name == "white")
        return Blank::White;
    return std::nullopt;
}

std::optional<std::size_t> count_of(const JsonValue* value) {
    const double* number = value ? value->number() : nullptr;
    if (!number || *number < 0 || *number > 1e9 || std::floor(*number) != *number)
        return std::nullopt;
    return static_cast<std::size_t>(*number);
}

std::string string_list(const std::vector<std::string>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i)
        out += concat(i ? "," : "", json_string(items[i]));
    return out + ']';
}

} // namespace

std::string topic_level(std::string_view name) {
    std::string level;
    for (char c : name) {
        if (level.size() == max_level_bytes)
            break;
        const bool keep =
            (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
        if (keep)
            level += c;
        else if (c >= 'A' && c <= 'Z')
            level += static_cast<char>(c - 'A' + 'a');
        else
            level += '-';
    }
    if (level.find_first_not_of("-.") == std::string::npos)
        return "room";
    return level;
}

std::string school_topic(std::string_view deck_id, std::string_view leaf) {
    return concat("lectern/", topic_level(deck_id), '/', leaf);
}

std::string room_totals_topic(std::string_view deck_id, std::string_view room) {
    return school_topic(deck_id, concat("rooms/", topic_level(room), "/totals"));
}

std::vector<std::string> slide_fingerprints(const Deck& deck) {
    std::vector<std::string> prints;
    prints.reserve(deck.slides.size());
    for (const Slide& slide : deck.slides) {
        std::string text;
        add(text, name_of(slide.layout));
        add(text, slide.id);
        for (std::string_view field : {std::string_view(slide.title), std::string_view(slide.subtitle),
                                       std::string_view(slide.caption), std::string_view(slide.quote),
                                       std::string_view(slide.quote_by)})
            add(text, field);
        for (const std::string& bullet : slide.bullets)
            add(text, bullet);
        for (const Column* column : {&slide.left, &slide.right}) {
            add(text, column->heading);
            for (const std::string& bullet : column->bullets)
                add(text, bullet);
        }
        add(text, slide.build ? "build" : "");
        if (slide.image) {
            add(text, slide.image->path);
            add(text, slide.image->alt);
        }
        if (const std::optional<Question>& q = slide.question) {
            add(text, q->text);
            for (const std::string& option : q->options)
                add(text, option);
            add(text, concat(q->multiple ? 1 : 0, ',', static_cast<int>(q->reveal), ',', q->answer, ',',
                             q->steps, ',', q->max_chars));
            add(text, q->explain);
            add(text, q->low);
            add(text, q->high);
        }
        prints.push_back(hex16(fnv1a<std::uint64_t>(text)));
    }
    return prints;
}

std::string deck_difference(const std::vector<std::string>& mine, const std::vector<std::string>& leaders) {
    const std::size_t common = std::min(mine.size(), leaders.size());
    for (std::size_t i = 0; i < common; ++i) {
        if (mine[i] != leaders[i])
            return concat("slide ", i + 1, " differs from the leader's deck");
    }
    if (mine.size() != leaders.size())
        return concat("this deck has ", mine.size(), " slides, the leader's ", leaders.size());
    return {};
}

std::string leader_state_json(const LeaderState& state) {
    return concat("{\"session\":", json_string(state.session), ",\"room\":", json_string(state.room),
                  ",\"slide\":", state.nav.slide + 1, ",\"step\":", state.nav.step + 1, ",\"blank\":\"",
                  blank_name(state.nav.blank), "\",\"poll\":", json_string(state.poll),
                  ",\"open\":", state.open ? "true" : "false",
                  ",\"revealed\":", state.revealed ? "true" : "false",
                  ",\"fingerprints\":", string_list(state.fingerprints), '}');
}

Expected<LeaderState> parse_leader_state(std::string_view json) {
    const Expected<JsonValue> parsed = parse_json(json, 3);
    if (!parsed)
        return Failure{concat("the leader's state is not valid JSON: ", parsed.error())};
    const JsonObject* object = parsed->object();
    if (!object)
        return Failure{"the leader's state is not a JSON object"};
    LeaderState state;
    const JsonValue* session = member_of(*object, "session");
    const JsonValue* room = member_of(*object, "room");
    const JsonValue* poll = member_of(*object, "poll");
    const JsonValue* blank = member_of(*object, "blank");
    const JsonValue* open = member_of(*object, "open");
    const JsonValue* revealed = member_of(*object, "revealed");
    const JsonValue* prints = member_of(*object, "fingerprints");
    const std::optional<std::size_t> slide = count_of(member_of(*object, "slide"));
    const std::optional<std::size_t> step = count_of(member_of(*object, "step"));
    const std::optional<Blank> blank_value =
        blank && blank->string() ? blank_named(*blank->string()) : std::nullopt;
    const bool* open_value = open ? std::get_if<bool>(&open->value) : nullptr;
    const bool* revealed_value = revealed ? std::get_if<bool>(&revealed->value) : nullptr;
    if (!session || !session->string() || !room || !room->string() || !poll || !poll->string() || !slide ||
        *slide < 1 || !step || *step < 1 || !blank_value || !open_value || !revealed_value || !prints ||
        !prints->array())
        return Failure{"the leader's state lacks a field or has one of the wrong kind"};
    state.session = *session->string();
    state.room = *room->string();
    state.poll = *poll->string();
    state.nav.slide = *slide - 1;
    state.nav.step = *step - 1;
    state.nav.blank = *blank_value;
    state.open = *open_value;
    state.revealed = *revealed_value;
    for (const JsonValue& print : *prints->array()) {
        if (!print.string())
            return Failure{"the leader's slide fingerprints are not all text"};
        state.fingerprints.push_back(*print.string());
    }
    return state;
}

std::string room_totals_json(const RoomTotals& totals) {
    std::string polls = "{";
    bool first = true;
    for (const auto& [id, counts] : totals.polls) {
        polls += concat(first ? "" : ",", json_string(id), ":[");
        for (std::size_t i = 0; i < counts.size(); ++i)
            polls += concat(i ? "," : "", counts[i]);
        polls += ']';
        first = false;
    }
    return concat("{\"room\":", json_string(totals.room), ",\"session\":", json_string(totals.session),
                  ",\"polls\":", polls, "}}");
}

Expected<RoomTotals> parse_room_totals(std::string_view json) {
    const Expected<JsonValue> parsed = parse_json(json, 4);
    if (!parsed)
        return Failure{concat("a room's totals are not valid JSON: ", parsed.error())};
    const JsonObject* object = parsed->object();
    const JsonValue* room = object ? member_of(*object, "room") : nullptr;
    const JsonValue* session = object ? member_of(*object, "session") : nullptr;
    const JsonValue* polls = object ? member_of(*object, "polls") : nullptr;
    if (!room || !room->string() || !session || !session->string() || !polls || !polls->object())
        return Failure{"a room's totals need \"room\", \"session\" and \"polls\""};
    RoomTotals totals{*room->string(), *session->string(), {}};
    for (const JsonMember& poll : *polls->object()) {
        if (!poll.second.array())
            return Failure{concat("the counts of poll \"", poll.first, "\" are not a list")};
        std::vector<int> counts;
        for (const JsonValue& count : *poll.second.array()) {
            const std::optional<std::size_t> value = count_of(&count);
            if (!value || *value > static_cast<std::size_t>(school_count_max))
                return Failure{concat("a count of poll \"", poll.first, "\" is not a whole number")};
            counts.push_back(static_cast<int>(*value));
        }
        totals.polls[poll.first] = std::move(counts);
    }
    return totals;
}

PollCounts school_totals(const std::map<std::string, RoomTotals>& rooms) {
    PollCounts sum;
    for (const auto& [name, room] : rooms) {
        for (const auto& [id, counts] : room.polls) {
            std::vector<int>& total = sum[id];
            if (total.size() < counts.size())
                total.resize(counts.size(), 0);
            for (std::size_t i = 0; i < counts.size(); ++i)
                total[i] += counts[i];
        }
    }
    return sum;
}

} // namespace lectern
