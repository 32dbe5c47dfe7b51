// GoldenImage: compares a rendered picture with a committed PNG under tests/golden/, with the small
// tolerance golden images allow, and regenerates the PNG only when asked (LECTERN_UPDATE_GOLDENS=1, set by
// tools/update-goldens.sh; a normal test run never writes a golden). On a mismatch it writes the actual
// picture and a diff picture where a person can look at them. Test helper: SDL2 and SDL2_image only.
#pragma once

#include "render/sdl_handles.h"

#include <SDL.h>

#include <cstddef>
#include <filesystem>
#include <string>

namespace lectern::test {

// A pixel differs when any channel (alpha included) differs by more than this.
inline constexpr int golden_channel_tolerance = 24;
// A picture fails when more than this share of its pixels differ (or when its size differs).
inline constexpr double golden_max_differing_share = 0.005;

enum class GoldenMode { Compare, Update };

// Update when the environment has LECTERN_UPDATE_GOLDENS=1, otherwise Compare.
GoldenMode golden_mode_from_environment();

struct ImageComparison {
    bool same_size = false;
    std::size_t differing_pixels = 0;
    std::size_t total_pixels = 0;
    SurfacePtr diff; // differing pixels red on a faded `actual`; only when it fails, and the sizes match

    bool within_tolerance() const;
};

// Compares two pictures pixel by pixel; any pixel format (both are converted to ARGB8888).
ImageComparison compare_images(SDL_Surface& expected, SDL_Surface& actual);

// The share of pixels beyond the tolerance (0 to 1); 1 when a picture is missing or the sizes differ.
double differing_share(SDL_Surface* expected, SDL_Surface* actual);

// The PNG at `path` as IMG_Load reads it (any pixel format), or null with `error` saying why.
SurfacePtr load_png(const std::filesystem::path& path, std::string& error);

// Writes `surface` to `path` with IMG_SavePNG, creating its folder; "" on success, else why not.
std::string save_png(SDL_Surface& surface, const std::filesystem::path& path);

struct GoldenCheck {
    bool passed = false;
    std::string message; // what happened, with the paths of any pictures written for a person to see
};

// Compare mode: checks `actual` against `golden_dir`/`name`.png; on a mismatch writes
// `failure_dir`/`name`-actual.png and `name`-diff.png. Update mode: writes the golden and passes.
GoldenCheck check_golden(SDL_Surface& actual, const std::string& name,
                         const std::filesystem::path& golden_dir, const std::filesystem::path& failure_dir,
                         GoldenMode mode);

} // namespace lectern::test
