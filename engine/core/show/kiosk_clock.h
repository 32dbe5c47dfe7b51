// KioskClock: when a kiosk advances to the next slide (the chord that ends a kiosk is in the input map).
// Pure; time is an input (milliseconds from a steady clock), and every rule has a test.
#pragma once

#include <cstdint>
#include <optional>

namespace lectern {

// Auto-advance: each slide shows for its seconds; someone pressing a key or clicking pauses it, and it
// resumes once nobody has touched anything for `resume_after_seconds`.
struct KioskClock {
    std::uint64_t slide_shown_ms = 0;           // when the slide on screen appeared
    std::optional<std::uint64_t> last_input_ms; // the last key or click, if any since

    // When the slide on screen should give way to the next one.
    std::uint64_t advance_at_ms(double slide_seconds, double resume_after_seconds) const;
    void slide_changed(std::uint64_t now_ms) { slide_shown_ms = now_ms; }
    void input(std::uint64_t now_ms) { last_input_ms = now_ms; }
};

} // namespace lectern
