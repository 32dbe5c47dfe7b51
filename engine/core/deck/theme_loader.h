// ThemeLoader: reads a theme file (TOML: [theme], [colours], [fonts], [sizes]; see slides/README.md)
// on top of a built-in theme, and checks that every text colour meets WCAG AA contrast (4.5:1)
// against the background it is drawn on. Pure: standard library and toml++ only.
#pragma once

#include "core/base/diagnostic.h"
#include "theme.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace lectern {

// Problems are reported to `sink` (whose file is the theme file's display name). Returns the theme
// when the file has no errors; contrast problems are warnings.
std::optional<Theme> load_theme_file(const std::filesystem::path& path, DiagnosticSink& sink);

// A pair of the theme's colours that is drawn as text on background and falls below 4.5:1.
struct ContrastProblem {
    std::string text_key;       // "text", "heading", "muted"
    std::string background_key; // "background" or "panel"
    double ratio;
};
std::vector<ContrastProblem> contrast_problems(const Theme& theme);

} // namespace lectern
