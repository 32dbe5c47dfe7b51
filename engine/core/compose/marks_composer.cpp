#include "marks_composer.h"

#include "composer.h"
#include "core/text/text_layout.h"

#include <algorithm>
#include <cmath>

namespace lectern {

namespace {

constexpr float countdown_w = 420;
constexpr float countdown_h = 170;
constexpr float countdown_margin = 36;
constexpr double graphics_contrast = 3.0;

float overlap(const Box& a, const Box& b) {
    const float w = std::min(a.x + a.w, b.x + b.w) - std::max(a.x, b.x);
    const float h = std::min(a.y + a.h, b.y + b.h) - std::max(a.y, b.y);
    return w > 0 && h > 0 ? w * h : 0;
}

// Where text and pictures are on the slide.
std::vector<Box> occupied(const DisplayList& slide, TextMeasurer& measurer) {
    std::vector<Box> boxes;
    for (const DisplayItem& item : slide.items) {
        if (const auto* run = std::get_if<TextRun>(&item))
            boxes.push_back(
                {run->x, run->y, measurer.width_of(run->text, run->style), measurer.line_height(run->style)});
        else if (const auto* picture = std::get_if<Picture>(&item))
            boxes.push_back(picture->box);
    }
    return boxes;
}

Point point_of(const InkPoint& point) {
    return {static_cast<float>(point.x), static_cast<float>(point.y)};
}

// A mouse reports where it is a few dozen times a second, so a quick curve arrives as a few corners.
// A Catmull-Rom spline through the kept points draws it as the curve it was: between two points far
// enough apart, points of the spline at quarters of the way.
std::vector<Point> smoothed(const std::vector<InkPoint>& points) {
    std::vector<Point> out;
    out.reserve(points.size() * 4);
    for (std::size_t i = 0; i < points.size(); ++i) {
        const Point p1 = point_of(points[i]);
        out.push_back(p1);
        if (i + 1 == points.size())
            break;
        const Point p2 = point_of(points[i + 1]);
        if (std::hypot(p2.x - p1.x, p2.y - p1.y) < 12)
            continue; // close together: straight is smooth enough
        const Point p0 = i > 0 ? point_of(points[i - 1]) : p1;
        const Point p3 = i + 2 < points.size() ? point_of(points[i + 2]) : p2;
        for (const float t : {0.25f, 0.5f, 0.75f}) {
            const float t2 = t * t;
            const float t3 = t2 * t;
            auto along = [&](float a, float b, float c, float d) {
                return 0.5f * (2 * b + (-a + c) * t + (2 * a - 5 * b + 4 * c - d) * t2 +
                               (-a + 3 * b - 3 * c + d) * t3);
            };
            out.push_back({along(p0.x, p1.x, p2.x, p3.x), along(p0.y, p1.y, p2.y, p3.y)});
        }
    }
    return out;
}

void add_pointer(Point at, DisplayList& overlay) {
    const float rim = pointer_radius + 5;
    overlay.items.emplace_back(
        FilledBox{{at.x - rim, at.y - rim, 2 * rim, 2 * rim}, {255, 255, 255, 230}, rim});
    overlay.items.emplace_back(
        FilledBox{{at.x - pointer_radius, at.y - pointer_radius, 2 * pointer_radius, 2 * pointer_radius},
                  {235, 45, 45, 215},
                  pointer_radius});
}

} // namespace

void compose_countdown(const Countdown& countdown, Box corner, const Theme& theme, TextMeasurer& measurer,
                       std::uint64_t now_ms, DisplayList& overlay) {
    // A gentle pulse at zero: the box grows by up to an eighth and takes the accent colour.
    const float grow = static_cast<float>(countdown.pulse(now_ms)) * 0.125f;
    const Box box{corner.x - corner.w * grow / 2, corner.y - corner.h * grow / 2, corner.w * (1 + grow),
                  corner.h * (1 + grow)};
    const CountdownPhase phase = countdown.phase(now_ms);
    const bool ended = phase == CountdownPhase::Pulsing || phase == CountdownPhase::TimesUp;
    const Colour back =
        ended ? Colour{theme.accent.r, theme.accent.g, theme.accent.b, 235} : Colour{0, 0, 0, 200};
    overlay.items.emplace_back(FilledBox{box, back, 24});
    TextBlock block;
    block.paragraphs = paragraphs_of(countdown.text(now_ms));
    block.box = {box.x + 20, box.y + 10, box.w - 40, box.h - 20};
    block.base = {FontRole::Heading, true, false, 120 * (1 + grow)};
    block.legible_px = 20;
    block.align = TextAlign::Centre;
    block.vertical = VerticalAlign::Middle;
    // Paused, the clock greys: it is plain from the back that time stands still.
    block.colour = ended                             ? composing::readable_on(back)
                   : phase == CountdownPhase::Paused ? Colour{170, 170, 170, 255}
                                                     : Colour{255, 255, 255, 255};
    for (TextRun& run : fit_text(block, measurer).runs)
        overlay.items.emplace_back(std::move(run));
}

std::array<Colour, ink_colours> ink_palette(const Theme& theme) {
    std::array<Colour, ink_colours> palette{};
    std::size_t count = 0;
    auto offer = [&](Colour colour) {
        colour.a = 255;
        if (count == palette.size() || contrast_ratio(colour, theme.background) < graphics_contrast)
            return;
        for (std::size_t i = 0; i < count; ++i) {
            if (palette[i] == colour)
                return;
        }
        palette[count++] = colour;
    };
    offer(theme.accent);
    for (const Colour& colour : theme.chart)
        offer(colour);
    offer(theme.heading);
    offer(composing::readable_on(theme.background));
    offer(Colour{220, 30, 30, 255});
    offer(Colour{0, 90, 200, 255});
    offer(Colour{255, 200, 0, 255});
    const Colour fallback = composing::readable_on(theme.background);
    for (; count < palette.size(); ++count)
        palette[count] = fallback;
    return palette;
}

Box countdown_corner(const DisplayList& slide, TextMeasurer& measurer) {
    const float right = slide.width - countdown_w - countdown_margin;
    const float bottom = slide.height - countdown_h - countdown_margin;
    const std::array<Box, 4> corners{{{right, countdown_margin, countdown_w, countdown_h},
                                      {right, bottom, countdown_w, countdown_h},
                                      {countdown_margin, bottom, countdown_w, countdown_h},
                                      {countdown_margin, countdown_margin, countdown_w, countdown_h}}};
    const std::vector<Box> taken = occupied(slide, measurer);
    Box best = corners.front();
    float least = -1;
    for (const Box& corner : corners) {
        float covered = 0;
        for (const Box& box : taken)
            covered += overlap(corner, box);
        if (covered == 0)
            return corner;
        if (least < 0 || covered < least) {
            least = covered;
            best = corner;
        }
    }
    return best;
}

DisplayList compose_ink(const std::vector<InkStroke>& strokes, const DisplayList& slide, const Theme& theme) {
    DisplayList ink;
    ink.width = slide.width;
    ink.height = slide.height;
    const std::array<Colour, ink_colours> palette = ink_palette(theme);
    for (const InkStroke& stroke : strokes) {
        Stroke line;
        line.width = slide.height * ink_width_share;
        line.colour = palette[stroke.colour % palette.size()];
        line.points = smoothed(stroke.points);
        ink.items.emplace_back(std::move(line));
    }
    return ink;
}

std::optional<DisplayList> compose_marks(const SlideMarks& marks, const DisplayList& slide,
                                         const Theme& theme) {
    if (marks.ink().strokes(marks.place()).empty() && marks.mode() != MarkMode::Spotlight &&
        !marks.pointer_shown())
        return std::nullopt;
    DisplayList overlay = compose_ink(marks.ink().strokes(marks.place()), slide, theme);
    const Point at{static_cast<float>(marks.pointer().x), static_cast<float>(marks.pointer().y)};
    if (marks.mode() == MarkMode::Spotlight)
        overlay.items.emplace_back(
            Spotlight{at, static_cast<float>(marks.spotlight_radius()), {0, 0, 0, spotlight_dim_alpha}});
    if (marks.pointer_shown())
        add_pointer(at, overlay);
    return overlay;
}

std::size_t settled_ink_items(const SlideMarks& marks) {
    const std::size_t strokes = marks.ink().strokes(marks.place()).size();
    return marks.ink().drawing() && strokes > 0 ? strokes - 1 : strokes;
}

Box zoom_window(Point at, float factor, float slide_w, float slide_h) {
    const float w = slide_w / std::max(factor, 1.0f);
    const float h = slide_h / std::max(factor, 1.0f);
    return {std::clamp(at.x - w / 2, 0.0f, slide_w - w), std::clamp(at.y - h / 2, 0.0f, slide_h - h), w, h};
}

} // namespace lectern
