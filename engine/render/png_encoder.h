// PngEncoder: slides as PNG files, fast. A slide is opaque, so it is written as 8-bit RGB (a quarter
// smaller than RGBA, and a quarter less to compress), with libspng at a low zlib level and no row
// filter: several times faster than SDL_image's IMG_SavePNG (libpng at zlib's default level) for files a
// little larger (tools/bench/render_bench reports both). One way to write a PNG: `lectern
// render`, the results' charts and the teacher's remote all come here.
#pragma once

#include "core/base/expected.h"

#include <SDL2/SDL.h>

#include <filesystem>
#include <string>

namespace lectern {

// The bytes of a PNG file of `surface` (any SDL pixel format; alpha is dropped).
Expected<std::string> encode_png(SDL_Surface& surface);

// encode_png, written to `file` (replacing it).
Expected<void> write_png(SDL_Surface& surface, const std::filesystem::path& file);

} // namespace lectern
