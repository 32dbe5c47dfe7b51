// DisplayList: what one slide looks like, as rectangles, text runs and pictures in slide units
// (1920x1080 for 16:9, 1440x1080 for 4:3), and over it the teacher's ink and spotlight. Produced by the
// layout; renderers only draw it, scaled and letterboxed onto any window or picture size. Pure data.
#pragma once

#include "core/deck/colour.h"

#include <filesystem>
#include <string>
#include <variant>
#include <vector>

namespace lectern {

struct Box {
    float x = 0, y = 0, w = 0, h = 0;

    friend bool operator==(const Box&, const Box&) = default;
};

enum class FontRole { Body, Heading };

// How a run of text is set: which of the theme's fonts, its weight and slant, and its size.
struct TextStyle {
    FontRole role = FontRole::Body;
    bool bold = false;
    bool italic = false;
    float px = 40; // font size in slide units

    friend bool operator==(const TextStyle&, const TextStyle&) = default;
};

// One run of text in one style on one line; (x, y) is the top-left of its line box.
struct TextRun {
    float x = 0, y = 0;
    // UTF-8 in logical order, all at one bidi level: the layout has already put a line's runs in visual
    // order. A run whose direction its own text would not show (a "(" inside Arabic, a number at the start
    // of a left-to-right run in a right-to-left line) starts with U+200F or U+200E, so a renderer that
    // takes each run's direction from its first strong character shapes it the right way round.
    std::string text;
    TextStyle style;
    Colour colour;
    // Starts where the run before it on the same line ends (a change of weight or slant mid-line). A
    // renderer drawing at a rounded pixel size puts it at the end of what it drew for that run, so the
    // space between words stays right at any scale.
    bool follows_previous = false;

    friend bool operator==(const TextRun&, const TextRun&) = default;
};

struct FilledBox {
    Box box;
    Colour colour;
    float corner_radius = 0;

    friend bool operator==(const FilledBox&, const FilledBox&) = default;
};

// A picture fitted inside `box` keeping its shape; drawn as a placeholder with `alt` if it cannot load.
struct Picture {
    Box box;
    std::filesystem::path path;
    std::string alt;

    friend bool operator==(const Picture&, const Picture&) = default;
};

struct Point {
    float x = 0, y = 0;

    friend bool operator==(const Point&, const Point&) = default;
};

// A line through `points`, `width` wide, round at its ends and joins: the teacher's ink.
struct Stroke {
    std::vector<Point> points;
    float width = 5;
    Colour colour;

    friend bool operator==(const Stroke&, const Stroke&) = default;
};

// Everything drawn so far dimmed by `dim` (its alpha says how much), except a circle: the spotlight.
struct Spotlight {
    Point centre;
    float radius = 200;
    Colour dim;

    friend bool operator==(const Spotlight&, const Spotlight&) = default;
};

using DisplayItem = std::variant<FilledBox, TextRun, Picture, Stroke, Spotlight>;

struct DisplayList {
    float width = 1920;
    float height = 1080;
    Colour background;
    std::vector<DisplayItem> items;

    friend bool operator==(const DisplayList&, const DisplayList&) = default;
};

} // namespace lectern
