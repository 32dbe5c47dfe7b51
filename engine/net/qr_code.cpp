#include "qr_code.h"

#include <qrencode.h>

namespace lectern {

QrModules qr_code_of(const std::string& text) {
    QrModules out;
    // Medium error correction: a projected code survives glare and keystone; 8-bit mode keeps the
    // address exactly as written (lower-case letters and "?" included).
    QRcode* code = QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M);
    if (!code)
        return out;
    out.size = code->width;
    const auto count = static_cast<std::size_t>(code->width) * static_cast<std::size_t>(code->width);
    out.modules.resize(count);
    for (std::size_t i = 0; i < count; ++i)
        out.modules[i] = code->data[i] & 1;
    QRcode_free(code);
    return out;
}

} // namespace lectern
