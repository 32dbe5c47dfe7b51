#include "mark_drawing.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

namespace lectern {

namespace {

constexpr int round_segments = 12;  // a stroke's joins and ends: small, so 12 sides look round
constexpr int circle_segments = 96; // the spotlight's circle: large, so it needs more

SDL_FPoint on_screen(Point point, SlideToScreen to_screen) {
    return {to_screen.origin_x + point.x * to_screen.scale, to_screen.origin_y + point.y * to_screen.scale};
}

void add_triangle(std::vector<SDL_Vertex>& out, SDL_FPoint a, SDL_FPoint b, SDL_FPoint c, SDL_Color colour) {
    out.push_back({a, colour, {0, 0}});
    out.push_back({b, colour, {0, 0}});
    out.push_back({c, colour, {0, 0}});
}

void add_disc(std::vector<SDL_Vertex>& out, SDL_FPoint centre, float radius, SDL_Color colour) {
    SDL_FPoint previous{centre.x + radius, centre.y};
    for (int i = 1; i <= round_segments; ++i) {
        const double angle = 2 * std::numbers::pi * i / round_segments;
        const SDL_FPoint next{centre.x + radius * static_cast<float>(std::cos(angle)),
                              centre.y + radius * static_cast<float>(std::sin(angle))};
        add_triangle(out, centre, previous, next, colour);
        previous = next;
    }
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
    triangles.reserve(stroke.points.size() * (6 + 3 * round_segments));
    SDL_FPoint previous = on_screen(stroke.points.front(), to_screen);
    add_disc(triangles, previous, half, colour);
    for (std::size_t i = 1; i < stroke.points.size(); ++i) {
        const SDL_FPoint next = on_screen(stroke.points[i], to_screen);
        add_segment(triangles, previous, next, half, colour);
        add_disc(triangles, next, half, colour);
        previous = next;
    }
    SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_NONE);
    SDL_RenderGeometry(renderer, nullptr, triangles.data(), static_cast<int>(triangles.size()), nullptr, 0);
}

void draw_spotlight(SDL_Renderer* renderer, const Spotlight& spotlight, SlideToScreen to_screen,
                    SDL_FRect area) {
    const SDL_FPoint centre = on_screen(spotlight.centre, to_screen);
    const float inner = spotlight.radius * to_screen.scale;
    // Past the farthest corner of the area, so the ring covers all of it.
    const float outer = std::hypot(area.w, area.h) + std::hypot(centre.x - area.x, centre.y - area.y);
    const SDL_Color dim{spotlight.dim.r, spotlight.dim.g, spotlight.dim.b, spotlight.dim.a};
    std::vector<SDL_Vertex> triangles;
    triangles.reserve(circle_segments * 6);
    auto at = [&centre](float radius, int i) {
        const double angle = 2 * std::numbers::pi * i / circle_segments;
        return SDL_FPoint{centre.x + radius * static_cast<float>(std::cos(angle)),
                          centre.y + radius * static_cast<float>(std::sin(angle))};
    };
    for (int i = 0; i < circle_segments; ++i) {
        add_triangle(triangles, at(inner, i), at(outer, i), at(outer, i + 1), dim);
        add_triangle(triangles, at(inner, i), at(outer, i + 1), at(inner, i + 1), dim);
    }
    const SDL_Rect clip{static_cast<int>(area.x), static_cast<int>(area.y),
                        static_cast<int>(std::ceil(area.w)), static_cast<int>(std::ceil(area.h))};
    const bool clipped = SDL_RenderIsClipEnabled(renderer) == SDL_TRUE;
    SDL_Rect before{};
    SDL_RenderGetClipRect(renderer, &before);
    SDL_RenderSetClipRect(renderer, &clip);
    SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_BLEND);
    SDL_RenderGeometry(renderer, nullptr, triangles.data(), static_cast<int>(triangles.size()), nullptr, 0);
    SDL_RenderSetClipRect(renderer, clipped ? &before : nullptr);
}

} // namespace lectern
