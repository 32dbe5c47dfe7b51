#include "screen_timers.h"

#include <algorithm>

namespace lectern {

float Fade::progress(std::uint64_t now_ms) const {
    if (duration_ms == 0 || now_ms >= started_ms + duration_ms)
        return 1.0f;
    if (now_ms <= started_ms)
        return 0.0f;
    return std::clamp(static_cast<float>(now_ms - started_ms) / static_cast<float>(duration_ms), 0.0f, 1.0f);
}

} // namespace lectern
