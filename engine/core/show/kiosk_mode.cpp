#include "kiosk_mode.h"

#include <algorithm>

namespace lectern {

void KioskMode::used(std::uint64_t now_ms) {
    if (is_kiosk())
        m_clock.input(now_ms);
}

std::optional<std::uint64_t> KioskMode::due_ms(const Deck& deck, const DeckShape& shape,
                                               const NavState& nav) const {
    if (!is_kiosk() || deck.slides.empty())
        return std::nullopt;
    const bool last = nav.slide + 1 == deck.slides.size() && nav.step + 1 >= shape.steps[nav.slide];
    const KioskSettings settings = deck.kiosk.value_or(KioskSettings{});
    if (last && !settings.loop)
        return std::nullopt; // stays on the last slide
    return m_clock.advance_at_ms(deck.seconds_for(deck.slides[nav.slide]), settings.resume_after_seconds);
}

std::optional<NavState> KioskMode::advance(const Deck& deck, const DeckShape& shape, const NavState& nav,
                                           std::uint64_t now_ms) {
    const std::optional<std::uint64_t> due = due_ms(deck, shape, nav);
    if (!due || now_ms < *due)
        return std::nullopt;
    m_clock.slide_changed(now_ms);
    const std::optional<NavState> next = following(nav, shape);
    return next ? *next : go_to_slide(nav, 0, shape);
}

std::optional<std::uint64_t> KioskMode::wake_at_ms(const Deck& deck, const DeckShape& shape,
                                                   const NavState& nav, std::uint64_t now_ms) const {
    std::optional<std::uint64_t> wake;
    for (const std::optional<std::uint64_t> at : {due_ms(deck, shape, nav), m_held.due_at_ms()}) {
        if (at)
            wake = std::min(wake.value_or(UINT64_MAX), std::max(now_ms, *at));
    }
    return wake;
}

} // namespace lectern
