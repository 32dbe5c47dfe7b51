#include "colour.h"

#include <cstdio>
#include <cstdlib>

namespace present_bench {

std::string hex(Colour c) {
    char text[8];
    std::snprintf(text, sizeof text, "%02X%02X%02X", c.r & 0xFFu, c.g & 0xFFu, c.b & 0xFFu);
    return text;
}

std::optional<Colour> parse_colour(const std::string& text) {
    char* end = nullptr;
    const unsigned long value = std::strtoul(text.c_str(), &end, 16);
    if (text.size() != 6 || *end != '\0')
        return std::nullopt;
    return Colour{static_cast<unsigned>((value >> 16) & 0xFFu), static_cast<unsigned>((value >> 8) & 0xFFu),
                  static_cast<unsigned>(value & 0xFFu)};
}

} // namespace present_bench
