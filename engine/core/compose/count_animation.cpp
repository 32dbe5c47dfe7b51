#include "count_animation.h"

#include <algorithm>

namespace lectern {

void CountAnimation::retarget(const std::vector<int>& target, std::uint64_t now_ms) {
    std::vector<float> current = value(now_ms);
    current.resize(target.size(), 0.0f);
    from = std::move(current);
    to.assign(target.begin(), target.end());
    started_ms = now_ms;
}

void CountAnimation::settle(const std::vector<int>& target) {
    to.assign(target.begin(), target.end());
    from = to;
}

std::vector<float> CountAnimation::value(std::uint64_t now_ms) const {
    if (now_ms >= started_ms + count_animation_ms || from.size() != to.size())
        return to;
    const float t =
        static_cast<float>(now_ms - std::min(now_ms, started_ms)) / static_cast<float>(count_animation_ms);
    const float eased = 1.0f - (1.0f - t) * (1.0f - t) * (1.0f - t); // ease out: quick, then gentle
    std::vector<float> values(to.size());
    for (std::size_t i = 0; i < to.size(); ++i)
        values[i] = from[i] + (to[i] - from[i]) * eased;
    return values;
}

} // namespace lectern
