// The presentation as a kiosk (--kiosk): slides advance by themselves, looping, and pause while someone
// uses the keys or the mouse.
#include "presentation.h"

namespace lectern {

std::optional<std::uint64_t> Presentation::kiosk_due_ms() const {
    if (!m_options.kiosk || m_deck->slides.empty())
        return std::nullopt;
    const bool last =
        m_nav.slide + 1 == m_deck->slides.size() && m_nav.step + 1 >= m_shape.steps[m_nav.slide];
    const KioskSettings settings = m_deck->kiosk.value_or(KioskSettings{});
    if (last && !settings.loop)
        return std::nullopt; // stays on the last slide
    return m_kiosk_clock.advance_at_ms(m_deck->seconds_for(m_deck->slides[m_nav.slide]),
                                       settings.resume_after_seconds);
}

void Presentation::kiosk_tick(std::uint64_t now_ms) {
    const std::optional<std::uint64_t> due = kiosk_due_ms();
    if (!due || now_ms < *due)
        return;
    const std::optional<NavState> next = following(m_nav, m_shape);
    move_to(next ? *next : go_to_slide(m_nav, 0, m_shape), now_ms);
    m_kiosk_clock.slide_changed(now_ms); // also when a one-slide deck loops onto itself
}

} // namespace lectern
