#include "mark_drawing.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <vector>

namespace lectern {

namespace {

constexpr int circle_segments = 96; // the spotlight's circle: large, so it needs more

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

void draw_spotlight(SDL_Renderer* renderer, const Spotlight& spotlight, SlideToScreen to_screen,
                    SDL_FRect area) {
    const SDL_FPoint centre = on_screen(spotlight.centre, to_screen);
    const float radius = spotlight.radius * to_screen.scale;
    const SDL_Color dim{spotlight.dim.r, spotlight.dim.g, spotlight.dim.b, spotlight.dim.a};
    // Every pixel of the area is covered once (a software renderer pays for each pixel it touches, so
    // nothing is drawn off the area or twice): four bands around the circle's square, then, inside the
    // square, the parts outside the circle as fans from the square's corners to a quarter of its edge.
    const float left = centre.x - radius, right = centre.x + radius;
    const float top = centre.y - radius, bottom = centre.y + radius;
    const float area_right = area.x + area.w, area_bottom = area.y + area.h;
    SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(renderer, dim.r, dim.g, dim.b, dim.a);
    auto band = [&](float x0, float y0, float x1, float y1) {
        x0 = std::clamp(x0, area.x, area_right);
        x1 = std::clamp(x1, area.x, area_right);
        y0 = std::clamp(y0, area.y, area_bottom);
        y1 = std::clamp(y1, area.y, area_bottom);
        // Whole pixels, so the bands meet without a seam or an overlap.
        const SDL_Rect rect{static_cast<int>(std::lround(x0)), static_cast<int>(std::lround(y0)),
                            static_cast<int>(std::lround(x1) - std::lround(x0)),
                            static_cast<int>(std::lround(y1) - std::lround(y0))};
        if (rect.w > 0 && rect.h > 0)
            SDL_RenderFillRect(renderer, &rect);
    };
    band(area.x, area.y, area_right, top);         // above
    band(area.x, bottom, area_right, area_bottom); // below
    band(area.x, top, left, bottom);               // left
    band(right, top, area_right, bottom);          // right
    std::vector<SDL_Vertex> triangles;
    triangles.reserve(circle_segments * 3);
    const float rounded_left = static_cast<float>(std::lround(left));
    const float rounded_right = static_cast<float>(std::lround(right));
    const float rounded_top = static_cast<float>(std::lround(top));
    const float rounded_bottom = static_cast<float>(std::lround(bottom));
    const std::array<SDL_FPoint, 4> corners{{{rounded_right, rounded_bottom},
                                             {rounded_left, rounded_bottom},
                                             {rounded_left, rounded_top},
                                             {rounded_right, rounded_top}}};
    constexpr int per_quarter = circle_segments / 4;
    for (int quarter = 0; quarter < 4; ++quarter) {
        for (int i = 0; i < per_quarter; ++i) {
            auto at = [&](int step) {
                const double angle = 2 * std::numbers::pi * (quarter * per_quarter + step) / circle_segments;
                return SDL_FPoint{centre.x + radius * static_cast<float>(std::cos(angle)),
                                  centre.y + radius * static_cast<float>(std::sin(angle))};
            };
            add_triangle(triangles, corners[static_cast<std::size_t>(quarter)], at(i), at(i + 1), dim);
        }
    }
    const SDL_Rect clip{static_cast<int>(area.x), static_cast<int>(area.y),
                        static_cast<int>(std::ceil(area.w)), static_cast<int>(std::ceil(area.h))};
    const bool clipped = SDL_RenderIsClipEnabled(renderer) == SDL_TRUE;
    SDL_Rect before{};
    SDL_RenderGetClipRect(renderer, &before);
    SDL_RenderSetClipRect(renderer, &clip);
    SDL_RenderGeometry(renderer, nullptr, triangles.data(), static_cast<int>(triangles.size()), nullptr, 0);
    SDL_RenderSetClipRect(renderer, clipped ? &before : nullptr);
}

} // namespace lectern
