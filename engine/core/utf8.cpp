#include "utf8.h"

namespace lectern {

char32_t next_code_point(std::string_view text, std::size_t& at) {
    const auto byte = [&text](std::size_t i) {
        return static_cast<unsigned char>(text[i]);
    };
    const unsigned char lead = byte(at);
    std::size_t length = 1;
    char32_t code = lead;
    if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        code = lead & 0x07u;
    } else if (lead >= 0xE0) {
        length = 3;
        code = lead & 0x0Fu;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        code = lead & 0x1Fu;
    } else if (lead >= 0x80) {
        ++at;
        return replacement_character;
    }
    if (at + length > text.size()) {
        ++at;
        return replacement_character;
    }
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(at + i) & 0xC0u) != 0x80u) {
            ++at;
            return replacement_character;
        }
        code = (code << 6) | (byte(at + i) & 0x3Fu);
    }
    at += length;
    return code;
}

bool is_break_anywhere_script(char32_t c) {
    return (c >= 0x2E80 && c <= 0x9FFF) || // CJK radicals, kana, ideographs
           (c >= 0xAC00 && c <= 0xD7AF) || // Hangul syllables
           (c >= 0xF900 && c <= 0xFAFF) || // CJK compatibility ideographs
           (c >= 0xFF00 && c <= 0xFFEF) || // full-width forms
           (c >= 0x20000 && c <= 0x2FFFF); // CJK extensions
}

} // namespace lectern
