#include "kiosk_clock.h"

#include <algorithm>
#include <cmath>

namespace lectern {

namespace {
std::uint64_t milliseconds(double seconds) {
    return static_cast<std::uint64_t>(std::llround(std::max(0.0, seconds) * 1000.0));
}
} // namespace

std::uint64_t KioskClock::advance_at_ms(double slide_seconds, double resume_after_seconds) const {
    const std::uint64_t scheduled = slide_shown_ms + milliseconds(slide_seconds);
    if (!last_input_ms)
        return scheduled;
    return std::max(scheduled, *last_input_ms + milliseconds(resume_after_seconds));
}

} // namespace lectern
