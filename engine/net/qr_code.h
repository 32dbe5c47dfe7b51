// QrCode: the join address as a QR code (libqrencode), as a square of dark and light modules that the
// core's composer draws like any other shape.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace lectern {

struct QrModules {
    int size = 0;                      // modules per side; 0 when the text could not be encoded
    std::vector<std::uint8_t> modules; // size * size, row by row: 1 dark, 0 light
};

QrModules qr_code_of(const std::string& text);

} // namespace lectern
