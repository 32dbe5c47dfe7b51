#include "pdf_document.h"

#include "core/base/concat.h"
#include "core/text/inline_markup.h"
#include "pdf_text.h"
#include "render/picture_decoder.h"

#include <SDL.h>

#include <algorithm>
#include <cairo-pdf.h>
#include <cairo.h>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace lectern {

namespace {

constexpr double points_per_unit = 0.5; // a 1920-unit slide is a 960 x 540 pt page (13.3 x 7.5 in)
constexpr double a4_width = 595.28, a4_height = 841.89, margin = 40, gap = 16;
constexpr double handout_slide_width = 300; // points; the notes take the rest of the width
constexpr float notes_px = 9, smallest_notes_px = 6;
constexpr Colour notes_colour{40, 40, 40, 255};
constexpr Colour label_colour{110, 110, 110, 255};

void set_colour(cairo_t* context, const Colour& colour) {
    cairo_set_source_rgba(context, colour.r / 255.0, colour.g / 255.0, colour.b / 255.0, colour.a / 255.0);
}

void rounded_box(cairo_t* context, const Box& box, float radius) {
    const double r = std::min<double>(radius, std::min(box.w, box.h) / 2);
    if (r <= 0) {
        cairo_rectangle(context, box.x, box.y, box.w, box.h);
        return;
    }
    constexpr double quarter = 1.5707963267948966;
    cairo_new_sub_path(context);
    cairo_arc(context, box.x + box.w - r, box.y + r, r, -quarter, 0);
    cairo_arc(context, box.x + box.w - r, box.y + box.h - r, r, 0, quarter);
    cairo_arc(context, box.x + r, box.y + box.h - r, r, quarter, 2 * quarter);
    cairo_arc(context, box.x + r, box.y + r, r, 2 * quarter, 3 * quarter);
    cairo_close_path(context);
}

// Pixels SDL decoded, as a Cairo image (premultiplied ARGB in native byte order, as SDL's ARGB8888 is).
cairo_surface_t* cairo_image_of(SDL_Surface* decoded) {
    SDL_Surface* argb = SDL_ConvertSurfaceFormat(decoded, SDL_PIXELFORMAT_ARGB8888, 0);
    if (!argb)
        return nullptr;
    cairo_surface_t* image = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, argb->w, argb->h);
    unsigned char* target = cairo_image_surface_get_data(image);
    const int stride = cairo_image_surface_get_stride(image);
    for (int y = 0; y < argb->h; ++y) {
        const auto* from = reinterpret_cast<const std::uint32_t*>(
            static_cast<const unsigned char*>(argb->pixels) + y * argb->pitch);
        auto* to = reinterpret_cast<std::uint32_t*>(target + y * stride);
        for (int x = 0; x < argb->w; ++x) {
            const std::uint32_t pixel = from[x];
            const std::uint32_t alpha = pixel >> 24;
            const auto premultiply = [alpha](std::uint32_t channel) {
                return (channel * alpha + 127) / 255;
            };
            to[x] = (alpha << 24) | (premultiply((pixel >> 16) & 0xff) << 16) |
                    (premultiply((pixel >> 8) & 0xff) << 8) | premultiply(pixel & 0xff);
        }
    }
    SDL_FreeSurface(argb);
    cairo_surface_mark_dirty(image);
    return image;
}

// The notes as lines of plain text: markup removed, list items with a bullet, paragraphs apart.
std::vector<std::string> note_paragraphs(const std::string& notes) {
    std::vector<std::string> paragraphs;
    std::istringstream lines(notes);
    for (std::string line; std::getline(lines, line);) {
        if (line.starts_with("- "))
            line = "\u2022 " + line.substr(2);
        paragraphs.push_back(plain_text_of(line));
    }
    while (!paragraphs.empty() && paragraphs.back().find_first_not_of(' ') == std::string::npos)
        paragraphs.pop_back();
    return paragraphs;
}

} // namespace

void PdfDocument::SurfaceCloser::operator()(cairo_surface_t* surface) const {
    cairo_surface_destroy(surface);
}

PdfDocument::PdfDocument(const std::filesystem::path& file, PdfLayout layout, const PdfDetails& details,
                         FontCatalog& catalog)
    : m_file(file), m_layout(layout), m_details(details), m_text(std::make_unique<PdfText>(catalog)) {
}

PdfDocument::~PdfDocument() {
    if (m_context)
        cairo_destroy(m_context);
}

