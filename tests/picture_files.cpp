#include "picture_files.h"

#include "core/deck/image_probe.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <zlib.h>

namespace lectern::test {

namespace {

void append_be32(std::string& out, std::uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8)
        out += static_cast<char>((value >> shift) & 0xFFu);
}

void append_le(std::string& out, std::uint32_t value, int bytes) {
    for (int i = 0; i < bytes; ++i)
        out += static_cast<char>((value >> (8 * i)) & 0xFFu);
}

void append_png_chunk(std::string& out, std::string_view type, std::string_view data) {
    append_be32(out, static_cast<std::uint32_t>(data.size()));
    const std::string typed = std::string(type) + std::string(data);
    out += typed;
    append_be32(out, crc32_of(typed));
}

// The rows of a 1-bit picture of zeros (each a filter byte and width/8 bytes), deflated by zlib.
std::string deflated_zero_rows(std::uint32_t width, std::uint32_t height) {
    const std::uint64_t raw_bytes = static_cast<std::uint64_t>(height) * (1 + (width + 7) / 8);
    const std::string zeros(1u << 20, '\0');
    std::string out;
    z_stream stream{};
    REQUIRE(deflateInit(&stream, 9) == Z_OK);
    std::uint64_t left = raw_bytes;
    char buffer[65536];
    int flush = Z_NO_FLUSH;
    do {
        const auto chunk = static_cast<uInt>(std::min<std::uint64_t>(left, zeros.size()));
        left -= chunk;
        flush = left == 0 ? Z_FINISH : Z_NO_FLUSH;
        stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zeros.data()));
        stream.avail_in = chunk;
        do {
            stream.next_out = reinterpret_cast<Bytef*>(buffer);
            stream.avail_out = sizeof buffer;
            deflate(&stream, flush);
            out.append(buffer, sizeof buffer - stream.avail_out);
        } while (stream.avail_out == 0);
    } while (flush != Z_FINISH);
    deflateEnd(&stream);
    return out;
}

} // namespace

std::string png_claiming(std::uint32_t width, std::uint32_t height) {
    static std::map<std::pair<std::uint32_t, std::uint32_t>, std::string> made;
    std::string& png = made[{width, height}];
    if (!png.empty())
        return png;
    png = "\x89PNG\r\n\x1a\n";
    std::string header;
    append_be32(header, width);
    append_be32(header, height);
    header += std::string("\x01\x00\x00\x00\x00", 5); // 1 bit, grey, deflate, no filter, not interlaced
    append_png_chunk(png, "IHDR", header);
    append_png_chunk(png, "IDAT", deflated_zero_rows(width, height));
    append_png_chunk(png, "IEND", "");
    return png;
}

std::string gif_claiming(std::uint16_t width, std::uint16_t height) {
    std::string gif = "GIF89a";
    append_le(gif, width, 2);
    append_le(gif, height, 2);
    gif += std::string("\x00\x00\x00\x3b", 4); // no colour table, then the trailer
    return gif;
}

std::string webp_claiming(std::uint32_t width, std::uint32_t height) {
    std::string chunk = "VP8L";
    append_le(chunk, 5, 4);
    chunk += '\x2f';
    append_le(chunk, (width - 1) | (height - 1) << 14, 4);
    chunk += '\0';
    std::string webp = "RIFF";
    append_le(webp, static_cast<std::uint32_t>(4 + chunk.size()), 4);
    return webp + "WEBP" + chunk;
}

std::string svg_of_circles(int circles, int max_radius) {
    std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1000 1000\">\n";
    for (int i = 0; i < circles; ++i)
        svg += "<circle cx=\"" + std::to_string(i * 37 % 1000) + "\" cy=\"" + std::to_string(i * 91 % 1000) +
               "\" r=\"" + std::to_string(5 + i % max_radius) + "\" fill=\"#" +
               std::to_string(100000 + i % 899999) + "\" opacity=\"0.5\"/>\n";
    return svg + "</svg>\n";
}

void write_file(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

} // namespace lectern::test
