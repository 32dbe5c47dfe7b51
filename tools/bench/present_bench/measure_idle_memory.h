// Idle CPU and peak memory: one launch left 10 s without input, then VmHWM just before quitting.
#pragma once

#include "bench.h"
#include "report.h"

#include <cstddef>
#include <string>

namespace present_bench {

struct IdleFigures {
    bool ok = false;
    long ticks = 0;
    long wakeups = 0;
    long main_wakeups = 0;
    std::size_t threads = 0;
    long hwm_kb = -1;
    long rss_kb = -1;
    std::string quit;
};

// One launch: settle, 10 s without input, then the peak memory just before quitting.
IdleFigures measure_idle(Bench& bench, const Program& program);

// Measures lectern and floor_window idle, prints the details and adds the rows of the figures selected
// ("memory", "idle").
void report_idle_memory(Bench& bench, const Program& lectern, const Program& floor,
                        const Selection& selection, Report& report);

} // namespace present_bench