Expected<std::unique_ptr<PdfDocument>> PdfDocument::create(const std::filesystem::path& file,
                                                           PdfLayout layout, float slide_width,
                                                           float slide_height, const PdfDetails& details,
                                                           FontCatalog& catalog) {
    const bool handout = layout == PdfLayout::Handout;
    const double width = handout ? a4_width : slide_width * points_per_unit;
    const double height = handout ? a4_height : slide_height * points_per_unit;
    std::unique_ptr<PdfDocument> document(new PdfDocument(file, layout, details, catalog));
    document->m_surface.reset(cairo_pdf_surface_create(file.c_str(), width, height));
    if (cairo_surface_status(document->m_surface.get()) != CAIRO_STATUS_SUCCESS)
        return Failure{concat("cannot write ", file.string(), ": ",
                              cairo_status_to_string(cairo_surface_status(document->m_surface.get())))};
    cairo_pdf_surface_set_metadata(document->m_surface.get(), CAIRO_PDF_METADATA_TITLE,
                                   details.title.c_str());
    if (!details.author.empty())
        cairo_pdf_surface_set_metadata(document->m_surface.get(), CAIRO_PDF_METADATA_AUTHOR,
                                       details.author.c_str());
    cairo_pdf_surface_set_metadata(document->m_surface.get(), CAIRO_PDF_METADATA_CREATOR, "Lectern");
    document->m_context = cairo_create(document->m_surface.get());
    return document;
}

void PdfDocument::add_slide(const DisplayList& list, const std::string& notes) {
    cairo_t* context = m_context;
    if (m_layout == PdfLayout::SlidePerPage) {
        cairo_save(context);
        cairo_scale(context, points_per_unit, points_per_unit);
        draw_slide(list);
        cairo_restore(context);
        cairo_show_page(context);
        ++m_pages;
        ++m_slides;
        return;
    }
    const std::size_t slot = m_slides % 2;
    const double slot_height = (a4_height - 2 * margin - gap) / 2;
    const double top = margin + static_cast<double>(slot) * (slot_height + gap);
    const double scale = handout_slide_width / list.width;
    const double slide_height = list.height * scale;
    const TextStyle label{FontRole::Body, false, false, notes_px};
    m_text->draw(context, concat("Slide ", m_slides + 1), static_cast<float>(margin), static_cast<float>(top),
                 label, label_colour);
    const double slide_top = top + m_text->line_height(label) + 4;
    cairo_save(context);
    cairo_translate(context, margin, slide_top);
    cairo_scale(context, scale, scale);
    draw_slide(list);
    cairo_restore(context);
    cairo_set_source_rgb(context, 0.6, 0.6, 0.6);
    cairo_set_line_width(context, 0.5);
    cairo_rectangle(context, margin, slide_top, handout_slide_width, slide_height);
    cairo_stroke(context);
    const double notes_x = margin + handout_slide_width + gap;
    draw_notes(notes, static_cast<float>(notes_x), static_cast<float>(slide_top),
               static_cast<float>(a4_width - margin - notes_x),
               static_cast<float>(top + slot_height - slide_top));
    ++m_slides;
    if (slot == 1) {
        cairo_show_page(context);
        ++m_pages;
    }
}

void PdfDocument::draw_slide(const DisplayList& list) {
    cairo_t* context = m_context;
    cairo_save(context);
    cairo_rectangle(context, 0, 0, list.width, list.height);
    cairo_clip(context);
    set_colour(context, list.background);
    cairo_paint(context);
    for (const DisplayItem& item : list.items) {
        if (const auto* box = std::get_if<FilledBox>(&item)) {
            set_colour(context, box->colour);
            rounded_box(context, box->box, box->corner_radius);
            cairo_fill(context);
        } else if (const auto* run = std::get_if<TextRun>(&item)) {
            m_text->draw(context, *run);
        } else if (const auto* picture = std::get_if<Picture>(&item)) {
            draw_picture(*picture);
        }
    }
    cairo_restore(context);
}

cairo_surface_t* PdfDocument::picture_surface(const std::filesystem::path& path) {
    const auto found = m_pictures.find(path);
    if (found != m_pictures.end())
        return found->second.get();
    DecodedPicture decoded = decode_picture(path, 1920, 1080);
    SurfaceHandle surface(decoded.surface ? cairo_image_of(decoded.surface.get()) : nullptr);
    if (!surface)
        m_picture_problems[path] = decoded.problem.empty() ? "it could not be converted" : decoded.problem;
    return m_pictures.emplace(path, std::move(surface)).first->second.get();
}

void PdfDocument::draw_picture(const Picture& picture) {
    cairo_t* context = m_context;
    const Box& box = picture.box;
    cairo_surface_t* surface = picture_surface(picture.path);
    if (!surface) { // the placeholder the screen shows: a box with the alt text
        cairo_set_source_rgb(context, 0.5, 0.5, 0.5);
        cairo_set_line_width(context, 3);
        cairo_rectangle(context, box.x, box.y, box.w, box.h);
        cairo_stroke(context);
        m_text->draw(context, picture.alt, box.x + 16, box.y + 16, TextStyle{FontRole::Body, false, true, 28},
                     Colour{90, 90, 90, 255});
        return;
    }
    const double width = cairo_image_surface_get_width(surface);
    const double height = cairo_image_surface_get_height(surface);
    const double scale = std::min(box.w / width, box.h / height);
    cairo_save(context);
    cairo_translate(context, box.x + (box.w - width * scale) / 2, box.y + (box.h - height * scale) / 2);
    cairo_scale(context, scale, scale);
    cairo_set_source_surface(context, surface, 0, 0);
    cairo_paint(context);
    cairo_restore(context);
}

