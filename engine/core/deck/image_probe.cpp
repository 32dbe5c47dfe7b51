#include "image_probe.h"

#include "core/base/concat.h"
#include "core/base/file_check.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <sstream>
#include <tuple>

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

std::uint32_t read_le(std::string_view bytes, std::size_t at, int count) {
    std::uint32_t value = 0;
    for (int i = count - 1; i >= 0; --i)
        value = value << 8 | byte_at(bytes, at + static_cast<std::size_t>(i));
    return value;
}

ImageProbe with_size(ImageFormat format, std::uint32_t width, std::uint32_t height, std::string_view name) {
    ImageProbe probe{format, static_cast<int>(width), static_cast<int>(height), {}};
    if (width == 0 || height == 0)
        probe.problem = concat("the ", name, " file says it has no pixels");
    return probe;
}

ImageProbe probe_gif(std::string_view bytes) {
    if (bytes.size() < 13)
        return {ImageFormat::Gif, 0, 0, "the GIF file is cut short or damaged"};
    return with_size(ImageFormat::Gif, read_le(bytes, 6, 2), read_le(bytes, 8, 2), "GIF");
}

// RIFF container, "WEBP", then the first chunk: lossy "VP8 ", lossless "VP8L" or extended "VP8X".
ImageProbe probe_webp(std::string_view bytes) {
    const std::string_view chunk = bytes.size() >= 16 ? bytes.substr(12, 4) : std::string_view();
    if (chunk == "VP8 " && bytes.size() >= 30 && bytes.substr(23, 3) == "\x9d\x01\x2a")
        return with_size(ImageFormat::WebP, read_le(bytes, 26, 2) & 0x3FFFu, read_le(bytes, 28, 2) & 0x3FFFu,
                         "WebP");
    if (chunk == "VP8L" && bytes.size() >= 25 && byte_at(bytes, 20) == 0x2F) {
        const std::uint32_t bits = read_le(bytes, 21, 4);
        return with_size(ImageFormat::WebP, (bits & 0x3FFFu) + 1, ((bits >> 14) & 0x3FFFu) + 1, "WebP");
    }
    if (chunk == "VP8X" && bytes.size() >= 30)
        return with_size(ImageFormat::WebP, read_le(bytes, 24, 3) + 1, read_le(bytes, 27, 3) + 1, "WebP");
    return {ImageFormat::WebP, 0, 0, "the WebP file is cut short or damaged"};
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

// viewBox="min-x min-y width height": the last two numbers, rounded up to whole pixels.
std::pair<int, int> svg_view_box_size(std::string_view root) {
    const std::size_t at = root.find(" viewBox=");
    if (at == std::string_view::npos || at + 10 >= root.size())
        return {0, 0};
    std::string numbers(root.substr(at + 10, root.find(root[at + 9], at + 10) - (at + 10)));
    std::ranges::replace(numbers, ',', ' ');
    std::istringstream in(numbers);
    double x = 0, y = 0, width = 0, height = 0;
    if (!(in >> x >> y >> width >> height) || !(width > 0 && width < 1e6 && height > 0 && height < 1e6))
        return {0, 0};
    return {static_cast<int>(std::ceil(width)), static_cast<int>(std::ceil(height))};
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
    if (probe.width == 0 || probe.height == 0)
        std::tie(probe.width, probe.height) = svg_view_box_size(root);
    const bool self_closing = root.ends_with("/");
    if (!self_closing && bytes.find("</svg>") == std::string_view::npos)
        probe.problem = "the SVG file is cut short (no closing </svg>)";
    else if (probe.width <= 0 || probe.height <= 0)
        probe.problem =
            root.find(" viewBox=") == std::string_view::npos
                ? "the SVG file has neither a viewBox nor a width and height"
                : "the SVG file's viewBox gives no size (it needs four numbers, like \"0 0 400 300\")";
    return probe;
}

} // namespace

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

ImageProbe probe_image_bytes(std::string_view bytes) {
    if (bytes.starts_with("\x89PNG\r\n\x1a\n"))
        return probe_png(bytes);
    if (bytes.size() >= 3 && bytes.starts_with("\xFF\xD8\xFF"))
        return probe_jpeg(bytes);
    if (bytes.starts_with("GIF87a") || bytes.starts_with("GIF89a"))
        return probe_gif(bytes);
    if (bytes.starts_with("RIFF") && bytes.size() >= 12 && bytes.substr(8, 4) == "WEBP")
        return probe_webp(bytes);
    if (looks_like_svg(bytes))
        return probe_svg(bytes);
    ImageProbe unknown;
    unknown.problem =
        bytes.empty() ? "the file is empty" : "the file is not a PNG, JPEG, GIF, WebP or SVG picture";
    return unknown;
}

std::string picture_size_problem(const ImageProbe& probe) {
    const std::uint64_t pixels = static_cast<std::uint64_t>(std::max(probe.width, 0)) *
                                 static_cast<std::uint64_t>(std::max(probe.height, 0));
    if (probe.format == ImageFormat::Svg || pixels <= picture_max_pixels)
        return {};
    return concat("it is ", probe.width, " x ", probe.height, " pixels (", (pixels + 500'000) / 1'000'000,
                  " megapixels), more than the ", picture_max_pixels / 1'000'000,
                  " megapixels Lectern decodes; save a smaller copy (a projector shows about 2 megapixels: "
                  "1920 x 1080 is plenty)");
}

ImageProbe probe_image_file(const std::filesystem::path& path) {
    const Expected<std::string> file = read_regular_file(path, picture_file_max_bytes);
    if (!file) {
        ImageProbe unreadable;
        unreadable.problem = concat("the file cannot be read: ", file.error());
        return unreadable;
    }
    return probe_image_bytes(*file);
}

} // namespace lectern
