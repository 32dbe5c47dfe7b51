// FontCatalog: finds font files with fontconfig and opens them with SDL_ttf. Resolves the theme's body and
// heading families (with bold and italic) to a primary face, finds a fallback face for any code point the
// primary lacks, chooses per script the face made for it (script_fonts.h, with the deck's language as a
// hint), and keeps a bounded cache of open TTF_Font objects per (face, pixel size). Part of the SDL
// adapter: depends on SDL2_ttf, HarfBuzz's Unicode functions and fontconfig (fontconfig only in the .cpp),
// never on windows, renderers or the layout; the core never sees it (it sees TextMeasurer). Not
// thread-safe.
//
// Implemented:
//   - family + weight + slant to a file through FcFontMatch; synthetic bold or slant (TTF_SetFontStyle)
//     when the family has no such face, as fontconfig's own "embolden" and "matrix" rules ask;
//   - per script (hb_unicode_script): the first installed family of its row in script_fonts.h, asked of
//     fontconfig with FC_LANG for the script (Han in a `ja` deck: Noto Sans CJK JP; Urdu: Noto Nastaliq
//     Urdu). A face made for the script wins over one that merely has the code points (the theme's
//     DejaVu Sans has Arabic letters; FreeSans has Bengali ones with incomplete conjunct tables);
//   - per-code-point fallback, for scripts with no row or characters the script's face lacks, through
//     FcFontMatch with FC_CHARSET and FC_LANG (preferring FontFamilies::fallbacks), checked with
//     TTF_GlyphIsProvided32, remembered per code point and reused across each 128-code-point block
//     before asking fontconfig again;
//   - open fonts per (face, integer pixel size), least recently used closed beyond `max_open_fonts`;
//   - TTF_Init/TTF_Quit and fontconfig set-up and FcFini, counted across catalogs (FcFini when the last
//     catalog goes: nothing else in Lectern uses fontconfig).
// Missing: per-paragraph languages (one language for the whole deck), colour emoji fonts, fonts shipped
//   inside a deck, re-reading fonts installed while running.
#pragma once

#include "core/compose/display_list.h"
#include "core/deck/deck.h"
#include "lru_cache.h"
#include "script_fonts.h"

#include <SDL_ttf.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct _FcConfig; // fontconfig's FcConfig; fontconfig stays out of the headers

namespace lectern {

// The theme's font families by role, as fontconfig names (e.g. "DejaVu Sans", "Noto Serif").
struct FontFamilies {
    std::string body = "DejaVu Sans";
    std::string heading = "DejaVu Sans";
    // The deck's `language` (BCP 47, "" for none): a hint for choosing faces per script (script_fonts.h).
    std::string language = "";
    // Preferred, after the role's family, for characters whose script has no face of its own in
    // script_fonts.h (symbols, rare scripts), before whatever else fontconfig ranks next.
    std::vector<std::string> fallbacks = {};

    friend bool operator==(const FontFamilies&, const FontFamilies&) = default;
};

// The families a deck asks for: its theme's fonts, and its language as the hint for each script's face.
FontFamilies font_families_of(const Deck& deck);

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

// How lines of one style are spaced at one pixel size, in pixels.
struct LineMetrics {
    int ascent = 0;    // from the top of a line box to its baseline
    int line_skip = 0; // from one line's top to the next's
};

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

    // The face made for the script the deck's language is written in (Noto Nastaliq Urdu for `ur`), in
    // `style`'s weight and slant; nothing when the theme's font serves that script (Latin, Cyrillic).
    std::optional<FaceId> language_face(const TextStyle& style);

    // Line spacing of `style` at `pixel_size`: the primary font's, with room for the language face's
    // ascent and descent when they are larger (Nastaliq and the Indic scripts stand taller than DejaVu),
    // so the lines of an Urdu deck do not overlap. Nothing when no font opens.
    std::optional<LineMetrics> line_metrics(const TextStyle& style, int pixel_size);

    // The open font for `id` at `pixel_size` (clamped to min_pixel_size..max_pixel_size), or null if the file
    // cannot be opened. Valid until the next call of font(), provides() or fallback_face(), which may close
    // it.
    TTF_Font* font(FaceId id, int pixel_size);

    // Whether face `id` should draw `code_point` at `pixel_size`: it has a glyph (TTF_GlyphIsProvided32),
    // and either it is made for the code point's script or no installed face made for it has the glyph.
    bool provides(FaceId id, char32_t code_point, int pixel_size);

    // Whether face `id` has a glyph for `code_point` at all, made for its script or not.
    bool has_glyph(FaceId id, char32_t code_point, int pixel_size);

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

    struct Query {
        std::vector<std::string_view> families; // strongest first
        std::string fc_lang;                    // "" for none
        std::optional<char32_t> code_point;     // the face must have it (FC_CHARSET)
    };
    std::optional<FaceId> match(const TextStyle& style, const Query& query);
    FaceId intern(FontFace face);
    const ScriptFonts& fonts_for(hb_script_t script);
    // The face made for `script` in `style`'s weight and slant; nothing when the script has no row or
    // none of its families is installed.
    std::optional<FaceId> script_face(hb_script_t script, const TextStyle& style);
    bool made_for(FaceId id, const ScriptFonts& fonts) const;

    FontFamilies m_families;
    bool m_ttf_started = false;
    _FcConfig* m_config = nullptr;
    std::vector<FontFace> m_faces;
    std::unordered_map<std::string, FaceId> m_face_ids;            // file, index and synthetic flags
    std::array<std::optional<std::optional<FaceId>>, 8> m_primary; // by role, bold, italic
    std::unordered_map<std::uint64_t, std::optional<FaceId>> m_fallback_by_code_point;
    std::unordered_map<std::uint64_t, std::vector<FaceId>> m_fallback_by_block;
    std::unordered_map<hb_script_t, ScriptFonts> m_script_fonts;
    std::unordered_map<std::uint64_t, std::optional<FaceId>> m_script_faces; // script, bold, italic
    std::optional<hb_script_t> m_language_script;                            // of m_families.language
    LruCache<std::uint64_t, FontHandle> m_open_fonts;
    std::uint64_t m_fontconfig_queries = 0;
    std::string m_last_error;
};

} // namespace lectern
