// The fixed figures of present_bench: the screen, the time limits and the targets.
#pragma once

#include <cstddef>

namespace present_bench {

constexpr int screen_w = 1920;
constexpr int screen_h = 1080;
constexpr std::size_t row_bytes = std::size_t{screen_w} * 4; // 24-bit depth, 32 bits a pixel
constexpr unsigned watchdog_seconds = 600;
constexpr double first_frame_timeout_ms = 10000;
constexpr double key_timeout_ms = 2000;
constexpr double poll_interval_ms = 1.0;
constexpr double settle_ms = 1000;
constexpr double idle_ms = 10000;
constexpr double launch_target_ms = 150;
constexpr double launch_target_ratio = 1.2; // issue 22 (was 1.3, issue 5)
constexpr double memory_target_mb = 40;
constexpr long idle_target_ticks = 1;
constexpr double key_target_ratio = 2.0; // key to first visible change, against the floor's
constexpr double frame_ms = 1000.0 / 60.0;
constexpr double fade_ms = 200;         // core/show/screen_timers.h's fade_duration_ms
constexpr double settle_still_ms = 300; // the screen is settled once it stays still this long
constexpr double settle_limit_ms = 3000;

} // namespace present_bench
