// PdfText: sets text on a Cairo context as real text: each run split by the render layer's FontRuns
// (the same font choice and fallback as the screen), shaped with HarfBuzz, and shown with
// cairo_show_text_glyphs so the PDF keeps which characters each glyph stands for (text can be selected,
// searched and copied, and reads in logical order even when it is drawn right to left). Part of the export
// adapter: depends on Cairo, HarfBuzz, fontconfig and the render layer's FontCatalog.
//
// Implemented: font fallback per character, bidi runs in visual order, synthetic bold and slant for
//   families without them, runs that follow the previous one on a line.
// Missing: language-specific glyph forms (as on screen); hinting (the PDF is vector).
#pragma once

#include "core/compose/display_list.h"
#include "render/font_catalog.h"

#include <memory>
#include <string_view>
#include <unordered_map>

struct _cairo;
struct _cairo_font_face;
struct hb_font_t;

namespace lectern {

class PdfText {
public:
    explicit PdfText(FontCatalog& catalog);
    ~PdfText();
    PdfText(const PdfText&) = delete;
    PdfText& operator=(const PdfText&) = delete;

    // Draws `run` in the context's current user space (slide units); returns where it ends.
    float draw(_cairo* context, const TextRun& run);
    // Draws plain `text` with its top-left at (x, y); returns the x where it ends.
    float draw(_cairo* context, std::string_view text, float x, float y, const TextStyle& style,
               const Colour& colour);
    // How wide `text` is in `style`.
    float width(std::string_view text, const TextStyle& style);
    // The ascent plus descent of `style`'s primary face: the height of one line.
    float line_height(const TextStyle& style);

private:
    struct Face;
    Face* face(FaceId id);
    float set(_cairo* context, std::string_view text, float x, float y, const TextStyle& style, bool draw);

    FontCatalog& m_catalog;
    std::unordered_map<FaceId, std::unique_ptr<Face>> m_faces;
    float m_last_end = 0;
};

} // namespace lectern
