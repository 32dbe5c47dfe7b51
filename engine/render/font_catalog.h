// FontCatalog: finds font files with fontconfig and opens them with SDL_ttf. Resolves the theme's body and
// heading families (with bold and italic) to a primary face, finds a fallback face for any code point the
// primary lacks, and keeps a bounded cache of open TTF_Font objects per (face, pixel size). Part of the
// SDL adapter: depends on SDL2_ttf and fontconfig (fontconfig only in the .cpp), never on windows,
// renderers or the layout; the core never sees it (it sees TextMeasurer). Not thread-safe.
//
// Implemented:
//   - family + weight + slant to a file through FcFontMatch; synthetic bold or slant (TTF_SetFontStyle)
//     when the family has no such face, as fontconfig's own "embolden" and "matrix" rules ask;
//   - per-code-point fallback through FcFontMatch with FC_CHARSET (preferring FontFamilies::fallbacks),
//     checked with TTF_GlyphIsProvided32, remembered per code point and reused across each
//     128-code-point block before asking fontconfig again;
//   - open fonts per (face, integer pixel size), least recently used closed beyond `max_open_fonts`;
//   - TTF_Init/TTF_Quit and fontconfig set-up and FcFini, counted across catalogs (FcFini when the last
//     catalog goes: nothing else in Lectern uses fontconfig).
// Missing: language-aware choice (Urdu Nastaliq versus Naskh, Japanese versus Chinese glyph forms for
//   Han), colour emoji fonts, fonts shipped inside a deck, re-reading fonts installed while running.
#pragma once

#include "core/compose/display_list.h"
#include "lru_cache.h"

#include <SDL_ttf.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

struct _FcConfig; // fontconfig's FcConfig; fontconfig stays out of the headers

namespace lectern {

// The theme's font families by role, as fontconfig names (e.g. "DejaVu Sans", "Noto Serif").
struct FontFamilies {
    std::string body = "DejaVu Sans";
    std::string heading = "DejaVu Sans";
    // Preferred for characters the role's family lacks, before whatever else fontconfig ranks next. Among
    // fonts that have a character fontconfig ranks by family, so without this the Urdu fallback would be
    // PakType Naqsh (a display face) rather than the text face PakType Naskh Basic.
    std::vector<std::string> fallbacks = {"PakType Naskh Basic"};
};

// One face of one font file, plus the styling SDL_ttf must fake because the file lacks it.
struct FontFace {
    std::string file;
    long index = 0;     // face inside a collection (.ttc)
    std::string family; // the family fontconfig found, to tell the teacher when a theme's font is missing
    bool synthetic_bold = false;
    bool synthetic_italic = false;
};

// A face's number in its catalog; stays valid as long as the catalog.
using FaceId = std::uint32_t;

inline constexpr int min_pixel_size = 1;
inline constexpr int max_pixel_size = 1024;

// The integer size SDL_ttf opens a font at for `px` (slide units or pixels): the nearest, within 1..1024.
int nearest_pixel_size(float px);

class FontCatalog {
public:
    static constexpr std::size_t default_max_open_fonts = 48;

    explicit FontCatalog(FontFamilies families = {}, std::size_t max_open_fonts = default_max_open_fonts);
    ~FontCatalog();
    FontCatalog(const FontCatalog&) = delete;
    FontCatalog& operator=(const FontCatalog&) = delete;

    const FontFamilies& families() const { return m_families; }

    // The face for `style`'s role, weight and slant (style.px is ignored); nothing if no font is installed.
    std::optional<FaceId> primary_face(const TextStyle& style);

    // A face with a glyph for `code_point`, in `style`'s weight and slant as far as possible; nothing if no
    // installed font has one. `pixel_size` is the size the caller will use (coverage is checked on it).
    std::optional<FaceId> fallback_face(char32_t code_point, const TextStyle& style, int pixel_size);

    const FontFace& face(FaceId id) const { return m_faces.at(id); }

    // The open font for `id` at `pixel_size` (clamped to min_pixel_size..max_pixel_size), or null if the file
    // cannot be opened. Valid until the next call of font(), provides() or fallback_face(), which may close
    // it.
    TTF_Font* font(FaceId id, int pixel_size);

    // Whether face `id` has a glyph for `code_point` (TTF_GlyphIsProvided32), opened at `pixel_size`.
    bool provides(FaceId id, char32_t code_point, int pixel_size);

    std::size_t open_font_count() const { return m_open_fonts.size(); }
    std::size_t face_count() const { return m_faces.size(); }
    std::uint64_t fontconfig_queries() const { return m_fontconfig_queries; }
    // The last thing that went wrong (a font that would not open, no fonts at all); empty when nothing did.
    const std::string& last_error() const { return m_last_error; }

private:
    struct FontCloser {
        void operator()(TTF_Font* font) const;
    };
    using FontHandle = std::unique_ptr<TTF_Font, FontCloser>;

    std::optional<FaceId> match(const TextStyle& style, std::optional<char32_t> code_point);
    FaceId intern(FontFace face);

    FontFamilies m_families;
    bool m_ttf_started = false;
    _FcConfig* m_config = nullptr;
    std::vector<FontFace> m_faces;
    std::unordered_map<std::string, FaceId> m_face_ids;            // file, index and synthetic flags
    std::array<std::optional<std::optional<FaceId>>, 8> m_primary; // by role, bold, italic
    std::unordered_map<std::uint64_t, std::optional<FaceId>> m_fallback_by_code_point;
    std::unordered_map<std::uint64_t, std::vector<FaceId>> m_fallback_by_block;
    LruCache<std::uint64_t, FontHandle> m_open_fonts;
    std::uint64_t m_fontconfig_queries = 0;
    std::string m_last_error;
};

} // namespace lectern
