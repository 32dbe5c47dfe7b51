#include "remote_state.h"

#include "core/base/concat.h"
#include "core/base/json.h"

#include <cmath>

namespace lectern {

namespace {
std::string_view blank_name(RemoteBlank blank) {
    switch (blank) {
    case RemoteBlank::Black:
        return "black";
    case RemoteBlank::White:
        return "white";
    case RemoteBlank::None:
        break;
    }
    return "none";
}
std::string_view pace_name(PaceState pace) {
    switch (pace) {
    case PaceState::OnPace:
        return "on_pace";
    case PaceState::Ahead:
        return "ahead";
    case PaceState::Behind:
        return "behind";
    case PaceState::NearlyOut:
        return "nearly_out";
    case PaceState::Over:
        return "over";
    case PaceState::NoPlan:
        break;
    }
    return "none";
}

} // namespace

std::string remote_state_json(const RemoteState& state) {
    std::string poll = "null";
    if (state.poll)
        poll =
            concat("{\"id\":", json_string(state.poll->id), ",\"open\":", state.poll->open ? "true" : "false",
                   ",\"revealed\":", state.poll->revealed ? "true" : "false",
                   ",\"answers\":", state.poll->answers, '}');
    return concat("{\"slide\":", state.slide, ",\"step\":", state.step, ",\"steps\":", state.steps,
                  ",\"count\":", state.count, ",\"title\":", json_string(state.title),
                  ",\"notes\":", json_string(state.notes), ",\"next_title\":", json_string(state.next_title),
                  ",\"elapsed_ms\":", state.elapsed_ms, ",\"planned_ms\":", state.planned_ms, ",\"blank\":\"",
                  blank_name(state.blank), "\",\"poll\":", poll, ",\"pace\":\"", pace_name(state.pace),
                  "\",\"minutes_ahead\":", std::round(state.minutes_ahead * 10) / 10, '}');
}

} // namespace lectern
