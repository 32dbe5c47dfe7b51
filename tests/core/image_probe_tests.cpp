#include "core/deck/image_probe.h"
#include "picture_files.h"
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

TEST_CASE("GIF and WebP headers are measured too") {
    const ImageProbe gif = probe_image_bytes(test::gif_claiming(640, 480));
    CHECK(gif.ok());
    CHECK(gif.format == ImageFormat::Gif);
    CHECK((gif.width == 640 && gif.height == 480));
    const ImageProbe webp = probe_image_bytes(test::webp_claiming(800, 600));
    CHECK(webp.ok());
    CHECK(webp.format == ImageFormat::WebP);
    CHECK((webp.width == 800 && webp.height == 600));
    CHECK_FALSE(probe_image_bytes("RIFF\x04\x00\x00\x00WEBP").ok()); // cut short
}

TEST_CASE("an SVG with only a viewBox is measured from it") {
    const ImageProbe svg = probe_image_bytes("<svg viewBox=\"0 0 640.5 360\"></svg>");
    CHECK(svg.ok());
    CHECK((svg.width == 641 && svg.height == 360));
}

TEST_CASE("a picture of more than 40 megapixels is refused before anything decodes it, with what to do") {
    // 437 KB on disk, 60000 x 60000 pixels: IMG_LoadPNG_RW crashed inside libpng on it in every mode.
    const ImageProbe huge = probe_image_bytes(test::png_claiming(60000, 60000));
    CHECK(huge.ok()); // the file itself is well formed
    CHECK(picture_size_problem(huge) ==
          "it is 60000 x 60000 pixels (3600 megapixels), more than the 40 megapixels Lectern decodes; save a "
          "smaller copy (a projector shows about 2 megapixels: 1920 x 1080 is plenty)");
    // 20000 x 20000 passed `check` and then cost gigabytes.
    CHECK_FALSE(picture_size_problem(probe_image_bytes(test::png_claiming(20000, 20000))).empty());
    CHECK_FALSE(picture_size_problem(probe_image_bytes(test::webp_claiming(16384, 16384))).empty());
    CHECK(picture_size_problem(probe_image_bytes(test::png_claiming(8000, 5000))).empty()); // exactly 40
    CHECK(picture_size_problem(probe_image_bytes(test::gif_claiming(65535, 600))).empty());
    // An SVG is drawn at the size of its box, whatever it declares.
    CHECK(picture_size_problem(probe_image_bytes("<svg width=\"90000\" height=\"90000\"/>")).empty());
}

TEST_CASE("an SVG whose viewBox gives no size is refused (found by picture_fuzz)") {
    CHECK(probe_image_bytes("<svg viewBox=\"-\"/>").problem ==
          "the SVG file's viewBox gives no size (it needs four numbers, like \"0 0 400 300\")");
    CHECK_FALSE(probe_image_bytes("<svg viewBox=\"0 0 -5 10\"></svg>").ok());
}
