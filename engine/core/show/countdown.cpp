#include "countdown.h"

#include "core/base/concat.h"

#include <algorithm>
#include <cmath>

namespace lectern {

Countdown::Countdown(int seconds, std::uint64_t now_ms)
    : m_total_ms(static_cast<std::uint64_t>(std::clamp(seconds, 1, countdown_max_seconds)) * 1000),
      m_started_ms(now_ms) {
}

std::uint64_t Countdown::elapsed_ms(std::uint64_t now_ms) const {
    const std::uint64_t until = m_paused_at ? *m_paused_at : now_ms;
    return m_elapsed_before_ms + (until > m_started_ms ? until - m_started_ms : 0);
}

void Countdown::toggle_pause(std::uint64_t now_ms) {
    if (elapsed_ms(now_ms) >= m_total_ms)
        return; // at zero there is nothing to pause
    if (m_paused_at) {
        m_elapsed_before_ms = elapsed_ms(now_ms);
        m_started_ms = now_ms;
        m_paused_at.reset();
    } else {
        m_paused_at = now_ms;
    }
}

void Countdown::restart(std::uint64_t now_ms) {
    m_started_ms = now_ms;
    m_elapsed_before_ms = 0;
    m_paused_at.reset();
}

std::uint64_t Countdown::remaining_ms(std::uint64_t now_ms) const {
    const std::uint64_t elapsed = elapsed_ms(now_ms);
    return elapsed >= m_total_ms ? 0 : m_total_ms - elapsed;
}

CountdownPhase Countdown::phase(std::uint64_t now_ms) const {
    const std::uint64_t elapsed = elapsed_ms(now_ms);
    if (elapsed < m_total_ms)
        return m_paused_at ? CountdownPhase::Paused : CountdownPhase::Running;
    return elapsed < m_total_ms + countdown_pulse_ms * countdown_pulses ? CountdownPhase::Pulsing
                                                                        : CountdownPhase::TimesUp;
}

std::string Countdown::text(std::uint64_t now_ms) const {
    if (phase(now_ms) == CountdownPhase::TimesUp)
        return "Time's up";
    // Whole seconds rounded up: "0:01" until the very end, never "0:00" while time is left.
    const std::uint64_t seconds = (remaining_ms(now_ms) + 999) / 1000;
    const std::uint64_t minutes = seconds / 60;
    const std::uint64_t rest = seconds % 60;
    return concat(minutes, rest < 10 ? ":0" : ":", rest);
}

double Countdown::pulse(std::uint64_t now_ms) const {
    if (phase(now_ms) != CountdownPhase::Pulsing)
        return 0;
    const std::uint64_t into = (elapsed_ms(now_ms) - m_total_ms) % countdown_pulse_ms;
    return std::sin(std::acos(-1.0) * static_cast<double>(into) / static_cast<double>(countdown_pulse_ms));
}

std::optional<std::uint64_t> Countdown::next_change_ms(std::uint64_t now_ms) const {
    switch (phase(now_ms)) {
    case CountdownPhase::Running: {
        const std::uint64_t into_second = remaining_ms(now_ms) % 1000;
        return now_ms + (into_second == 0 ? 1000 : into_second);
    }
    case CountdownPhase::Pulsing:
        return now_ms + 16; // a smooth pulse: about 60 frames a second, for under two seconds
    case CountdownPhase::Paused:
    case CountdownPhase::TimesUp:
        break;
    }
    return std::nullopt;
}

} // namespace lectern
