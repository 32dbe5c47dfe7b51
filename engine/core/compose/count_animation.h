// CountAnimation: poll bars that grow smoothly from the counts on screen to new counts. Pure; time is
// an input, so the app asks for the values at "now" and draws them.
#pragma once

#include <cstdint>
#include <vector>

namespace lectern {

inline constexpr std::uint64_t count_animation_ms = 600;

struct CountAnimation {
    std::vector<float> from;
    std::vector<float> to;
    std::uint64_t started_ms = 0;

    // Starts moving from wherever the bars are at `now_ms` towards `target`.
    void retarget(const std::vector<int>& target, std::uint64_t now_ms);
    // Jumps straight to `target` (for example, results shown after a restart).
    void settle(const std::vector<int>& target);
    std::vector<float> value(std::uint64_t now_ms) const;
    bool running(std::uint64_t now_ms) const {
        return now_ms < started_ms + count_animation_ms && from != to;
    }
};

} // namespace lectern
