#include "remote_state.h"

#include "core/base/concat.h"
#include "core/base/json.h"

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
                  blank_name(state.blank), "\",\"poll\":", poll, '}');
}

} // namespace lectern
