#include "sdl_text_measurer.h"

#include "core/text/utf8.h"
#include "font_runs.h"

#include <bit>
#include <functional>

namespace lectern {

namespace {

// Used only when no font can be found, so that layout still places something.
constexpr float estimated_advance_em = 0.55f;
constexpr float estimated_line_height_em = 1.2f;

std::uint32_t style_bits_of(const TextStyle& style) {
    return (style.role == FontRole::Heading ? 4u : 0u) | (style.bold ? 2u : 0u) | (style.italic ? 1u : 0u);
}

} // namespace

std::size_t SdlTextMeasurer::MemoKeyHash::operator()(const MemoKey& key) const {
    const std::size_t text_hash = std::hash<std::string>{}(key.text);
    const std::size_t style_hash = (std::size_t{key.px_bits} << 3) ^ key.style_bits;
    return text_hash ^ (style_hash + 0x9e3779b97f4a7c15ull + (text_hash << 6) + (text_hash >> 2));
}

SdlTextMeasurer::SdlTextMeasurer(FontCatalog& catalog, std::size_t memo_entries)
    : m_catalog(catalog), m_memo(memo_entries) {
}

float SdlTextMeasurer::width_of(std::string_view utf8, const TextStyle& style) {
    if (utf8.empty() || !(style.px > 0)) {
        return 0;
    }
    MemoKey key{std::string(utf8), style_bits_of(style), std::bit_cast<std::uint32_t>(style.px)};
    if (const float* known = m_memo.find(key)) {
        ++m_memo_hits;
        return *known;
    }
    ++m_memo_misses;
    const float width = measure(utf8, style);
    m_memo.insert(std::move(key), width);
    return width;
}

float SdlTextMeasurer::line_height(const TextStyle& style) {
    if (!(style.px > 0)) {
        return 0;
    }
    const int pixel_size = nearest_pixel_size(style.px);
    const std::optional<LineMetrics> metrics = m_catalog.line_metrics(style, pixel_size);
    if (!metrics) {
        return estimated_line_height_em * style.px;
    }
    return static_cast<float>(metrics->line_skip) * style.px / static_cast<float>(pixel_size);
}

float SdlTextMeasurer::measure(std::string_view utf8, const TextStyle& style) {
    const int pixel_size = nearest_pixel_size(style.px);
    const FontRunList runs = split_into_font_runs(utf8, style, pixel_size, m_catalog);
    if (runs.runs.empty()) {
        return estimated_advance_em * style.px * static_cast<float>(decode_utf8(utf8).size());
    }
    int width_px = 0;
    for (const FontRun& run : runs.runs) {
        TTF_Font* font = m_catalog.font(run.face, pixel_size);
        if (font == nullptr) {
            width_px += static_cast<int>(estimated_advance_em * static_cast<float>(pixel_size) *
                                         static_cast<float>(decode_utf8(run.text).size()));
            continue;
        }
        prepare_font_for_run(font, run);
        int run_width = 0;
        int run_height = 0;
        if (TTF_SizeUTF8(font, run.text.c_str(), &run_width, &run_height) == 0) {
            width_px += run_width;
        }
    }
    return static_cast<float>(width_px) * style.px / static_cast<float>(pixel_size);
}

} // namespace lectern
