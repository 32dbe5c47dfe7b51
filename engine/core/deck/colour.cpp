#include "colour.h"

#include "core/base/hex_digit.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace lectern {

namespace {
double relative_luminance(Colour c) {
    auto channel = [](std::uint8_t value) {
        const double v = value / 255.0;
        return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}
} // namespace

std::optional<Colour> colour_from_hex(std::string_view text) {
    if (!(text.size() == 7 || text.size() == 9) || text[0] != '#')
        return std::nullopt;
    std::uint8_t channels[4] = {0, 0, 0, 255};
    for (std::size_t i = 0; i + 1 < text.size(); i += 2) {
        const int high = hex_digit_value(text[i + 1]);
        const int low = i + 2 < text.size() ? hex_digit_value(text[i + 2]) : -1;
        if (high < 0 || low < 0)
            return std::nullopt;
        channels[i / 2] = static_cast<std::uint8_t>(high * 16 + low);
    }
    return Colour{channels[0], channels[1], channels[2], channels[3]};
}

std::string hex_of(Colour colour) {
    char buffer[10];
    std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", colour.r, colour.g, colour.b);
    return buffer;
}

double contrast_ratio(Colour a, Colour b) {
    const double la = relative_luminance(a);
    const double lb = relative_luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace lectern
