#include "mark_drawing.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

namespace lectern {

namespace {

SDL_FPoint on_screen(Point point, SlideToScreen to_screen) {
    return {to_screen.origin_x + point.x * to_screen.scale, to_screen.origin_y + point.y * to_screen.scale};
}

void add_triangle(std::vector<SDL_Vertex>& out, SDL_FPoint a, SDL_FPoint b, SDL_FPoint c, SDL_Color colour) {
    out.push_back({a, colour, {0, 0}});
    out.push_back({b, colour, {0, 0}});
    out.push_back({c, colour, {0, 0}});
}

// A round end or join: as many sides as it is pixels across (6 to 16), so a thin line's joins cost
// few triangles and a thick one's still look round.
void add_disc(std::vector<SDL_Vertex>& out, SDL_FPoint centre, float radius, SDL_Color colour) {
    const int sides = std::clamp(static_cast<int>(radius * 2), 6, 16);
    SDL_FPoint previous{centre.x + radius, centre.y};
    for (int i = 1; i <= sides; ++i) {
        const double angle = 2 * std::numbers::pi * i / sides;
        const SDL_FPoint next{centre.x + radius * static_cast<float>(std::cos(angle)),
                              centre.y + radius * static_cast<float>(std::sin(angle))};
        add_triangle(out, centre, previous, next, colour);
        previous = next;
    }
}

// Whether the line turns at `b` enough for a gap to show between its two segments' ends.
bool turns(SDL_FPoint a, SDL_FPoint b, SDL_FPoint c) {
    const float ux = b.x - a.x, uy = b.y - a.y, vx = c.x - b.x, vy = c.y - b.y;
    const float lengths = std::hypot(ux, uy) * std::hypot(vx, vy);
    return lengths <= 0 || (ux * vx + uy * vy) / lengths < 0.97f; // more than about 14 degrees
}

void add_segment(std::vector<SDL_Vertex>& out, SDL_FPoint a, SDL_FPoint b, float half_width,
                 SDL_Color colour) {
    const float dx = b.x - a.x;
    const float dy = b.y - a.y;
    const float length = std::hypot(dx, dy);
    if (length <= 0)
        return;
    const float nx = -dy / length * half_width;
    const float ny = dx / length * half_width;
    const SDL_FPoint a1{a.x + nx, a.y + ny}, a2{a.x - nx, a.y - ny};
    const SDL_FPoint b1{b.x + nx, b.y + ny}, b2{b.x - nx, b.y - ny};
    add_triangle(out, a1, b1, b2, colour);
    add_triangle(out, a1, b2, a2, colour);
}

} // namespace

void draw_stroke(SDL_Renderer* renderer, const Stroke& stroke, SlideToScreen to_screen) {
    if (stroke.points.empty())
        return;
    // Drawn opaque: overlapping triangles of one stroke would otherwise show darker seams.
    const SDL_Color colour{stroke.colour.r, stroke.colour.g, stroke.colour.b, 255};
    const float half = std::max(0.75f, stroke.width * to_screen.scale / 2);
    std::vector<SDL_Vertex> triangles;
    triangles.reserve(stroke.points.size() * 12);
    SDL_FPoint previous = on_screen(stroke.points.front(), to_screen);
    add_disc(triangles, previous, half, colour); // the round start
    for (std::size_t i = 1; i < stroke.points.size(); ++i) {
        const SDL_FPoint next = on_screen(stroke.points[i], to_screen);
        add_segment(triangles, previous, next, half, colour);
        const bool last = i + 1 == stroke.points.size();
        if (last || turns(previous, next, on_screen(stroke.points[i + 1], to_screen)))
            add_disc(triangles, next, half, colour);
        previous = next;
    }
    SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_NONE);
    SDL_RenderGeometry(renderer, nullptr, triangles.data(), static_cast<int>(triangles.size()), nullptr, 0);
}

std::vector<SDL_Rect> spotlight_rows(const Spotlight& spotlight, SlideToScreen to_screen, SDL_Rect area) {
    const SDL_FPoint centre = on_screen(spotlight.centre, to_screen);
    const float radius = spotlight.radius * to_screen.scale;
    const int first = std::max(area.y, static_cast<int>(std::floor(centre.y - radius)));
    const int last = std::min(area.y + area.h, static_cast<int>(std::ceil(centre.y + radius)));
    std::vector<SDL_Rect> rows;
    for (int y = first; y < last; ++y) {
        const float dy = static_cast<float>(y) + 0.5f - centre.y; // the row's middle
        if (std::abs(dy) >= radius)
            continue;
        const float half = std::sqrt(radius * radius - dy * dy);
        const int x0 = std::max(area.x, static_cast<int>(std::lround(centre.x - half)));
        const int x1 = std::min(area.x + area.w, static_cast<int>(std::lround(centre.x + half)));
        if (x1 <= x0)
            continue;
        // Rows of the same width in a row merge: fewer copies near the circle's middle.
        if (!rows.empty() && rows.back().y + rows.back().h == y && rows.back().x == x0 &&
            rows.back().w == x1 - x0)
            ++rows.back().h;
        else
            rows.push_back({x0, y, x1 - x0, 1});
    }
    return rows;
}

SDL_Rect whole_pixels(SDL_FRect area) {
    const int x0 = static_cast<int>(std::lround(area.x));
    const int y0 = static_cast<int>(std::lround(area.y));
    return {x0, y0, static_cast<int>(std::lround(area.x + area.w)) - x0,
            static_cast<int>(std::lround(area.y + area.h)) - y0};
}

void draw_spotlight(SDL_Renderer* renderer, const Spotlight& spotlight, SlideToScreen to_screen,
                    SDL_FRect area) {
    // The area less the circle's rows, each pixel dimmed once: the same pixels as a dimmed copy of the
    // area with the rows copied back bright (slide_backdrop.h), which is how the show draws it.
    const SDL_Rect pixels = whole_pixels(area);
    const std::vector<SDL_Rect> rows = spotlight_rows(spotlight, to_screen, pixels);
    std::vector<SDL_Rect> dimmed;
    dimmed.reserve(rows.size() * 2 + 2);
    int y = pixels.y;
    auto add = [&](int x0, int y0, int x1, int y1) {
        if (x1 > x0 && y1 > y0)
            dimmed.push_back({x0, y0, x1 - x0, y1 - y0});
    };
    for (const SDL_Rect& row : rows) {
        add(pixels.x, y, pixels.x + pixels.w, row.y); // whole rows above it
        add(pixels.x, row.y, row.x, row.y + row.h);
        add(row.x + row.w, row.y, pixels.x + pixels.w, row.y + row.h);
        y = row.y + row.h;
    }
    add(pixels.x, y, pixels.x + pixels.w, pixels.y + pixels.h);
    SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(renderer, spotlight.dim.r, spotlight.dim.g, spotlight.dim.b, spotlight.dim.a);
    SDL_RenderFillRects(renderer, dimmed.data(), static_cast<int>(dimmed.size()));
}

} // namespace lectern
