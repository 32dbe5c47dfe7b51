// Key-to-screen latency of "next": XTest presses Right and rows of the screen are polled until they change.
#pragma once

#include "bench.h"
#include "report.h"

#include <cstddef>
#include <string>
#include <vector>

namespace present_bench {

// A deck of `slides` distinct slides and no transition, so every press shows a slide not seen before.
std::string key_deck_text(int slides);

struct KeyFigures {
    std::vector<double> latency;
    int missed = 0;
    int with_intermediate_frames = 0; // the first change seen was not the next slide
    int torn_reads = 0;               // a frame landed while the rows were being read
    double poll_ms = 0;               // the median time one poll of the rows took
    std::size_t rows = 0;             // how many rows of the screen each poll reads
    std::string quit;
    std::string error;
};

// One launch, then `presses` presses of Right, each timed until the screen changes.
KeyFigures measure_keys(Bench& bench, const Program& program, int presses);

// Measures lectern and floor_window, prints the details and adds the table's rows.
void report_keys(Bench& bench, const Program& lectern, const Program& floor, int presses, Report& report);

} // namespace present_bench
