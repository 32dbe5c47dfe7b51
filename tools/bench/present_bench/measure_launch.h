// Launch to first frame: lectern and floor_window launched in turns, timed until their background shows.
#pragma once

#include "bench.h"
#include "report.h"

#include <string>
#include <vector>

namespace present_bench {

struct LaunchFigures {
    std::vector<double> first_frame;
    std::vector<double> first_change;
    std::vector<std::string> quits;
    std::string gl_driver;
    int failures = 0;
};

// Launches each program RUNS times, taking turns so that both see the same conditions.
std::vector<LaunchFigures> measure_launches(Bench& bench, const std::vector<Program>& programs, int runs);

// Measures lectern's and floor_window's launches, prints the details and adds the table's rows.
void report_launch(Bench& bench, const Program& lectern, const Program& floor, int runs, Report& report);

} // namespace present_bench
