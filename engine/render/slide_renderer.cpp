#include "slide_renderer.h"

#include "core/text/text_layout.h"
#include "mark_drawing.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <vector>

namespace lectern {

namespace {

constexpr int corner_segments = 8;

SDL_Color sdl_colour(Colour c) {
    return {c.r, c.g, c.b, c.a};
}

// `alpha` at `opacity` (0 to 1).
Uint8 faded(Uint8 alpha, float opacity) {
    return static_cast<Uint8>(std::lround(static_cast<float>(alpha) * std::clamp(opacity, 0.0f, 1.0f)));
}

Colour faded(Colour colour, float opacity) {
    colour.a = faded(colour.a, opacity);
    return colour;
}

// Draws `texture` at `opacity` (textures are shared by the caches, so their own alpha is put back).
void copy_faded(SDL_Renderer* renderer, SDL_Texture* texture, const SDL_FRect& where, float opacity) {
    if (opacity >= 1.0f) {
        SDL_RenderCopyF(renderer, texture, nullptr, &where);
        return;
    }
    SDL_BlendMode mode = SDL_BLENDMODE_NONE;
    SDL_GetTextureBlendMode(texture, &mode);
    Uint8 alpha = 255;
    SDL_GetTextureAlphaMod(texture, &alpha);
    if (mode == SDL_BLENDMODE_NONE) // an opaque picture: its alpha mod needs blending
        SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND);
    SDL_SetTextureAlphaMod(texture, faded(alpha, opacity));
    SDL_RenderCopyF(renderer, texture, nullptr, &where);
    SDL_SetTextureAlphaMod(texture, alpha);
    SDL_SetTextureBlendMode(texture, mode);
}

// Whether `viewport` is the whole of what `renderer` draws into (the window, or the texture it targets).
bool covers_target(SDL_Renderer* renderer, SDL_Rect viewport) {
    int w = 0;
    int h = 0;
    if (SDL_Texture* target = SDL_GetRenderTarget(renderer))
        SDL_QueryTexture(target, nullptr, nullptr, &w, &h);
    else
        SDL_GetRendererOutputSize(renderer, &w, &h);
    return viewport.x == 0 && viewport.y == 0 && viewport.w == w && viewport.h == h;
}

Colour readable_on(Colour background) {
    const Colour black{0, 0, 0, 255};
    const Colour white{255, 255, 255, 255};
    return contrast_ratio(black, background) >= contrast_ratio(white, background) ? black : white;
}

} // namespace

