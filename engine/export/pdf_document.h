// PdfDocument: slides drawn from the core's display lists into a PDF through Cairo, one slide a page, or
// as a handout: two slides an A4 page, each with its speaker notes beside it. Part of the export adapter
// (engine/export: may use the core and the render layer, never windows, the panel or the network).
//
// Implemented: real text (pdf_text.h); filled and rounded boxes; pictures decoded once by the render
//   layer's PictureDecoder (SVG rasterised at twice the slide's size) and embedded once however often they
//   are used; a placeholder with the alt text for a picture that cannot be shown; the title, author and
//   creator in the document information, and the language as the catalog's /Lang (Cairo 1.16 has no call
//   for it, so it is added as a PDF incremental update when the document is finished).
// Missing: links, the PDF's tagged structure (screen readers get the text, not its reading order
//   beyond the drawing order), vector SVG.
#pragma once

#include "core/base/expected.h"
#include "core/compose/display_list.h"
#include "render/font_catalog.h"

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

struct _cairo;
struct _cairo_surface;

namespace lectern {

class PdfText;

enum class PdfLayout { SlidePerPage, Handout };

struct PdfDetails {
    std::string title;
    std::string author;
    std::string language = "en"; // BCP 47
};

class PdfDocument {
public:
    // A Failure when the file cannot be made, saying why. Pages are `slide_width` x `slide_height`
    // slide units in shape (SlidePerPage) or A4 portrait (Handout).
    static Expected<std::unique_ptr<PdfDocument>> create(const std::filesystem::path& file, PdfLayout layout,
                                                         float slide_width, float slide_height,
                                                         const PdfDetails& details, FontCatalog& catalog);
    ~PdfDocument();
    PdfDocument(const PdfDocument&) = delete;
    PdfDocument& operator=(const PdfDocument&) = delete;

    // One slide: a page of its own, or half a handout page with `notes` (the deck's markup) beside it.
    void add_slide(const DisplayList& list, const std::string& notes);

    // Writes the last page and the language; "" when the whole file was written, otherwise why not.
    Expected<void> finish();

    std::size_t pages() const { return m_pages; }
    // Pictures shown as placeholders, and why.
    const std::map<std::filesystem::path, std::string>& picture_problems() const {
        return m_picture_problems;
    }

private:
    PdfDocument(const std::filesystem::path& file, PdfLayout layout, const PdfDetails& details,
                FontCatalog& catalog);
    void draw_slide(const DisplayList& list);
    void draw_picture(const Picture& picture);
    void draw_notes(const std::string& notes, float x, float y, float width, float height);
    _cairo_surface* picture_surface(const std::filesystem::path& path);

    struct SurfaceCloser {
        void operator()(_cairo_surface* surface) const;
    };
    using SurfaceHandle = std::unique_ptr<_cairo_surface, SurfaceCloser>;

    std::filesystem::path m_file;
    PdfLayout m_layout;
    PdfDetails m_details;
    std::unique_ptr<PdfText> m_text;
    SurfaceHandle m_surface;
    _cairo* m_context = nullptr;
    std::size_t m_slides = 0;
    std::size_t m_pages = 0;
    std::map<std::filesystem::path, SurfaceHandle> m_pictures; // null: could not be shown
    std::map<std::filesystem::path, std::string> m_picture_problems;
};

// Adds /Lang to the catalog of a finished PDF as an incremental update (PDF 1.7, 7.5.6); a Failure says
// what was wrong with the file.
Expected<void> add_pdf_language(const std::filesystem::path& file, const std::string& language);

} // namespace lectern
