// Small helpers for the figures: the median of a sample and a number printed with fixed decimals.
#pragma once

#include <string>
#include <vector>

namespace present_bench {

// The median of values, 0 when there are none.
double median(std::vector<double> values);

// value with the given number of decimals, as printf's "%.*f".
std::string fixed(double value, int decimals = 1);

} // namespace present_bench