void fill_rounded_box(SDL_Renderer* renderer, SDL_FRect box, float radius, Colour colour) {
    SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(renderer, colour.r, colour.g, colour.b, colour.a);
    // In whole pixels, so the parts below meet exactly: renderers sample triangles at pixel centres but
    // cut rectangles to whole pixels, and parts that overlapped or left a gap would show as lines through
    // a translucent box.
    const int left = static_cast<int>(std::lround(box.x));
    const int top = static_cast<int>(std::lround(box.y));
    const int w = static_cast<int>(std::lround(box.x + box.w)) - left;
    const int h = static_cast<int>(std::lround(box.y + box.h)) - top;
    if (w <= 0 || h <= 0)
        return;
    const int r = std::min({static_cast<int>(std::lround(radius)), w / 2, h / 2});
    if (r < 1) {
        const SDL_Rect whole{left, top, w, h};
        SDL_RenderFillRect(renderer, &whole);
        return;
    }
    // Up to three rectangles that do not overlap (a column the full height between the corners, and the
    // sides between them), then a fan of triangles for each corner's quarter circle. Rectangles are filled
    // fast by every renderer; triangles are slow in SDL's software renderer (a poll's option box all in
    // triangles took 7 ms at 1920x1080 there), so only the corners are.
    std::vector<SDL_Rect> rects;
    if (w > 2 * r)
        rects.push_back({left + r, top, w - 2 * r, h});
    if (h > 2 * r) {
        rects.push_back({left, top + r, r, h - 2 * r});
        rects.push_back({left + w - r, top + r, r, h - 2 * r});
    }
    SDL_RenderFillRects(renderer, rects.data(), static_cast<int>(rects.size()));
    const SDL_Color c = sdl_colour(colour);
    const auto radius_px = static_cast<float>(r);
    // Each corner's centre, from the bottom right, in the order of the angles (a quarter turn each).
    const std::array<SDL_FPoint, 4> corner_centres{
        {{static_cast<float>(left + w - r), static_cast<float>(top + h - r)},
         {static_cast<float>(left + r), static_cast<float>(top + h - r)},
         {static_cast<float>(left + r), static_cast<float>(top + r)},
         {static_cast<float>(left + w - r), static_cast<float>(top + r)}}};
    std::vector<SDL_Vertex> triangles;
    triangles.reserve(4 * corner_segments * 3);
    for (std::size_t corner = 0; corner < 4; ++corner) {
        const SDL_FPoint centre = corner_centres[corner];
        auto arc_point = [&](int i) {
            const double angle = (static_cast<double>(corner) + static_cast<double>(i) / corner_segments) *
                                 std::numbers::pi / 2;
            return SDL_Vertex{{centre.x + radius_px * static_cast<float>(std::cos(angle)),
                               centre.y + radius_px * static_cast<float>(std::sin(angle))},
                              c,
                              {0, 0}};
        };
        for (int i = 0; i < corner_segments; ++i) {
            triangles.push_back({centre, c, {0, 0}});
            triangles.push_back(arc_point(i));
            triangles.push_back(arc_point(i + 1));
        }
    }
    SDL_RenderGeometry(renderer, nullptr, triangles.data(), static_cast<int>(triangles.size()), nullptr, 0);
}

SlideRenderer::SlideRenderer(SDL_Renderer* renderer, FontCatalog& catalog)
    : m_renderer(renderer), m_measurer(catalog), m_rasteriser(catalog), m_text(renderer, m_rasteriser),
      m_images(renderer) {
}

SDL_FRect SlideRenderer::letterbox(const DisplayList& list, SDL_Rect viewport) {
    const float scale =
        std::min(static_cast<float>(viewport.w) / list.width, static_cast<float>(viewport.h) / list.height);
    const float w = list.width * scale;
    const float h = list.height * scale;
    return {static_cast<float>(viewport.x) + (static_cast<float>(viewport.w) - w) / 2,
            static_cast<float>(viewport.y) + (static_cast<float>(viewport.h) - h) / 2, w, h};
}

bool SlideRenderer::warm(const DisplayList& list, SDL_Rect viewport, std::size_t first, std::size_t end) {
    const float scale = letterbox(list, viewport).w / list.width;
    bool pending = false;
    for (std::size_t i = first; i < std::min(end, list.items.size()); ++i) {
        if (const auto* run = std::get_if<TextRun>(&list.items[i])) {
            m_text.texture_for(run->text, run->style, run->colour, nearest_pixel_size(run->style.px * scale));
        } else if (const auto* picture = std::get_if<Picture>(&list.items[i])) {
            // The size draw_picture asks for.
            const LoadedImage& image = m_images.get(picture->path, static_cast<int>(picture->box.w * scale),
                                                    static_cast<int>(picture->box.h * scale));
            pending = pending || image.loading;
        }
    }
    return pending;
}

void SlideRenderer::reset_textures() {
    m_text.clear();
    m_images.clear();
}

