// Colour: an sRGB colour with alpha, and the WCAG 2.1 contrast ratio between two colours. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lectern {

struct Colour {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
    friend bool operator==(const Colour&, const Colour&) = default;
};

// "#1d2b53" or "#1d2b53ff"; nothing for anything else.
std::optional<Colour> colour_from_hex(std::string_view text);
std::string hex_of(Colour colour);

// WCAG 2.1 contrast ratio, from 1 (same colour) to 21 (black on white). Alpha is ignored.
double contrast_ratio(Colour a, Colour b);

} // namespace lectern
