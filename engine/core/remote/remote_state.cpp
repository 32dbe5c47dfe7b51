#include "remote_state.h"

#include "core/base/concat.h"
#include "core/base/json.h"
#include "core/compose/slide_title.h"

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
                  "\",\"minutes_ahead\":", std::round(state.minutes_ahead * 10) / 10,
                  ",\"paused\":", state.paused ? "true" : "false", '}');
}

RemoteState remote_state_of(const Deck& deck, const NavState& nav, const DeckShape& shape,
                            const Stopwatch& stopwatch, std::uint64_t now_ms,
                            std::optional<RemotePoll> poll) {
    const std::uint64_t elapsed_ms = stopwatch.elapsed_ms(now_ms);
    RemoteState state;
    state.count = deck.slides.size();
    if (nav.slide >= deck.slides.size())
        return state;
    const Slide& slide = deck.slides[nav.slide];
    state.slide = nav.slide + 1;
    state.step = nav.step + 1;
    state.steps = nav.slide < shape.steps.size() ? shape.steps[nav.slide] : 1;
    state.title = title_of(slide);
    state.notes = slide.notes;
    if (nav.slide + 1 < deck.slides.size())
        state.next_title = title_of(deck.slides[nav.slide + 1]);
    state.elapsed_ms = static_cast<std::int64_t>(elapsed_ms);
    state.paused = !stopwatch.running();
    state.planned_ms = deck.info.duration_minutes ? std::int64_t{*deck.info.duration_minutes} * 60000 : 0;
    const Pace pace = pace_of(elapsed_ms, now_ms, nav.slide, deck.slides.size(), deck.info.duration_minutes);
    state.pace = pace.state;
    state.minutes_ahead = pace.minutes_ahead;
    state.blank = nav.blank == Blank::Black   ? RemoteBlank::Black
                  : nav.blank == Blank::White ? RemoteBlank::White
                                              : RemoteBlank::None;
    state.poll = std::move(poll);
    return state;
}

bool remote_news(const RemoteState& sent, const RemoteState& now) {
    RemoteState clockless = now;
    clockless.elapsed_ms = sent.elapsed_ms;
    clockless.minutes_ahead = sent.minutes_ahead;
    return clockless != sent;
}

} // namespace lectern