void SlideRenderer::draw(const DisplayList& list, SDL_Rect viewport, const Box* shown, ItemOpacity opacity) {
    SDL_SetRenderDrawBlendMode(m_renderer, SDL_BLENDMODE_NONE);
    m_pictures_pending = false;
    const SDL_FRect slide = letterbox(list, viewport);
    const bool fills_viewport =
        slide.w >= static_cast<float>(viewport.w) - 0.5f && slide.h >= static_cast<float>(viewport.h) - 0.5f;
    SDL_SetRenderDrawColor(m_renderer, list.background.r, list.background.g, list.background.b, 255);
    if (fills_viewport && covers_target(m_renderer, viewport)) {
        // A clear needs no shader: on a software GL (llvmpipe) the first frame compiles one fewer.
        SDL_RenderClear(m_renderer);
    } else {
        if (!fills_viewport) { // black bars where the screen's shape is not the slide's
            SDL_SetRenderDrawColor(m_renderer, 0, 0, 0, 255);
            SDL_RenderFillRect(m_renderer, &viewport);
            SDL_SetRenderDrawColor(m_renderer, list.background.r, list.background.g, list.background.b, 255);
        }
        SDL_RenderFillRectF(m_renderer, &slide);
    }
    m_drawn = {};
    m_counting = true;
    draw_items(list, slide, shown, 0, list.items.size(), opacity);
    m_counting = false;
}

void SlideRenderer::draw_fading_out(const DisplayList& list, SDL_Rect viewport, const Box* shown,
                                    float ground, ItemOpacity opacity) {
    const SDL_FRect slide = letterbox(list, viewport);
    if (ground > 0.0f) {
        SDL_SetRenderDrawBlendMode(m_renderer, SDL_BLENDMODE_BLEND);
        const Colour background = faded(list.background, ground);
        SDL_SetRenderDrawColor(m_renderer, background.r, background.g, background.b, background.a);
        SDL_RenderFillRectF(m_renderer, &slide);
    }
    draw_items(list, slide, shown, 0, list.items.size(), opacity);
}

void SlideRenderer::draw_over(const DisplayList& list, SDL_Rect viewport, const Box* shown, std::size_t first,
                              std::size_t end) {
    draw_items(list, letterbox(list, viewport), shown, first, std::min(end, list.items.size()));
}

void SlideRenderer::draw_items(const DisplayList& list, SDL_FRect slide, const Box* shown, std::size_t first,
                               std::size_t end, ItemOpacity opacity) {
    // Zoomed, the slide is drawn larger and shifted so `shown` fills the slide's place, clipped to it.
    const Box part = shown ? *shown : Box{0, 0, list.width, list.height};
    const float scale = slide.w / part.w;
    const SlideToScreen to_screen{scale, slide.x - part.x * scale, slide.y - part.y * scale};
    const float x0 = to_screen.origin_x;
    const float y0 = to_screen.origin_y;
    if (shown) {
        const SDL_Rect clip{static_cast<int>(slide.x), static_cast<int>(slide.y),
                            static_cast<int>(std::ceil(slide.w)), static_cast<int>(std::ceil(slide.h))};
        SDL_RenderSetClipRect(m_renderer, &clip);
    }
    for (std::size_t i = first; i < end; ++i) {
        const DisplayItem& item = list.items[i];
        const float strength = i < opacity.size() ? opacity[i] : 1.0f;
        if (const auto* run = std::get_if<TextRun>(&item)) {
            draw_text(*run, scale, x0, y0, strength); // even unseen: the next run may start where it ends
        } else if (strength <= 0.0f) {
            continue;
        } else if (const auto* box = std::get_if<FilledBox>(&item)) {
            fill_rounded_box(
                m_renderer,
                {x0 + box->box.x * scale, y0 + box->box.y * scale, box->box.w * scale, box->box.h * scale},
                box->corner_radius * scale, faded(box->colour, strength));
        } else if (const auto* picture = std::get_if<Picture>(&item)) {
            draw_picture(*picture, scale, x0, y0, list.background, strength);
        } else if (const auto* stroke = std::get_if<Stroke>(&item)) {
            // Ink is drawn opaque (mark_drawing.h) and only over a slide, never in a list that fades.
            draw_stroke(m_renderer, *stroke, to_screen);
        } else if (const auto* spotlight = std::get_if<Spotlight>(&item)) {
            Spotlight fading = *spotlight;
            fading.dim = faded(fading.dim, strength);
            draw_spotlight(m_renderer, fading, to_screen, slide);
        }
    }
    if (shown)
        SDL_RenderSetClipRect(m_renderer, nullptr);
}

