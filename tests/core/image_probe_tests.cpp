#include "core/image_probe.h"
#include "test_files.h"

#include <doctest/doctest.h>

using namespace lectern;

namespace {
const std::filesystem::path images = test::source_dir() / "tests/decks/valid/images";
}

TEST_CASE("PNG, JPEG and SVG files are recognised with their sizes") {
    const ImageProbe png = probe_image_file(images / "square.png");
    CHECK(png.ok());
    CHECK(png.format == ImageFormat::Png);
    CHECK(png.width == 32);
    CHECK(png.height == 24);

    const ImageProbe jpeg = probe_image_file(images / "square.jpg");
    CHECK(jpeg.ok());
    CHECK(jpeg.format == ImageFormat::Jpeg);
    CHECK(jpeg.width == 32);
    CHECK(jpeg.height == 24);

    const ImageProbe svg = probe_image_file(images / "shield.svg");
    CHECK(svg.ok());
    CHECK(svg.format == ImageFormat::Svg);
    CHECK(svg.width == 200);
}

TEST_CASE("damaged or foreign files are refused with a reason") {
    const std::string png = test::read_text(images / "square.png");
    CHECK_FALSE(probe_image_bytes(png.substr(0, 20)).ok());
    std::string corrupt_header = png;
    corrupt_header[18] = 'X';
    CHECK(probe_image_bytes(corrupt_header).problem.find("checksum") != std::string::npos);

    const std::string jpeg = test::read_text(images / "square.jpg");
    CHECK_FALSE(probe_image_bytes(jpeg.substr(0, 10)).ok());

    CHECK_FALSE(probe_image_bytes("").ok());
    CHECK_FALSE(probe_image_bytes("GIF89a....").ok());
    CHECK_FALSE(probe_image_bytes("<svg viewBox=\"0 0 1 1\">").ok());
    CHECK(probe_image_bytes("<svg viewBox=\"0 0 1 1\"/>").ok());
    CHECK_FALSE(probe_image_file(images / "does-not-exist.png").ok());
}
