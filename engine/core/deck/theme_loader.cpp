#include "theme_loader.h"

#include "core/base/concat.h"
#include "core/base/file_check.h"
#include "core/base/suggestion.h"
#include "table_reader.h"

#include <array>
#include <cstdio>

namespace lectern {

namespace {

constexpr std::array<std::string_view, 4> top_keys{"theme", "colours", "fonts", "sizes"};
constexpr std::array<std::string_view, 1> theme_keys{"base"};
constexpr std::array<std::string_view, 6> single_colour_keys{"background", "text",  "heading",
                                                             "accent",     "muted", "panel"};
constexpr std::array<std::string_view, 1> chart_key{"chart"};
constexpr std::array<std::string_view, 2> font_keys{"body", "heading"};
constexpr std::array<std::string_view, 4> size_keys{"title_px", "heading_px", "body_px", "small_px"};
constexpr std::array<std::string_view, 0> none{};

Colour* colour_slot(Theme& theme, std::string_view key) {
    if (key == "background")
        return &theme.background;
    if (key == "text")
        return &theme.text;
    if (key == "heading")
        return &theme.heading;
    if (key == "accent")
        return &theme.accent;
    if (key == "muted")
        return &theme.muted;
    if (key == "panel")
        return &theme.panel;
    return nullptr;
}

float* size_slot(Theme& theme, std::string_view key) {
    if (key == "title_px")
        return &theme.title_px;
    if (key == "heading_px")
        return &theme.heading_px;
    if (key == "body_px")
        return &theme.body_px;
    if (key == "small_px")
        return &theme.small_px;
    return nullptr;
}

void read_chart(TableReader& colours, Theme& theme) {
    const toml::node* node = colours.table().get("chart");
    if (!node)
        return;
    const toml::array* list = node->as_array();
    if (!list || list->size() != theme.chart.size()) {
        colours.sink().error(position_of(*node),
                             concat("\"chart\" in ", colours.where(), " must be a list of ",
                                    theme.chart.size(),
                                    " colours, one per poll option, like [\"#0072b2\", ...]"));
        return;
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
        const auto* text = list->get(i)->as_string();
        std::optional<Colour> colour = text ? colour_from_hex(text->get()) : std::nullopt;
        if (!colour) {
            colours.sink().error(position_of(*list->get(i)),
                                 concat("item ", i + 1, " of \"chart\" in ", colours.where(),
                                        " must be a colour written as \"#rrggbb\""));
            continue;
        }
        theme.chart[i] = *colour;
    }
}

std::string ratio_text(double ratio) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%.2f", ratio);
    return buffer;
}

} // namespace

std::vector<ContrastProblem> contrast_problems(const Theme& theme) {
    std::vector<ContrastProblem> problems;
    const std::array<std::pair<std::string_view, Colour>, 3> texts{
        {{"text", theme.text}, {"heading", theme.heading}, {"muted", theme.muted}}};
    for (const auto& [key, colour] : texts) {
        const double on_background = contrast_ratio(colour, theme.background);
        if (on_background < minimum_text_contrast)
            problems.push_back({std::string(key), "background", on_background});
    }
    const double on_panel = contrast_ratio(theme.text, theme.panel);
    if (on_panel < minimum_text_contrast)
        problems.push_back({"text", "panel", on_panel});
    return problems;
}

std::optional<Theme> load_theme_file(const std::filesystem::path& path, DiagnosticSink& sink) {
    const Expected<std::string> file = read_regular_file(path, deck_file_max_bytes);
    if (!file) {
        sink.error({},
                   concat("cannot read this theme file: ", file.error(), "; check the file name and path"));
        return std::nullopt;
    }
    const std::string& text = *file;
    toml::table root;
    try {
        root = toml::parse(text, sink.file());
    } catch (const toml::parse_error& error) {
        sink.error(
            position_of(error.source()),
            concat("this is not valid TOML: ", error.description(),
                   "; check quotes, brackets and commas on this line (text goes in \"double quotes\")"));
        return std::nullopt;
    }
    const std::size_t errors_before = count_of(sink.diagnostics(), Severity::Error);

    TableReader top(root, "the theme file", sink);
    top.check_keys({none, top_keys}, {}, "a theme file");
    Theme theme = *builtin_theme("classroom");
    if (const toml::table* table = top.subtable("theme", "[theme] with base = \"classroom\"")) {
        TableReader reader(*table, "the [theme] table", sink);
        reader.check_keys({none, theme_keys}, {}, "the [theme] table");
        if (auto base = reader.choice("base", builtin_theme_names))
            theme = *builtin_theme(*base);
    }
    theme.name = path.stem().string();

    std::vector<std::pair<std::string, SourcePosition>> colour_positions;
    if (const toml::table* table = top.subtable("colours", "[colours] with text = \"#1d2b53\"")) {
        TableReader reader(*table, "the [colours] table", sink);
        reader.check_keys({none, single_colour_keys}, chart_key, "the [colours] table");
        for (std::string_view key : single_colour_keys) {
            if (auto colour = reader.colour(key)) {
                *colour_slot(theme, key) = *colour;
                colour_positions.emplace_back(key, reader.value_position(key));
            }
        }
        read_chart(reader, theme);
    }
    if (const toml::table* table = top.subtable("fonts", "[fonts] with body = \"DejaVu Sans\"")) {
        TableReader reader(*table, "the [fonts] table", sink);
        reader.check_keys({none, font_keys}, {}, "the [fonts] table");
        theme.body_font = reader.text("body").value_or(theme.body_font);
        theme.heading_font = reader.text("heading").value_or(theme.heading_font);
    }
    if (const toml::table* table = top.subtable("sizes", "[sizes] with body_px = 52")) {
        TableReader reader(*table, "the [sizes] table", sink);
        reader.check_keys({none, size_keys}, {}, "the [sizes] table");
        for (std::string_view key : size_keys) {
            if (auto px = reader.number(key, 16, 240))
                *size_slot(theme, key) = static_cast<float>(*px);
        }
    }

    for (const ContrastProblem& problem : contrast_problems(theme)) {
        SourcePosition where{1, 1};
        for (const auto& [key, position] : colour_positions) {
            if (key == problem.text_key)
                where = position;
        }
        sink.warning(where, concat(problem.text_key, " colour on the ", problem.background_key,
                                   " colour has contrast ", ratio_text(problem.ratio),
                                   ":1, below the 4.5:1 that WCAG AA asks for text; ",
                                   "darken one of them or lighten the other"));
    }
    if (count_of(sink.diagnostics(), Severity::Error) > errors_before)
        return std::nullopt;
    return theme;
}

} // namespace lectern
