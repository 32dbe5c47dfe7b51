#include "concat.h"

#include <cmath>
#include <cstdio>

namespace lectern {

std::string number_text(double value) {
    if (std::isfinite(value) && value == std::floor(value) && std::abs(value) < 1e15)
        return std::to_string(static_cast<long long>(value));
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", value);
    return buffer;
}

} // namespace lectern
