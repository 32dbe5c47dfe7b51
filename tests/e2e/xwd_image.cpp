#include "xwd_image.h"

#include "test_files.h"

#include <cstdint>

namespace lectern::test {

namespace {
std::uint32_t be32(const std::string& data, std::size_t at) {
    auto byte = [&](std::size_t i) {
        return static_cast<std::uint32_t>(static_cast<unsigned char>(data[at + i]));
    };
    return byte(0) << 24 | byte(1) << 16 | byte(2) << 8 | byte(3);
}
} // namespace

SDL_Surface* load_xwd(const std::string& path, std::string& error) {
    const std::string data = read_text(path);
    if (data.size() < 100) {
        error = "too short for an XWD file";
        return nullptr;
    }
    const std::uint32_t header_size = be32(data, 0);
    const std::uint32_t format = be32(data, 8);
    const std::uint32_t width = be32(data, 16);
    const std::uint32_t height = be32(data, 20);
    const std::uint32_t byte_order = be32(data, 28);
    const std::uint32_t bytes_per_line = be32(data, 48);
    const std::uint32_t red_mask = be32(data, 56);
    const std::uint32_t green_mask = be32(data, 60);
    const std::uint32_t blue_mask = be32(data, 64);
    const std::uint32_t colours = be32(data, 76);
    const std::size_t pixels_at = header_size + static_cast<std::size_t>(colours) * 12;
    // 32 bits per pixel usually; xwd writes packed 24-bit pixels (with padded lines) when a GL window is
    // on screen.
    const std::uint32_t bytes_per_pixel = be32(data, 44) / 8;
    if (format != 2 || (bytes_per_pixel != 3 && bytes_per_pixel != 4) ||
        pixels_at + std::size_t{bytes_per_line} * height > data.size()) {
        error = "not a true-colour ZPixmap dump";
        return nullptr;
    }
    SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(
        0, static_cast<int>(width), static_cast<int>(height), 32, SDL_PIXELFORMAT_ARGB8888);
    auto shift_of = [](std::uint32_t mask) {
        int shift = 0;
        while (mask && !(mask & 1u)) {
            mask >>= 1;
            ++shift;
        }
        return shift;
    };
    const int red_shift = shift_of(red_mask);
    const int green_shift = shift_of(green_mask);
    const int blue_shift = shift_of(blue_mask);
    for (std::uint32_t y = 0; y < height; ++y) {
        auto* row = reinterpret_cast<std::uint32_t*>(static_cast<std::uint8_t*>(surface->pixels) +
                                                     static_cast<std::size_t>(y) *
                                                         static_cast<std::size_t>(surface->pitch));
        for (std::uint32_t x = 0; x < width; ++x) {
            const std::size_t at =
                pixels_at + std::size_t{y} * bytes_per_line + std::size_t{x} * bytes_per_pixel;
            std::uint32_t pixel = 0;
            for (std::size_t i = 0; i < bytes_per_pixel; ++i) {
                const auto byte = static_cast<std::uint32_t>(static_cast<unsigned char>(data[at + i]));
                pixel |= byte_order == 0
                             ? byte << (8 * i)
                             : byte << (8 * (bytes_per_pixel - 1 - i)); // 0: least significant first
            }
            const std::uint32_t r = (pixel & red_mask) >> red_shift;
            const std::uint32_t g = (pixel & green_mask) >> green_shift;
            const std::uint32_t b = (pixel & blue_mask) >> blue_shift;
            row[x] = 0xFF000000u | r << 16 | g << 8 | b;
        }
    }
    return surface;
}

} // namespace lectern::test
