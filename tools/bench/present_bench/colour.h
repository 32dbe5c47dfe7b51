// An RGB colour as the bench reads it off the screen, printed and parsed as RRGGBB hex.
#pragma once

#include <optional>
#include <string>

namespace present_bench {

struct Colour {
    unsigned r = 0, g = 0, b = 0;
    bool operator==(const Colour&) const = default;
};

// "RRGGBB", upper case.
std::string hex(Colour c);

// Six hex digits, or nullopt.
std::optional<Colour> parse_colour(const std::string& text);

} // namespace present_bench
