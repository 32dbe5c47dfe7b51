#include "utf8.h"

#include <cstdint>

namespace lectern {

namespace {

struct LeadByte {
    std::size_t length = 0; // 0: not a valid lead byte
    char32_t bits = 0;
    unsigned char min_next =
        0x80; // the range the second byte must fall in (rejects overlongs and surrogates)
    unsigned char max_next = 0xBF;
};

LeadByte lead_byte(unsigned char byte) {
    if (byte >= 0xC2 && byte <= 0xDF)
        return {2, char32_t{byte} & 0x1Fu};
    if (byte >= 0xE0 && byte <= 0xEF) {
        const unsigned char min_next = byte == 0xE0 ? 0xA0 : 0x80;
        const unsigned char max_next = byte == 0xED ? 0x9F : 0xBF;
        return {3, char32_t{byte} & 0x0Fu, min_next, max_next};
    }
    if (byte >= 0xF0 && byte <= 0xF4) {
        const unsigned char min_next = byte == 0xF0 ? 0x90 : 0x80;
        const unsigned char max_next = byte == 0xF4 ? 0x8F : 0xBF;
        return {4, char32_t{byte} & 0x07u, min_next, max_next};
    }
    return {};
}

} // namespace

char32_t next_code_point(std::string_view text, std::size_t& at) {
    const auto byte = static_cast<unsigned char>(text[at]);
    if (byte < 0x80) {
        ++at;
        return byte;
    }
    const LeadByte lead = lead_byte(byte);
    if (lead.length == 0) {
        ++at;
        return replacement_character;
    }
    char32_t code_point = lead.bits;
    std::size_t taken = 1;
    for (; taken < lead.length; ++taken) {
        if (at + taken >= text.size())
            break;
        const auto next = static_cast<unsigned char>(text[at + taken]);
        const unsigned char min_next = taken == 1 ? lead.min_next : 0x80;
        const unsigned char max_next = taken == 1 ? lead.max_next : 0xBF;
        if (next < min_next || next > max_next)
            break;
        code_point = (code_point << 6) | (char32_t{next} & 0x3Fu);
    }
    const bool complete = taken == lead.length;
    at += taken; // a broken sequence is replaced once, and decoding resumes at the offending byte
    return complete ? code_point : replacement_character;
}

std::u32string decode_utf8(std::string_view utf8) {
    std::u32string out;
    out.reserve(utf8.size());
    for (std::size_t at = 0; at < utf8.size();)
        out.push_back(next_code_point(utf8, at));
    return out;
}

void append_utf8(std::string& out, char32_t code_point) {
    if (code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF))
        code_point = replacement_character;
    const auto byte = [](char32_t value) {
        return static_cast<char>(static_cast<std::uint8_t>(value));
    };
    if (code_point < 0x80) {
        out.push_back(byte(code_point));
    } else if (code_point < 0x800) {
        out.push_back(byte(0xC0 | (code_point >> 6)));
        out.push_back(byte(0x80 | (code_point & 0x3F)));
    } else if (code_point < 0x10000) {
        out.push_back(byte(0xE0 | (code_point >> 12)));
        out.push_back(byte(0x80 | ((code_point >> 6) & 0x3F)));
        out.push_back(byte(0x80 | (code_point & 0x3F)));
    } else {
        out.push_back(byte(0xF0 | (code_point >> 18)));
        out.push_back(byte(0x80 | ((code_point >> 12) & 0x3F)));
        out.push_back(byte(0x80 | ((code_point >> 6) & 0x3F)));
        out.push_back(byte(0x80 | (code_point & 0x3F)));
    }
}

std::string encode_utf8(std::u32string_view code_points) {
    std::string out;
    out.reserve(code_points.size());
    for (const char32_t code_point : code_points)
        append_utf8(out, code_point);
    return out;
}

bool is_valid_utf8(std::string_view text) {
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t start = at;
        if (next_code_point(text, at) == replacement_character &&
            text.substr(start, at - start) != "\xEF\xBF\xBD")
            return false;
    }
    return true;
}

std::size_t code_point_count(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t at = 0; at < text.size(); ++count)
        next_code_point(text, at);
    return count;
}

} // namespace lectern
