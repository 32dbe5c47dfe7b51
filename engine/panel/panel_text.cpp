#include "panel_text.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <sstream>

namespace lectern {

namespace {

constexpr std::size_t max_layouts = 256;
// Tall scripts (Nastaliq, Tibetan) reach above and below their line box: a line is worth rasterising when
// any of this much around it is visible.
constexpr float visible_margin_em = 1.0f;

Colour colour_of(ImVec4 colour) {
    const auto channel = [](float value) {
        return static_cast<std::uint8_t>(std::lround(std::clamp(value, 0.0f, 1.0f) * 255.0f));
    };
    return {channel(colour.x), channel(colour.y), channel(colour.z), channel(colour.w)};
}

std::vector<Paragraph> note_paragraphs(std::string_view text) {
    std::vector<Paragraph> paragraphs;
    std::istringstream lines{std::string(text)};
    for (std::string line; std::getline(lines, line);) {
        if (line.find_first_not_of(' ') == std::string::npos)
            continue; // the gap between paragraphs already separates them
        Paragraph paragraph;
        paragraph.bulleted = line.starts_with("- ");
        paragraph.spans = parse_inline_markup(paragraph.bulleted ? std::string_view(line).substr(2) : line);
        paragraphs.push_back(std::move(paragraph));
    }
    return paragraphs;
}

} // namespace

std::size_t PanelText::LayoutKeyHash::operator()(const LayoutKey& key) const {
    const std::size_t text_hash = std::hash<std::string>{}(key.text);
    const std::size_t rest =
        (static_cast<std::size_t>(key.px_tenths) << 20) ^ static_cast<std::size_t>(key.width_px);
    return text_hash ^ (rest + 0x9e3779b97f4a7c15ull + (text_hash << 6) + (text_hash >> 2));
}

PanelText::PanelText(SDL_Renderer* renderer, FontCatalog& catalog)
    : m_measurer(catalog), m_rasteriser(catalog), m_cache(renderer, m_rasteriser, texture_budget_bytes),
      m_layouts(max_layouts) {
}

float PanelText::line_height(float px) {
    return std::ceil(m_measurer.line_height({FontRole::Body, false, false, px}));
}

void PanelText::notes(std::string_view text, float px, ImVec4 colour) {
    const std::string source(text);
    draw_fitted(layout("notes\n" + source, note_paragraphs(text), px, ImGui::GetContentRegionAvail().x), px,
                colour);
}

void PanelText::wrapped(std::string_view utf8, float px, ImVec4 colour) {
    std::vector<Paragraph> paragraphs;
    std::istringstream lines{std::string(utf8)};
    for (std::string line; std::getline(lines, line);)
        paragraphs.push_back({.spans = {{line, false, false}}}); // as typed: no markup
    draw_fitted(layout("text\n" + std::string(utf8), paragraphs, px, ImGui::GetContentRegionAvail().x), px,
                colour);
}

void PanelText::line(std::string_view utf8, float px, ImVec4 colour) {
    const int width = line_at(utf8, ImGui::GetCursorScreenPos(), px, colour);
    ImGui::Dummy({static_cast<float>(std::max(1, width)), line_height(px)});
}

int PanelText::line_at(std::string_view utf8, ImVec2 where, float px, ImVec4 colour) {
    if (!ImGui::IsRectVisible(where, {where.x + 1, where.y + line_height(px)}))
        return 0;
    return draw_run(std::string(utf8), {FontRole::Body, false, false, px}, colour_of(colour),
                    static_cast<int>(std::lround(where.x)), static_cast<int>(std::lround(where.y)));
}

const FittedText& PanelText::layout(const std::string& source, const std::vector<Paragraph>& paragraphs,
                                    float px, float width_px) {
    LayoutKey key{source, static_cast<int>(std::lround(px * 10)), static_cast<int>(std::floor(width_px))};
    if (const FittedText* known = m_layouts.find(key))
        return *known;
    TextBlock block;
    block.paragraphs = paragraphs;
    block.box = {0, 0, static_cast<float>(key.width_px), 1e6f};
    block.base = {FontRole::Body, false, false, px};
    block.legible_px = 0;
    return m_layouts.insert(key, set_text(block, px, m_measurer));
}

void PanelText::draw_fitted(const FittedText& fitted, float px, ImVec4 colour) {
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const Colour ink = colour_of(colour);
    const float margin = visible_margin_em * px;
    const float width = ImGui::GetContentRegionAvail().x;
    int pen_x = 0;
    for (const TextRun& run : fitted.runs) {
        const float top = origin.y + run.y;
        if (!ImGui::IsRectVisible({origin.x, top - margin}, {origin.x + width, top + px + margin})) {
            pen_x = 0; // a run that follows it is on the same hidden line
            continue;
        }
        const int x =
            run.follows_previous && pen_x != 0 ? pen_x : static_cast<int>(std::lround(origin.x + run.x));
        // Bullets too in the text's colour: the panel has no theme.
        pen_x = x + draw_run(run.text, run.style, ink, x, static_cast<int>(std::lround(top)));
    }
    ImGui::Dummy({std::max(1.0f, width), std::max(1.0f, std::ceil(fitted.height))});
}

int PanelText::draw_run(const std::string& text, const TextStyle& style, Colour colour, int x, int y) {
    const int pixel_size = nearest_pixel_size(style.px);
    const TextTexture drawn = m_cache.texture_for(text, style, colour, pixel_size);
    if (!drawn.texture)
        return drawn.width_px;
    const SDL_Rect where{x, y + drawn.offset_y_px, drawn.width_px, drawn.height_px};
    ImGui::GetWindowDrawList()->AddImage(
        reinterpret_cast<ImTextureID>(drawn.texture),
        {static_cast<float>(where.x), static_cast<float>(where.y)},
        {static_cast<float>(where.x + where.w), static_cast<float>(where.y + where.h)});
    m_drawn.push_back({text, where, pixel_size, style.bold});
    return drawn.width_px;
}

} // namespace lectern
