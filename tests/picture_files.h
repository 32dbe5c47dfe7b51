// Pictures made by the tests, small on disk whatever size they claim: the headers of huge PNG, GIF and
// WebP files, and SVGs that take long to draw. Nothing large is ever committed (issue 14).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace lectern::test {

// A complete, valid PNG of `width` x `height` black pixels, 1 bit each: the file that crashed libpng
// (60000 x 60000 is 437 KB, as reported). Made once per size and process (60000 x 60000 takes a second).
std::string png_claiming(std::uint32_t width, std::uint32_t height);
std::string gif_claiming(std::uint16_t width, std::uint16_t height);
// Lossless WebP ("VP8L"), whose sizes go up to 16384 x 16384.
std::string webp_claiming(std::uint32_t width, std::uint32_t height);
// An SVG of `circles` half-transparent circles of radius up to `max_radius` in a 1000 x 1000 viewBox
// (20,000 made an 880 KB file that froze a show for 19 s; larger circles take longer still).
std::string svg_of_circles(int circles, int max_radius = 40);

void write_file(const std::filesystem::path& path, const std::string& bytes);

} // namespace lectern::test
