// ImageProbe: tells whether a file holds a PNG, JPEG or SVG picture Lectern can show, by reading its
// structure (signature, header chunks, dimensions) without decoding pixels. Pure: reads the file with
// the standard library only. The renderer decodes for real and draws a placeholder if that fails.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace lectern {

enum class ImageFormat { Unknown, Png, Jpeg, Svg };

struct ImageProbe {
    ImageFormat format = ImageFormat::Unknown;
    int width = 0; // pixels; for SVG the declared size, 0 when only a viewBox is given
    int height = 0;
    std::string problem; // empty when the picture looks usable; otherwise why not, in plain words

    bool ok() const { return problem.empty(); }
};

ImageProbe probe_image_bytes(std::string_view bytes);
ImageProbe probe_image_file(const std::filesystem::path& path);

} // namespace lectern
