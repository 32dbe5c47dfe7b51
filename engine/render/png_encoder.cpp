#include "png_encoder.h"

#include "sdl_handles.h"

#include <array>
#include <bit>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <libdeflate.h>

namespace lectern {

namespace {

// Level 1 and no row filter: slides are mostly flat colour, which deflate alone packs well, and choosing
// a filter per row costs more time than it saves bytes. On the pupils' deck at 1920x1080 libdeflate's
// level 1 makes files 0.8 times the size of zlib's level 3 through libspng (the encoder before), in
// less time; its levels 2 to 6 cost over half as much again for 3 to 8 % smaller files.
constexpr int compression_level = 1;
constexpr std::size_t rgb_bytes = 3;
static_assert(std::endian::native == std::endian::little,
              "argb_row_to_rgb reads 0xAARRGGBB words as the bytes B, G, R, A");

// One row of 0xAARRGGBB pixels as R, G, B bytes: a plain byte loop. On x86 it is also built for SSSE3
// (Intel's processors since 2006, AMD's since 2011), whose byte shuffle the compiler uses to move four
// pixels at once, and that build is chosen when the processor has it; elsewhere the compiler vectorises it as
// it can (NEON on ARM). A 1920x1080 frame: 4.4 ms as 32-bit words shifted and joined (before), 1.2 to 1.4 ms
// with SSSE3 (GCC 12, -O3).
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__((target_clones("ssse3", "default")))
#endif
void argb_row_to_rgb(const unsigned char* __restrict argb, unsigned char* __restrict rgb, std::size_t width) {
    for (std::size_t x = 0; x < width; ++x) {
        rgb[3 * x] = argb[4 * x + 2];
        rgb[3 * x + 1] = argb[4 * x + 1];
        rgb[3 * x + 2] = argb[4 * x];
    }
}

void put_u32(std::string& out, std::uint32_t value) {
    const std::array<char, 4> bytes{static_cast<char>(value >> 24), static_cast<char>(value >> 16),
                                    static_cast<char>(value >> 8), static_cast<char>(value)};
    out.append(bytes.data(), bytes.size());
}

// A PNG chunk: its length, type, data and the CRC of type and data.
void put_chunk(std::string& out, const char (&type)[5], const unsigned char* data, std::size_t size) {
    put_u32(out, static_cast<std::uint32_t>(size));
    const std::size_t typed_at = out.size();
    out.append(type, 4);
    if (size > 0)
        out.append(reinterpret_cast<const char*>(data), size);
    put_u32(out, libdeflate_crc32(0, out.data() + typed_at, size + 4));
}

} // namespace

void PngEncoder::CompressorFree::operator()(libdeflate_compressor* compressor) const {
    libdeflate_free_compressor(compressor);
}

PngEncoder::PngEncoder() : m_compressor(libdeflate_alloc_compressor(compression_level)) {
}

PngEncoder::~PngEncoder() = default;

Expected<std::string> PngEncoder::encode(SDL_Surface& surface) {
    if (!m_compressor)
        return Failure{"cannot make a PNG encoder (out of memory)"};
    if (surface.w <= 0 || surface.h <= 0)
        return Failure{"cannot write an empty picture as PNG"};
    // Rows are read as 0xAARRGGBB words; any other format is converted to that first.
    SurfacePtr converted;
    SDL_Surface* source = &surface;
    if (surface.format->format != SDL_PIXELFORMAT_ARGB8888 &&
        surface.format->format != SDL_PIXELFORMAT_RGB888) {
        converted.reset(SDL_ConvertSurfaceFormat(&surface, SDL_PIXELFORMAT_ARGB8888, 0));
        if (!converted)
            return Failure{std::string("cannot convert the picture's pixels: ") + SDL_GetError()};
        source = converted.get();
    }
    const std::size_t width = static_cast<std::size_t>(surface.w);
    const std::size_t height = static_cast<std::size_t>(surface.h);
    const std::size_t row_bytes = 1 + width * rgb_bytes;
    m_rows.resize(row_bytes * height);
    const auto* pixels = static_cast<const unsigned char*>(source->pixels);
    for (std::size_t y = 0; y < height; ++y) {
        unsigned char* row = m_rows.data() + y * row_bytes;
        row[0] = 0; // filter: none
        argb_row_to_rgb(pixels + y * static_cast<std::size_t>(source->pitch), row + 1, width);
    }
    const std::size_t bound = libdeflate_zlib_compress_bound(m_compressor.get(), m_rows.size());
    if (bound > m_deflated_room) {
        m_deflated = std::make_unique_for_overwrite<unsigned char[]>(bound);
        m_deflated_room = bound;
    }
    const std::size_t deflated_bytes = libdeflate_zlib_compress(
        m_compressor.get(), m_rows.data(), m_rows.size(), m_deflated.get(), m_deflated_room);
    if (deflated_bytes == 0)
        return Failure{"cannot compress the picture (libdeflate found no room)"};

    std::string png("\x89PNG\r\n\x1a\n", 8);
    png.reserve(8 + 25 + 12 + deflated_bytes + 12);
    std::array<unsigned char, 13> header{};
    for (int i = 0; i < 4; ++i) {
        header[static_cast<std::size_t>(i)] = static_cast<unsigned char>(width >> (24 - 8 * i));
        header[static_cast<std::size_t>(4 + i)] = static_cast<unsigned char>(height >> (24 - 8 * i));
    }
    header[8] = 8;  // bits per sample
    header[9] = 2;  // colour type: truecolour (RGB)
    header[10] = 0; // deflate
    header[11] = 0; // adaptive filtering, each row's filter byte (all "none" here)
    header[12] = 0; // not interlaced
    put_chunk(png, "IHDR", header.data(), header.size());
    put_chunk(png, "IDAT", m_deflated.get(), deflated_bytes);
    put_chunk(png, "IEND", nullptr, 0);
    return png;
}

Expected<void> PngEncoder::write(SDL_Surface& surface, const std::filesystem::path& file) {
    const Expected<std::string> png = encode(surface);
    if (!png)
        return Failure{png.error()};
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> out(std::fopen(file.c_str(), "wb"), &std::fclose);
    if (!out)
        return Failure{"cannot open it for writing"};
    if (std::fwrite(png->data(), 1, png->size(), out.get()) != png->size())
        return Failure{"cannot write all of it (is the disk full?)"};
    if (std::fclose(out.release()) != 0)
        return Failure{"cannot finish writing it (is the disk full?)"};
    return {};
}

Expected<std::string> encode_png(SDL_Surface& surface) {
    return PngEncoder().encode(surface);
}

Expected<void> write_png(SDL_Surface& surface, const std::filesystem::path& file) {
    return PngEncoder().write(surface, file);
}

} // namespace lectern
