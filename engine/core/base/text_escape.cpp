#include "text_escape.h"

namespace lectern {

namespace {

void append_hex_byte(std::string& out, unsigned char byte) {
    static constexpr char digits[] = "0123456789ABCDEF";
    out += {'\\', 'x', digits[byte >> 4], digits[byte & 0xFu]};
}

} // namespace

void append_escaped_controls(std::string& out, std::string_view text, C1Controls c1) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const auto byte = static_cast<unsigned char>(c);
        const bool c1_control = c1 == C1Controls::Escaped && byte == 0xC2 && i + 1 < text.size() &&
                                static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                                static_cast<unsigned char>(text[i + 1]) <= 0x9F;
        if (c == '\\') {
            out += "\\\\";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (byte < 0x20 || byte == 0x7F) {
            append_hex_byte(out, byte);
        } else if (c1_control) {
            append_hex_byte(out, byte);
            append_hex_byte(out, static_cast<unsigned char>(text[++i]));
        } else {
            out += c;
        }
    }
}

std::string escaped_controls(std::string_view text, C1Controls c1) {
    std::string out;
    out.reserve(text.size());
    append_escaped_controls(out, text, c1);
    return out;
}

} // namespace lectern
