#include "image_probe.h"

#include <array>
#include <cstdint>
#include <fstream>
#include <iterator>

namespace lectern {

namespace {

std::uint32_t byte_at(std::string_view bytes, std::size_t i) {
    return static_cast<std::uint8_t>(bytes[i]);
}

std::uint32_t read_be32(std::string_view bytes, std::size_t at) {
    return byte_at(bytes, at) << 24 | byte_at(bytes, at + 1) << 16 | byte_at(bytes, at + 2) << 8 |
           byte_at(bytes, at + 3);
}

std::uint32_t read_be16(std::string_view bytes, std::size_t at) {
    return byte_at(bytes, at) << 8 | byte_at(bytes, at + 1);
}

std::uint32_t crc32_of(std::string_view data) {
    static const auto table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t n = 0; n < 256; ++n) {
            std::uint32_t c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    std::uint32_t crc = 0xFFFFFFFFu;
    for (char ch : data)
        crc = table[(crc ^ static_cast<std::uint8_t>(ch)) & 0xFFu] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

ImageProbe probe_png(std::string_view bytes) {
    ImageProbe probe{ImageFormat::Png, 0, 0, {}};
    // Signature (8), IHDR length (4), "IHDR" (4), 13 bytes of header, CRC (4).
    if (bytes.size() < 33 || bytes.substr(12, 4) != "IHDR" || read_be32(bytes, 8) != 13) {
        probe.problem = "the PNG file is cut short or damaged";
        return probe;
    }
    if (crc32_of(bytes.substr(12, 17)) != read_be32(bytes, 29)) {
        probe.problem = "the PNG header is damaged (checksum mismatch)";
        return probe;
    }
    probe.width = static_cast<int>(read_be32(bytes, 16));
    probe.height = static_cast<int>(read_be32(bytes, 20));
    if (probe.width <= 0 || probe.height <= 0)
        probe.problem = "the PNG file says it has no pixels";
    else if (bytes.find("IDAT") == std::string_view::npos)
        probe.problem = "the PNG file has no picture data";
    return probe;
}

ImageProbe probe_jpeg(std::string_view bytes) {
    ImageProbe probe{ImageFormat::Jpeg, 0, 0, {}};
    std::size_t at = 2;
    while (at + 4 <= bytes.size()) {
        if (byte_at(bytes, at) != 0xFF) {
            break;
        }
        const std::uint32_t marker = byte_at(bytes, at + 1);
        if (marker == 0xFF) { // fill byte
            ++at;
            continue;
        }
        const std::uint32_t length = read_be16(bytes, at + 2);
        const bool start_of_frame =
            marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (start_of_frame && at + 9 <= bytes.size()) {
            probe.height = static_cast<int>(read_be16(bytes, at + 5));
            probe.width = static_cast<int>(read_be16(bytes, at + 7));
            if (probe.width <= 0 || probe.height <= 0)
                probe.problem = "the JPEG file says it has no pixels";
            return probe;
        }
        at += 2 + length;
    }
    probe.problem = "the JPEG file is cut short or damaged";
    return probe;
}

bool looks_like_svg(std::string_view bytes) {
    const std::string_view head = bytes.substr(0, 4096);
    return head.find("<svg") != std::string_view::npos;
}

int svg_dimension(std::string_view root, std::string_view attribute) {
    std::string key = " ";
    key.append(attribute).append("=");
    const std::size_t at = root.find(key);
    if (at == std::string_view::npos || at + key.size() + 1 >= root.size())
        return 0;
    std::size_t i = at + key.size() + 1; // skip the quote
    int value = 0;
    while (i < root.size() && root[i] >= '0' && root[i] <= '9' && value < 100000)
        value = value * 10 + (root[i++] - '0');
    return value;
}

ImageProbe probe_svg(std::string_view bytes) {
    ImageProbe probe{ImageFormat::Svg, 0, 0, {}};
    const std::size_t open = bytes.find("<svg");
    const std::size_t open_end = bytes.find('>', open);
    if (open_end == std::string_view::npos) {
        probe.problem = "the SVG file is cut short";
        return probe;
    }
    const std::string_view root = bytes.substr(open, open_end - open);
    probe.width = svg_dimension(root, "width");
    probe.height = svg_dimension(root, "height");
    const bool self_closing = root.ends_with("/");
    if (!self_closing && bytes.find("</svg>") == std::string_view::npos)
        probe.problem = "the SVG file is cut short (no closing </svg>)";
    else if (root.find(" viewBox=") == std::string_view::npos && (probe.width == 0 || probe.height == 0))
        probe.problem = "the SVG file has neither a viewBox nor a width and height";
    return probe;
}

} // namespace

ImageProbe probe_image_bytes(std::string_view bytes) {
    if (bytes.starts_with("\x89PNG\r\n\x1a\n"))
        return probe_png(bytes);
    if (bytes.size() >= 3 && bytes.starts_with("\xFF\xD8\xFF"))
        return probe_jpeg(bytes);
    if (looks_like_svg(bytes))
        return probe_svg(bytes);
    ImageProbe unknown;
    unknown.problem = bytes.empty() ? "the file is empty" : "the file is not a PNG, JPEG or SVG picture";
    return unknown;
}

ImageProbe probe_image_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        ImageProbe unreadable;
        unreadable.problem = "the file cannot be opened for reading";
        return unreadable;
    }
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    return probe_image_bytes(bytes);
}

} // namespace lectern
