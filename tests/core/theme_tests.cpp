#include "core/deck/deck_loader.h"
#include "core/deck/theme_loader.h"
#include "test_files.h"

#include <doctest/doctest.h>

#include <fstream>

using namespace lectern;

TEST_CASE("contrast ratios follow WCAG 2.1") {
    CHECK(contrast_ratio({0, 0, 0, 255}, {255, 255, 255, 255}) == doctest::Approx(21.0));
    CHECK(contrast_ratio({119, 119, 119, 255}, {255, 255, 255, 255}) == doctest::Approx(4.48).epsilon(0.01));
    CHECK(colour_from_hex("#1d2b53") == Colour{0x1d, 0x2b, 0x53, 255});
    CHECK_FALSE(colour_from_hex("1d2b53"));
    CHECK_FALSE(colour_from_hex("#12345g"));
    CHECK(hex_of({0x1d, 0x2b, 0x53, 255}) == "#1d2b53");
}

TEST_CASE("every built-in theme meets WCAG AA for its text colours") {
    for (std::string_view name : builtin_theme_names) {
        CAPTURE(name);
        const auto theme = builtin_theme(name);
        REQUIRE(theme);
        CHECK(contrast_problems(*theme).empty());
    }
    CHECK_FALSE(builtin_theme("nope"));
    CHECK(legible_px(Room::Classroom) == 28);
    CHECK(legible_px(Room::Hall) == 36);
}

TEST_CASE("a theme file changes colours, fonts and sizes on top of its base") {
    const auto folder = std::filesystem::temp_directory_path() / "lectern-theme-test";
    std::filesystem::create_directories(folder);
    std::ofstream(folder / "school.toml")
        << "[theme]\nbase = \"assembly\"\n[colours]\nheading = \"#ffcc00\"\n"
           "[fonts]\nbody = \"DejaVu Serif\"\n[sizes]\nbody_px = 48\n";
    std::ofstream(folder / "deck.toml") << "[deck]\ntitle = \"T\"\ntheme = \"school.toml\"\n[[slides]]\n"
                                           "layout = \"title\"\ntitle = \"x\"\n";
    const DeckLoadResult result = load_deck_file(folder / "deck.toml");
    REQUIRE(result.ok());
    CHECK(result.diagnostics.empty());
    const Theme& theme = result.deck->theme;
    CHECK(theme.heading == Colour{0xff, 0xcc, 0x00, 255});
    CHECK(theme.background == builtin_theme("assembly")->background);
    CHECK(theme.body_font == "DejaVu Serif");
    CHECK(theme.body_px == 48);
    std::filesystem::remove_all(folder);
}

TEST_CASE(
    "a theme file's low contrast is a warning at its colour, and its mistakes are errors in that file") {
    const auto folder = std::filesystem::temp_directory_path() / "lectern-theme-test-2";
    std::filesystem::create_directories(folder);
    std::ofstream(folder / "pale.toml") << "[colours]\nbackground = \"#ffffff\"\ntext = \"#999999\"\n";
    std::ofstream(folder / "bad.toml") << "[colours]\ntext = \"grey\"\n[sizes]\nbody_pix = 40\n";
    const std::string slide = "[[slides]]\nlayout = \"title\"\ntitle = \"x\"\n";

    const DeckLoadResult pale =
        load_deck_text("[deck]\ntitle = \"T\"\ntheme = \"pale.toml\"\n" + slide, "decks/deck.toml", folder);
    REQUIRE(pale.ok());
    REQUIRE(pale.diagnostics.size() == 2);
    CHECK(format_diagnostic(pale.diagnostics[0]) ==
          "decks/pale.toml:3:8: warning: text colour on the background colour has contrast 2.85:1, below the "
          "4.5:1 "
          "that WCAG AA asks for text; darken one of them or lighten the other");
    CHECK(pale.diagnostics[1].message.starts_with("text colour on the panel colour has contrast 2.40:1"));

    const DeckLoadResult bad =
        load_deck_text("[deck]\ntitle = \"T\"\ntheme = \"bad.toml\"\n" + slide, "decks/deck.toml", folder);
    CHECK_FALSE(bad.ok());
    REQUIRE(bad.diagnostics.size() == 2);
    CHECK(format_diagnostic(bad.diagnostics[0]) == "decks/bad.toml:2:8: error: \"text\" in the [colours] "
                                                   "table must be a colour written as \"#rrggbb\", like "
                                                   "text = \"#1d2b53\"");
    CHECK(format_diagnostic(bad.diagnostics[1]) == "decks/bad.toml:4:1: error: unknown key \"body_pix\" in "
                                                   "the [sizes] table; did you mean \"body_px\"?");
    std::filesystem::remove_all(folder);
}
