// The monotonic clock in milliseconds, and sleeping for a while; no X and no child processes.
#pragma once

namespace present_bench {

// Milliseconds on the monotonic clock.
double now_ms();

// Sleeps for ms milliseconds (nothing when ms <= 0), resuming after signals.
void sleep_ms(double ms);

} // namespace present_bench
