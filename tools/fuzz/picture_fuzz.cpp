// libFuzzer target: any bytes as a picture file's header, measured as every mode measures a picture
// before a decoder sees it (issue 14). Pictures come from anywhere, so no bytes may crash the probe or
// make it claim a size it cannot have.
#include "core/deck/image_probe.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const lectern::ImageProbe probe = lectern::probe_image_bytes(bytes);
    if (probe.ok() && (probe.width <= 0 || probe.height <= 0))
        std::abort(); // a usable picture always has pixels
    lectern::picture_size_problem(probe);
    return 0;
}