// Word-wrapped into the box, at the largest size from 9 pt down to 6 pt that fits; what still does not fit
// ends with an ellipsis.
void PdfDocument::draw_notes(const std::string& notes, float x, float y, float width, float height) {
    const std::vector<std::string> paragraphs = note_paragraphs(notes);
    std::vector<std::string> lines;
    TextStyle style{FontRole::Body, false, false, notes_px};
    for (; style.px >= smallest_notes_px; style.px -= 0.5f) {
        lines.clear();
        for (const std::string& paragraph : paragraphs) {
            std::string line;
            std::istringstream words(paragraph);
            for (std::string word; words >> word;) {
                const std::string longer = line.empty() ? word : line + " " + word;
                if (!line.empty() && m_text->width(longer, style) > width) {
                    lines.push_back(line);
                    line = word;
                } else {
                    line = longer;
                }
            }
            lines.push_back(line);
        }
        if (static_cast<float>(lines.size()) * m_text->line_height(style) * 1.15f <= height)
            break;
    }
    style.px = std::max(style.px, smallest_notes_px);
    const float step = m_text->line_height(style) * 1.15f;
    const auto fitting = static_cast<std::size_t>(height / step);
    for (std::size_t i = 0; i < lines.size() && i < fitting; ++i) {
        const bool cut = i + 1 == fitting && lines.size() > fitting;
        m_text->draw(m_context, cut ? lines[i] + " \u2026" : lines[i], x, y + static_cast<float>(i) * step,
                     style, notes_colour);
    }
}

Expected<void> PdfDocument::finish() {
    if (m_layout == PdfLayout::Handout && m_slides % 2 == 1) {
        cairo_show_page(m_context);
        ++m_pages;
    }
    const cairo_status_t drawing = cairo_status(m_context);
    cairo_destroy(m_context);
    m_context = nullptr;
    cairo_surface_finish(m_surface.get());
    const cairo_status_t status =
        drawing != CAIRO_STATUS_SUCCESS ? drawing : cairo_surface_status(m_surface.get());
    m_surface.reset();
    if (status != CAIRO_STATUS_SUCCESS)
        return Failure{cairo_status_to_string(status)};
    return add_pdf_language(m_file, m_details.language);
}

Expected<void> add_pdf_language(const std::filesystem::path& file, const std::string& language) {
    std::string pdf;
    {
        std::ifstream in(file, std::ios::binary);
        pdf.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    const auto number_after = [&pdf](std::string_view key, std::size_t from) -> long {
        const std::size_t at = pdf.find(key, from);
        return at == std::string::npos ? -1 : std::strtol(pdf.c_str() + at + key.size(), nullptr, 10);
    };
    const std::size_t trailer = pdf.rfind("trailer");
    const long previous_xref = number_after("startxref", pdf.rfind("startxref"));
    const long size = number_after("/Size", trailer);
    const long root = number_after("/Root", trailer);
    const long info = number_after("/Info", trailer);
    const std::size_t catalog = pdf.find(concat('\n', root, " 0 obj"));
    const std::size_t catalog_end = catalog == std::string::npos ? catalog : pdf.find(">>", catalog);
    if (trailer == std::string::npos || previous_xref < 0 || size < 0 || root < 0 ||
        catalog_end == std::string::npos)
        return Failure{"the PDF Cairo wrote has no catalog to add the language to"};
    const std::size_t dictionary = pdf.find("<<", catalog);
    const std::string entries = pdf.substr(dictionary + 2, catalog_end - dictionary - 2);

    std::string update = pdf.ends_with('\n') ? "" : "\n";
    const std::size_t object_at = pdf.size() + update.size();
    update += concat(root, " 0 obj\n<<", entries, "   /Lang (", language, ")\n>>\nendobj\n");
    const std::size_t xref_at = pdf.size() + update.size();
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", object_at);
    update += concat("xref\n", root, " 1\n", entry, "trailer\n<< /Size ", size, " /Root ", root, " 0 R");
    if (info >= 0)
        update += concat(" /Info ", info, " 0 R");
    update += concat(" /Prev ", previous_xref, " >>\nstartxref\n", xref_at, "\n%%EOF\n");
    std::ofstream out(file, std::ios::binary | std::ios::app);
    out << update;
    out.flush();
    if (!out)
        return Failure{concat("cannot write the language into ", file.string())};
    return {};
}

} // namespace lectern
