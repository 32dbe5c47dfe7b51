#include "png_encoder.h"

#include <cstdio>
#include <memory>
#include <spng.h>
#include <vector>

namespace lectern {

namespace {

// zlib level 3 and no row filter: slides are mostly flat colour, which deflate alone packs well, and
// choosing a filter per row costs more time than it saves bytes. Measured by tools/bench/render_bench on
// the pupils' deck at 1920x1080 against IMG_SavePNG in the same run: about 3.9 times as fast, for files
// 1.08 times the size (every filter tried, level 2: slower than IMG_SavePNG; level 6: 2.3 times as fast,
// 0.8 times the size).
constexpr int compression_level = 3;

struct SpngContextFree {
    void operator()(spng_ctx* context) const { spng_ctx_free(context); }
};

Failure spng_failure(const char* doing, int error) {
    return Failure{std::string("cannot ") + doing + " a PNG: " + spng_strerror(error)};
}

// The surface's pixels as packed 8-bit RGB rows.
Expected<std::vector<unsigned char>> rgb_pixels(SDL_Surface& surface) {
    const int w = surface.w;
    const int h = surface.h;
    std::vector<unsigned char> rgb(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 3);
    if (SDL_ConvertPixels(w, h, surface.format->format, surface.pixels, surface.pitch, SDL_PIXELFORMAT_RGB24,
                          rgb.data(), w * 3) != 0)
        return Failure{std::string("cannot convert the picture's pixels: ") + SDL_GetError()};
    return rgb;
}

} // namespace

Expected<std::string> encode_png(SDL_Surface& surface) {
    const Expected<std::vector<unsigned char>> rgb = rgb_pixels(surface);
    if (!rgb)
        return Failure{rgb.error()};
    std::unique_ptr<spng_ctx, SpngContextFree> context(spng_ctx_new(SPNG_CTX_ENCODER));
    if (!context)
        return Failure{"cannot make a PNG encoder (out of memory)"};
    spng_set_option(context.get(), SPNG_ENCODE_TO_BUFFER, 1);
    spng_set_option(context.get(), SPNG_IMG_COMPRESSION_LEVEL, compression_level);
    spng_set_option(context.get(), SPNG_FILTER_CHOICE, SPNG_FILTER_CHOICE_NONE);
    spng_ihdr header{};
    header.width = static_cast<std::uint32_t>(surface.w);
    header.height = static_cast<std::uint32_t>(surface.h);
    header.bit_depth = 8;
    header.color_type = SPNG_COLOR_TYPE_TRUECOLOR;
    if (const int error = spng_set_ihdr(context.get(), &header))
        return spng_failure("describe", error);
    if (const int error =
            spng_encode_image(context.get(), rgb->data(), rgb->size(), SPNG_FMT_PNG, SPNG_ENCODE_FINALIZE))
        return spng_failure("encode", error);
    std::size_t size = 0;
    int error = 0;
    void* bytes = spng_get_png_buffer(context.get(), &size, &error);
    if (!bytes)
        return spng_failure("finish", error);
    std::string png(static_cast<const char*>(bytes), size);
    std::free(bytes); // the buffer is the caller's, made with malloc
    return png;
}

Expected<void> write_png(SDL_Surface& surface, const std::filesystem::path& file) {
    const Expected<std::string> png = encode_png(surface);
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

} // namespace lectern
