// The printed results of vote_bench: the ladder of offered rates for lectern and the floor side by side,
// then each figure with the floor's and their ratio, beside the targets (met / NOT MET).
#pragma once

#include "measure.h"

#include <string>
#include <vector>

namespace vote_bench {

// The targets (13, item 7).
constexpr double target_sustained_per_second = 20000;
constexpr double target_p99_at_sustained_ms = 50;
constexpr double target_rate_for_low_p99 = 5000;
constexpr double target_p99_at_5000_ms = 10;
constexpr long target_threads_below = 20;

// The value at percentile p (0-100) of values, 0 when there are none.
double percentile(std::vector<double> values, double p);

// Prints the report; returns whether every target was met and no vote was lost or counted twice.
// fsync_ms: the durable floor (fsync_times), measured on the disk lectern saves to.
bool print_report(const std::string& command, const BenchSettings& settings, const ServerFigures& lectern,
                  const ServerFigures& floor, const std::vector<double>& fsync_ms);

} // namespace vote_bench
