#include "pdf_text.h"

#include "core/text/unicode_script.h"
#include "render/font_runs.h"

#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <cairo-ft.h>
#include <cairo.h>
#include <hb.h>
#include <vector>

namespace lectern {

// One font file as both HarfBuzz (to shape) and Cairo (to draw) see it.
struct PdfText::Face {
    hb_font_t* shaper = nullptr;
    cairo_font_face_t* drawer = nullptr;
    float units_per_em = 1000;
    float ascent = 0; // in font units
    float descent = 0;

    ~Face() {
        hb_font_destroy(shaper);
        cairo_font_face_destroy(drawer);
    }
};

PdfText::PdfText(FontCatalog& catalog) : m_catalog(catalog) {
}

PdfText::~PdfText() = default;

PdfText::Face* PdfText::face(FaceId id) {
    auto& slot = m_faces[id];
    if (slot)
        return slot.get();
    const FontFace& file = m_catalog.face(id);
    slot = std::make_unique<Face>();
    hb_blob_t* blob = hb_blob_create_from_file(file.file.c_str());
    hb_face_t* hb_face = hb_face_create(blob, static_cast<unsigned>(file.index));
    hb_blob_destroy(blob);
    slot->units_per_em = static_cast<float>(hb_face_get_upem(hb_face));
    slot->shaper = hb_font_create(hb_face);
    hb_face_destroy(hb_face);
    hb_font_extents_t extents{};
    hb_font_get_h_extents(slot->shaper, &extents);
    slot->ascent = static_cast<float>(extents.ascender);
    slot->descent = static_cast<float>(-extents.descender);

    FcPattern* pattern = FcPatternCreate();
    FcPatternAddString(pattern, FC_FILE, reinterpret_cast<const FcChar8*>(file.file.c_str()));
    FcPatternAddInteger(pattern, FC_INDEX, static_cast<int>(file.index));
    slot->drawer = cairo_ft_font_face_create_for_pattern(pattern);
    FcPatternDestroy(pattern);
    unsigned synthesize = 0;
    if (file.synthetic_bold)
        synthesize |= CAIRO_FT_SYNTHESIZE_BOLD;
    if (file.synthetic_italic)
        synthesize |= CAIRO_FT_SYNTHESIZE_OBLIQUE;
    if (synthesize != 0)
        cairo_ft_font_face_set_synthesize(slot->drawer, synthesize);
    return slot.get();
}

float PdfText::line_height(const TextStyle& style) {
    const std::optional<FaceId> primary = m_catalog.primary_face(style);
    if (!primary)
        return style.px;
    const Face* f = face(*primary);
    return (f->ascent + f->descent) * style.px / f->units_per_em;
}

float PdfText::width(std::string_view text, const TextStyle& style) {
    return set(nullptr, text, 0, 0, style, false);
}

float PdfText::draw(cairo_t* context, const TextRun& run) {
    const float x = run.follows_previous ? m_last_end : run.x;
    cairo_set_source_rgba(context, run.colour.r / 255.0, run.colour.g / 255.0, run.colour.b / 255.0,
                          run.colour.a / 255.0);
    m_last_end = set(context, run.text, x, run.y, run.style, true);
    return m_last_end;
}

float PdfText::draw(cairo_t* context, std::string_view text, float x, float y, const TextStyle& style,
                    const Colour& colour) {
    cairo_set_source_rgba(context, colour.r / 255.0, colour.g / 255.0, colour.b / 255.0, colour.a / 255.0);
    return set(context, text, x, y, style, true);
}

// Shapes each font run and, when `draw`, shows it with the clusters that tie its glyphs to its bytes.
float PdfText::set(cairo_t* context, std::string_view text, float x, float y, const TextStyle& style,
                   bool draw) {
    const FontRunList list = split_into_font_runs(text, style, nearest_pixel_size(style.px), m_catalog);
    const std::optional<FaceId> primary = m_catalog.primary_face(style);
    if (!primary || list.runs.empty())
        return x;
    const Face* line_face = face(*primary);
    const double baseline = y + line_face->ascent * style.px / line_face->units_per_em;
    double pen = x;
    hb_buffer_t* buffer = hb_buffer_create();
    for (const std::size_t index : list.visual_order) {
        const FontRun& run = list.runs[index];
        Face* f = face(run.face);
        const double scale = style.px / f->units_per_em;
        const bool rtl = run.direction == TextDirection::RightToLeft;
        hb_buffer_reset(buffer);
        hb_buffer_add_utf8(buffer, run.text.data(), static_cast<int>(run.text.size()), 0,
                           static_cast<int>(run.text.size()));
        hb_buffer_set_direction(buffer, rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
        hb_buffer_set_script(buffer, static_cast<hb_script_t>(run.script.packed()));
        hb_buffer_guess_segment_properties(buffer);
        hb_shape(f->shaper, buffer, nullptr, 0);
        unsigned count = 0;
        const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer, &count);
        const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer, &count);
        std::vector<cairo_glyph_t> glyphs(count);
        std::vector<cairo_text_cluster_t> clusters;
        std::vector<unsigned> starts; // each cluster's first byte in run.text
        for (unsigned i = 0; i < count; ++i) {
            glyphs[i] = {infos[i].codepoint, pen + positions[i].x_offset * scale,
                         baseline - positions[i].y_offset * scale};
            pen += positions[i].x_advance * scale;
            if (i == 0 || infos[i].cluster != infos[i - 1].cluster) {
                clusters.push_back({0, 0});
                starts.push_back(infos[i].cluster);
            }
            ++clusters.back().num_glyphs;
        }
        // A cluster's bytes run to the start of the next cluster in text order, which is the one after it
        // in glyph order, or before it when the run is right to left.
        for (std::size_t c = 0; c < clusters.size(); ++c) {
            const std::size_t next = rtl ? c - 1 : c + 1; // wraps past the end when there is none
            const unsigned end =
                next < clusters.size() ? starts[next] : static_cast<unsigned>(run.text.size());
            clusters[c].num_bytes = static_cast<int>(end - starts[c]);
        }
        // With the backward flag Cairo reads the clusters in text order, taking glyphs from the end.
        if (rtl)
            std::reverse(clusters.begin(), clusters.end());
        if (draw && count > 0) {
            cairo_set_font_face(context, f->drawer);
            cairo_set_font_size(context, style.px);
            // Clusters that do not cover the text would put the whole context in an error state and lose
            // every later page; such a run is drawn without them (it still shows, it just does not copy).
            int bytes = 0;
            for (const cairo_text_cluster_t& cluster : clusters)
                bytes += cluster.num_bytes;
            if (bytes != static_cast<int>(run.text.size())) {
                cairo_show_glyphs(context, glyphs.data(), static_cast<int>(count));
                continue;
            }
            cairo_show_text_glyphs(context, run.text.data(), static_cast<int>(run.text.size()), glyphs.data(),
                                   static_cast<int>(count), clusters.data(),
                                   static_cast<int>(clusters.size()),
                                   rtl ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : cairo_text_cluster_flags_t{});
        }
    }
    hb_buffer_destroy(buffer);
    return static_cast<float>(pen);
}

} // namespace lectern
