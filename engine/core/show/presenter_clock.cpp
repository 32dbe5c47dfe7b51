#include "presenter_clock.h"

#include <algorithm>

namespace lectern {

std::uint64_t Stopwatch::elapsed_ms(std::uint64_t now_ms) const {
    if (running_since && now_ms > *running_since)
        return accumulated_ms + (now_ms - *running_since);
    return accumulated_ms;
}

void Stopwatch::pause(std::uint64_t now_ms) {
    accumulated_ms = elapsed_ms(now_ms);
    running_since.reset();
}

void Stopwatch::resume(std::uint64_t now_ms) {
    if (!running_since)
        running_since = now_ms;
}

void Stopwatch::reset(std::uint64_t now_ms) {
    accumulated_ms = 0;
    if (running_since)
        running_since = now_ms;
}

Pace pace_of(std::uint64_t elapsed_ms, std::uint64_t now_ms, std::size_t slide, std::size_t slide_count,
             std::optional<int> duration_minutes) {
    Pace pace;
    if (!duration_minutes || *duration_minutes <= 0 || slide_count == 0)
        return pace;
    const double planned_minutes = *duration_minutes;
    const double elapsed_minutes = static_cast<double>(elapsed_ms) / 60000.0;
    const double done = static_cast<double>(slide) / static_cast<double>(slide_count);
    pace.minutes_ahead = done * planned_minutes - elapsed_minutes;
    pace.minutes_left = planned_minutes - elapsed_minutes;
    pace.planned_end_ms = now_ms + static_cast<std::uint64_t>(std::max(0.0, pace.minutes_left) * 60000.0);
    if (pace.minutes_left <= 0)
        pace.state = PaceState::Over;
    else if (pace.minutes_left < std::max(3.0, planned_minutes * 0.1))
        pace.state = PaceState::NearlyOut;
    else if (pace.minutes_ahead < -1.0)
        pace.state = PaceState::Behind;
    else if (pace.minutes_ahead > 1.0)
        pace.state = PaceState::Ahead;
    else
        pace.state = PaceState::OnPace;
    return pace;
}

} // namespace lectern
