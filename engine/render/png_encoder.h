// PngEncoder: slides as PNG files, fast. A slide is opaque, so it is written as 8-bit RGB (a quarter
// smaller than RGBA, and a quarter less to compress), every row unfiltered, deflated by libdeflate at
// level 1 in one call, with libdeflate's checksums. Its buffers are kept from one picture to the next,
// so a run of slides converts each into rows already in cache and faults in no new pages. Measured by
// tools/bench/render_bench on the pupils' deck at 1920x1080 against libspng at zlib level 3 (what it
// replaces) and SDL_image's IMG_SavePNG in the same run. One way to write a PNG: `lectern render`, the
// results' charts and the teacher's remote all come here.
// Depends on SDL2 (the surface) and libdeflate; the core never sees it.
#pragma once

#include "core/base/expected.h"

#include <SDL2/SDL.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

struct libdeflate_compressor;

namespace lectern {

class PngEncoder {
public:
    PngEncoder();
    ~PngEncoder();
    PngEncoder(const PngEncoder&) = delete;
    PngEncoder& operator=(const PngEncoder&) = delete;

    // The bytes of a PNG file of `surface` (any SDL pixel format; alpha is dropped).
    Expected<std::string> encode(SDL_Surface& surface);
    // encode(), written to `file` (replacing it).
    Expected<void> write(SDL_Surface& surface, const std::filesystem::path& file);

private:
    struct CompressorFree {
        void operator()(libdeflate_compressor* compressor) const;
    };
    std::unique_ptr<libdeflate_compressor, CompressorFree> m_compressor;
    std::vector<unsigned char> m_rows; // filter byte + RGB, a row at a time
    // The zlib stream of the rows, in room for the worst case (about the rows' size) that is never filled
    // with zeros first: only the pages the stream reaches are touched (a slide's is about 70 KiB of 6 MiB).
    std::unique_ptr<unsigned char[]> m_deflated;
    std::size_t m_deflated_room = 0;
};

// One picture with an encoder of its own (the results' charts, the teacher's remote).
Expected<std::string> encode_png(SDL_Surface& surface);
Expected<void> write_png(SDL_Surface& surface, const std::filesystem::path& file);

} // namespace lectern
