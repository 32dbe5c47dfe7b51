#include "golden_image.h"

#include <SDL_image.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <system_error>
#include <vector>

namespace lectern::test {

namespace {

// A picture's pixels as ARGB8888, rows `pitch` bytes apart.
struct ArgbPixels {
    const std::uint8_t* pixels = nullptr;
    int pitch = 0;
};

// `surface`'s own pixels when it is ARGB8888 already, else a converted copy in `buffer` (reused from call
// to call: the sanitizer build's allocator maps and clears every large block afresh).
ArgbPixels argb8888_pixels(const SDL_Surface& surface, std::vector<std::uint32_t>& buffer) {
    if (surface.format->format == SDL_PIXELFORMAT_ARGB8888)
        return {static_cast<const std::uint8_t*>(surface.pixels), surface.pitch};
    buffer.resize(static_cast<std::size_t>(surface.w) * static_cast<std::size_t>(surface.h));
    const int pitch = surface.w * 4;
    if (SDL_ConvertPixels(surface.w, surface.h, surface.format->format, surface.pixels, surface.pitch,
                          SDL_PIXELFORMAT_ARGB8888, buffer.data(), pitch) != 0)
        return {};
    return {reinterpret_cast<const std::uint8_t*>(buffer.data()), pitch};
}

const std::uint8_t* row_of(ArgbPixels picture, int y) {
    return picture.pixels + static_cast<std::ptrdiff_t>(y) * picture.pitch;
}

bool pixels_differ(const std::uint8_t* a, const std::uint8_t* b) {
    for (int channel = 0; channel < 4; ++channel) {
        if (std::abs(a[channel] - b[channel]) > golden_channel_tolerance)
            return true;
    }
    return false;
}

// Differing pixels in red on a grey, faded copy of `actual`, so the slide is still recognisable.
SurfacePtr diff_picture(ArgbPixels expected, ArgbPixels actual, int width_px, int height_px) {
    SurfacePtr diff(SDL_CreateRGBSurfaceWithFormat(0, width_px, height_px, 32, SDL_PIXELFORMAT_ARGB8888));
    if (!diff)
        return nullptr;
    for (int y = 0; y < height_px; ++y) {
        const std::uint8_t* a = row_of(expected, y);
        const std::uint8_t* b = row_of(actual, y);
        auto* out = static_cast<std::uint8_t*>(diff->pixels) + static_cast<std::ptrdiff_t>(y) * diff->pitch;
        for (std::size_t i = 0; i < static_cast<std::size_t>(width_px) * 4; i += 4) {
            std::uint32_t pixel = 0xFFFF0000u;
            if (!pixels_differ(a + i, b + i)) {
                std::uint32_t argb = 0;
                std::memcpy(&argb, b + i, sizeof argb);
                const auto grey =
                    (((argb >> 16) & 0xFFu) * 3 + ((argb >> 8) & 0xFFu) * 6 + (argb & 0xFFu)) / 10;
                const std::uint32_t light = 255 - (255 - grey) / 4;
                pixel = 0xFF000000u | light << 16 | light << 8 | light;
            }
            std::memcpy(out + i, &pixel, sizeof pixel);
        }
    }
    return diff;
}

std::string size_of(const SDL_Surface& surface) {
    return std::to_string(surface.w) + "x" + std::to_string(surface.h);
}

} // namespace

GoldenMode golden_mode_from_environment() {
    const char* update = std::getenv("LECTERN_UPDATE_GOLDENS");
    return update && std::string_view(update) == "1" ? GoldenMode::Update : GoldenMode::Compare;
}

bool ImageComparison::within_tolerance() const {
    return same_size && static_cast<double>(differing_pixels) <=
                            golden_max_differing_share * static_cast<double>(total_pixels);
}

ImageComparison compare_images(SDL_Surface& expected, SDL_Surface& actual) {
    ImageComparison result;
    result.total_pixels = static_cast<std::size_t>(actual.w) * static_cast<std::size_t>(actual.h);
    result.same_size = expected.w == actual.w && expected.h == actual.h;
    if (!result.same_size)
        return result;
    static std::vector<std::uint32_t> expected_buffer;
    static std::vector<std::uint32_t> actual_buffer;
    const ArgbPixels want = argb8888_pixels(expected, expected_buffer);
    const ArgbPixels got = argb8888_pixels(actual, actual_buffer);
    if (!want.pixels || !got.pixels) {
        result.differing_pixels = result.total_pixels; // cannot tell: count it as a failure
        return result;
    }
    // Rows that match byte for byte (nearly all of them, when nothing changed) are skipped with one
    // memcmp; the sanitizer build compares a hundred pictures in each run.
    const auto row_bytes = static_cast<std::size_t>(actual.w) * 4;
    for (int y = 0; y < actual.h; ++y) {
        const std::uint8_t* a = row_of(want, y);
        const std::uint8_t* b = row_of(got, y);
        if (std::memcmp(a, b, row_bytes) == 0)
            continue;
        for (std::size_t i = 0; i < row_bytes; i += 4)
            result.differing_pixels += pixels_differ(a + i, b + i) ? 1u : 0u;
    }
    if (result.within_tolerance())
        return result;
    result.diff = diff_picture(want, got, actual.w, actual.h);
    return result;
}

double differing_share(SDL_Surface* expected, SDL_Surface* actual) {
    if (!expected || !actual)
        return 1.0;
    const ImageComparison comparison = compare_images(*expected, *actual);
    if (!comparison.same_size || comparison.total_pixels == 0)
        return 1.0;
    return static_cast<double>(comparison.differing_pixels) / static_cast<double>(comparison.total_pixels);
}

SurfacePtr load_png(const std::filesystem::path& path, std::string& error) {
    SurfacePtr loaded(IMG_Load(path.c_str()));
    if (!loaded)
        error = IMG_GetError();
    return loaded;
}

std::string save_png(SDL_Surface& surface, const std::filesystem::path& path) {
    std::error_code ignored;
    std::filesystem::create_directories(path.parent_path(), ignored);
    if (IMG_SavePNG(&surface, path.c_str()) != 0)
        return "cannot write " + path.string() + ": " + IMG_GetError();
    return "";
}

GoldenCheck check_golden(SDL_Surface& actual, const std::string& name,
                         const std::filesystem::path& golden_dir, const std::filesystem::path& failure_dir,
                         GoldenMode mode) {
    const std::filesystem::path golden = golden_dir / (name + ".png");
    if (mode == GoldenMode::Update) {
        const std::string problem = save_png(actual, golden);
        return {problem.empty(), problem.empty() ? "wrote " + golden.string() : problem};
    }
    std::string error;
    const SurfacePtr expected = load_png(golden, error);
    if (!expected) {
        return {false, "no golden image " + golden.string() + " (" + error +
                           "); make it on purpose with tools/update-goldens.sh"};
    }
    const ImageComparison comparison = compare_images(*expected, actual);
    const std::filesystem::path actual_file = failure_dir / (name + "-actual.png");
    const std::filesystem::path diff_file = failure_dir / (name + "-diff.png");
    if (comparison.within_tolerance()) {
        // Pictures of an earlier failure would only mislead.
        std::error_code ignored;
        std::filesystem::remove(actual_file, ignored);
        std::filesystem::remove(diff_file, ignored);
        return {true, ""};
    }

    std::string message = golden.string() + ": ";
    if (!comparison.same_size) {
        message += "size " + size_of(actual) + " differs from the golden's " + size_of(*expected);
    } else {
        message += std::to_string(comparison.differing_pixels) + " of " +
                   std::to_string(comparison.total_pixels) + " pixels differ by more than " +
                   std::to_string(golden_channel_tolerance) + " in a channel (allowed: " +
                   std::to_string(static_cast<std::size_t>(golden_max_differing_share *
                                                           static_cast<double>(comparison.total_pixels))) +
                   ")";
    }
    const std::string actual_problem = save_png(actual, actual_file);
    message += actual_problem.empty() ? "\n  actual: " + actual_file.string() : "\n  " + actual_problem;
    if (comparison.diff) {
        const std::string diff_problem = save_png(*comparison.diff, diff_file);
        message += diff_problem.empty() ? "\n  diff:   " + diff_file.string() + " (differing pixels in red)"
                                        : "\n  " + diff_problem;
    }
    message += "\n  if the change is intended, regenerate with tools/update-goldens.sh and review the images";
    return {false, message};
}

} // namespace lectern::test
