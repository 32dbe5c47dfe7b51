// ImageProbe: tells whether a file holds a PNG, JPEG, GIF, WebP or SVG picture Lectern can show, and how
// many pixels decoding it would make, by reading its structure (signature, header chunks, dimensions)
// without decoding pixels. Every mode (check, render, presenting, reload) measures a picture this way
// before a decoder sees it, so a small file that claims billions of pixels never reaches libpng.
// Pure: reads the file with the standard library only.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace lectern {

enum class ImageFormat { Unknown, Png, Jpeg, Gif, WebP, Svg };

struct ImageProbe {
    ImageFormat format = ImageFormat::Unknown;
    int width = 0; // pixels; for SVG the declared size, or the viewBox's when no size is declared
    int height = 0;
    std::string problem; // empty when the picture looks usable; otherwise why not, in plain words

    bool ok() const { return problem.empty(); }
};

// Decoding more pixels than this is refused: 40 megapixels is 160 MB as a texture, twenty times what
// a 1920 x 1080 projector shows.
constexpr std::uint64_t picture_max_pixels = 40'000'000;

ImageProbe probe_image_bytes(std::string_view bytes);
// Reads only a regular file of at most picture_file_max_bytes (file_check.h).
ImageProbe probe_image_file(const std::filesystem::path& path);

// Why a well-formed picture is too large to decode, with what to do, or "". SVGs are rasterised at the
// size they are drawn, so only raster pictures have a limit.
std::string picture_size_problem(const ImageProbe& probe);

// The CRC-32 of PNG chunks (ISO 3309), exposed for tests that build PNG files.
std::uint32_t crc32_of(std::string_view data);

} // namespace lectern