void SlideRenderer::draw_text(const TextRun& run, float scale, float origin_x, float origin_y,
                              float opacity) {
    const TextTexture text =
        m_text.texture_for(run.text, run.style, run.colour, nearest_pixel_size(run.style.px * scale));
    // Whole pixels: text drawn at fractional positions is resampled and looks soft. A run that follows
    // another on its line starts where that one really ended, since rounding the font size changes widths.
    const int x = run.follows_previous ? m_pen_x : static_cast<int>(std::lround(origin_x + run.x * scale));
    m_pen_x = x + text.width_px;
    if (m_counting && text.texture)
        m_drawn.text +=
            static_cast<std::size_t>(text.width_px) * static_cast<std::size_t>(text.height_px) * 4u;
    if (!text.texture || opacity <= 0.0f)
        return;
    const int y = static_cast<int>(std::lround(origin_y + run.y * scale)) + text.offset_y_px;
    const SDL_FRect where{static_cast<float>(x), static_cast<float>(y), static_cast<float>(text.width_px),
                          static_cast<float>(text.height_px)};
    copy_faded(m_renderer, text.texture, where, opacity);
}

void SlideRenderer::draw_picture(const Picture& picture, float scale, float origin_x, float origin_y,
                                 Colour background, float opacity) {
    const SDL_FRect box{origin_x + picture.box.x * scale, origin_y + picture.box.y * scale,
                        picture.box.w * scale, picture.box.h * scale};
    const auto [box_w, box_h] = picture_box_px(picture.box, scale);
    const LoadedImage& image = m_images.get(picture.path, box_w, box_h);
    if (!image.texture) {
        if (!image.loading)
            m_picture_problems[picture.path.string()] = image.problem;
        m_pictures_pending = m_pictures_pending || image.loading;
        draw_placeholder(picture, image, box, scale, origin_x, origin_y, background, opacity);
        return;
    }
    if (m_counting)
        m_drawn.pictures +=
            static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) * 4u;
    // Keep the picture's shape: the largest size that fits the box, centred in it.
    const float fit =
        std::min(box.w / static_cast<float>(image.width), box.h / static_cast<float>(image.height));
    const float w = static_cast<float>(image.width) * fit;
    const float h = static_cast<float>(image.height) * fit;
    const SDL_FRect where{box.x + (box.w - w) / 2, box.y + (box.h - h) / 2, w, h};
    copy_faded(m_renderer, image.texture, where, opacity);
}

void SlideRenderer::draw_placeholder(const Picture& picture, const LoadedImage& image, SDL_FRect box,
                                     float scale, float origin_x, float origin_y, Colour background,
                                     float opacity) {
    const Colour ink = readable_on(background);
    const Colour frame{ink.r, ink.g, ink.b, 60};
    fill_rounded_box(m_renderer, box, 16 * scale, faded(frame, opacity));
    // The alt text says what should be there, so the slide still makes sense without the picture; the
    // reason (up to its advice, which is in the panel and in `check`) says why it is missing. A picture
    // still being decoded shows only the alt text until it arrives.
    TextBlock block;
    const std::string reason = image.problem.substr(0, image.problem.find("; "));
    block.paragraphs =
        paragraphs_of(image.loading    ? picture.alt
                      : reason.empty() ? "**Picture not available**\n" + picture.alt
                                       : "**Picture not available**\n" + picture.alt + "\n(" + reason + ")");
    block.box = {picture.box.x + 24, picture.box.y + 24, picture.box.w - 48, picture.box.h - 48};
    block.base = {FontRole::Body, false, false, 48};
    block.legible_px = 20;
    block.align = TextAlign::Centre;
    block.vertical = VerticalAlign::Middle;
    block.colour = ink;
    const FittedText fitted = fit_text(block, m_measurer);
    for (const TextRun& run : fitted.runs)
        draw_text(run, scale, origin_x, origin_y, opacity);
}

} // namespace lectern
