#include "font_catalog.h"

#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <cmath>
#include <utility>

namespace lectern {

namespace {

// Catalogs alive in this process; the last one to go calls FcFini so leak checkers see a clean exit.
int g_live_catalogs = 0;

std::uint64_t style_index(const TextStyle& style) {
    return (style.role == FontRole::Heading ? 4u : 0u) + (style.bold ? 2u : 0u) + (style.italic ? 1u : 0u);
}

std::string string_of(FcPattern* pattern, const char* object) {
    FcChar8* value = nullptr;
    if (FcPatternGetString(pattern, object, 0, &value) != FcResultMatch || value == nullptr) {
        return {};
    }
    return reinterpret_cast<const char*>(value);
}

int integer_of(FcPattern* pattern, const char* object, int fallback) {
    int value = fallback;
    return FcPatternGetInteger(pattern, object, 0, &value) == FcResultMatch ? value : fallback;
}

bool bool_of(FcPattern* pattern, const char* object, bool fallback) {
    FcBool value = fallback ? FcTrue : FcFalse;
    return FcPatternGetBool(pattern, object, 0, &value) == FcResultMatch ? value != FcFalse : fallback;
}

} // namespace

int nearest_pixel_size(float px) {
    if (!(px >= static_cast<float>(min_pixel_size))) { // also catches NaN
        return min_pixel_size;
    }
    if (px >= static_cast<float>(max_pixel_size)) {
        return max_pixel_size;
    }
    return static_cast<int>(std::lround(px));
}

void FontCatalog::FontCloser::operator()(TTF_Font* font) const {
    if (font != nullptr) {
        TTF_CloseFont(font);
    }
}

FontFamilies font_families_of(const Deck& deck) {
    return FontFamilies{deck.theme.body_font, deck.theme.heading_font, deck.info.language};
}

FontCatalog::FontCatalog(FontFamilies families, std::size_t max_open_fonts)
    : m_families(std::move(families)), m_open_fonts(std::max<std::size_t>(1, max_open_fonts)) {
    if (TTF_Init() != 0) {
        m_last_error = std::string("SDL_ttf did not start: ") + TTF_GetError();
    } else {
        m_ttf_started = true;
    }
    ++g_live_catalogs;
    m_config = FcInitLoadConfigAndFonts();
    if (m_config == nullptr) {
        m_last_error = "fontconfig could not load its configuration: no fonts can be found";
    }
}

FontCatalog::~FontCatalog() {
    m_open_fonts.clear(); // close every font before SDL_ttf stops
    if (m_config != nullptr) {
        FcConfigDestroy(m_config);
    }
    if (--g_live_catalogs == 0) {
        FcFini();
    }
    if (m_ttf_started) {
        TTF_Quit();
    }
}

std::optional<FaceId> FontCatalog::primary_face(const TextStyle& style) {
    auto& slot = m_primary[style_index(style)];
    if (!slot) {
        slot = match(style, Query{{style.role == FontRole::Heading ? m_families.heading : m_families.body},
                                  {},
                                  std::nullopt});
        if (!*slot) {
            m_last_error = "fontconfig found no font for \"" +
                           (style.role == FontRole::Heading ? m_families.heading : m_families.body) + "\"";
        }
    }
    return *slot;
}

std::optional<FaceId> FontCatalog::fallback_face(char32_t code_point, const TextStyle& style,
                                                 int pixel_size) {
    const std::uint64_t key = (std::uint64_t{code_point} << 3) | style_index(style);
    if (const auto known = m_fallback_by_code_point.find(key); known != m_fallback_by_code_point.end()) {
        return known->second;
    }
    // The face made for the code point's script, when it has the glyph: Noto Sans Bengali for Bengali
    // rather than the first font fontconfig finds with the code point.
    const hb_script_t script = script_of_code_point(code_point);
    if (const std::optional<FaceId> made = script_face(script, style);
        made && has_glyph(*made, code_point, pixel_size)) {
        m_fallback_by_code_point.emplace(key, made);
        return made;
    }
    // Faces already found for neighbours in the same block usually have this one too (a CJK font for
    // every ideograph): try them before asking fontconfig again.
    std::vector<FaceId>& neighbours =
        m_fallback_by_block[(std::uint64_t{code_point >> 7} << 3) | style_index(style)];
    for (const FaceId id : neighbours) {
        if (has_glyph(id, code_point, pixel_size)) {
            m_fallback_by_code_point.emplace(key, id);
            return id;
        }
    }
    Query query;
    query.families.push_back(style.role == FontRole::Heading ? m_families.heading : m_families.body);
    for (const std::string& fallback : m_families.fallbacks) {
        query.families.push_back(fallback);
    }
    query.fc_lang = fonts_for(script).fc_lang;
    query.code_point = code_point;
    std::optional<FaceId> found = match(style, query);
    if (found && !has_glyph(*found, code_point, pixel_size)) {
        found.reset(); // fontconfig's best has no glyph either: no installed font has one
    }
    if (found && std::find(neighbours.begin(), neighbours.end(), *found) == neighbours.end()) {
        neighbours.push_back(*found);
    }
    m_fallback_by_code_point.emplace(key, found);
    return found;
}

std::optional<FaceId> FontCatalog::language_face(const TextStyle& style) {
    if (!m_language_script) {
        m_language_script = script_of_language(m_families.language);
    }
    return script_face(*m_language_script, style);
}

std::optional<LineMetrics> FontCatalog::line_metrics(const TextStyle& style, int pixel_size) {
    const std::optional<FaceId> primary = primary_face(style);
    TTF_Font* primary_font = primary ? font(*primary, pixel_size) : nullptr;
    if (primary_font == nullptr) {
        return std::nullopt;
    }
    LineMetrics metrics{TTF_FontAscent(primary_font), TTF_FontLineSkip(primary_font)};
    const std::optional<FaceId> language = language_face(style);
    if (language && *language != *primary) {
        if (TTF_Font* language_font = font(*language, pixel_size)) {
            const int below = std::max(metrics.line_skip - metrics.ascent,
                                       TTF_FontLineSkip(language_font) - TTF_FontAscent(language_font));
            metrics.ascent = std::max(metrics.ascent, TTF_FontAscent(language_font));
            metrics.line_skip = metrics.ascent + below;
        }
    }
    return metrics;
}

TTF_Font* FontCatalog::font(FaceId id, int pixel_size) {
    const int size = std::clamp(pixel_size, min_pixel_size, max_pixel_size);
    const std::uint64_t key = (std::uint64_t{id} << 16) | static_cast<std::uint64_t>(size);
    if (FontHandle* open = m_open_fonts.find(key)) {
        return open->get();
    }
    const FontFace& wanted = m_faces.at(id);
    FontHandle opened(TTF_OpenFontIndex(wanted.file.c_str(), size, wanted.index));
    if (!opened) {
        m_last_error = "cannot open font " + wanted.file + ": " + TTF_GetError();
    } else {
        const int style =
            (wanted.synthetic_bold ? TTF_STYLE_BOLD : 0) | (wanted.synthetic_italic ? TTF_STYLE_ITALIC : 0);
        TTF_SetFontStyle(opened.get(), style);
    }
    // A file that will not open is remembered as null, so it is not retried for every word.
    return m_open_fonts.insert(key, std::move(opened)).get();
}

bool FontCatalog::has_glyph(FaceId id, char32_t code_point, int pixel_size) {
    TTF_Font* opened = font(id, pixel_size);
    return opened != nullptr && TTF_GlyphIsProvided32(opened, code_point) != 0;
}

bool FontCatalog::provides(FaceId id, char32_t code_point, int pixel_size) {
    if (!has_glyph(id, code_point, pixel_size)) {
        return false;
    }
    const hb_script_t script = script_of_code_point(code_point);
    const ScriptFonts& fonts = fonts_for(script);
    if (fonts.families.empty() || made_for(id, fonts)) {
        return true;
    }
    // Another face is made for this script: it draws the code point if it can (its weight does not
    // matter here, only whether the family has the glyph).
    const std::optional<FaceId> made = script_face(script, TextStyle{});
    return !made || !has_glyph(*made, code_point, pixel_size);
}

const ScriptFonts& FontCatalog::fonts_for(hb_script_t script) {
    auto known = m_script_fonts.find(script);
    if (known == m_script_fonts.end()) {
        known = m_script_fonts.emplace(script, script_fonts(script, m_families.language)).first;
    }
    return known->second;
}

bool FontCatalog::made_for(FaceId id, const ScriptFonts& fonts) const {
    return std::find(fonts.families.begin(), fonts.families.end(), m_faces.at(id).family) !=
           fonts.families.end();
}

std::optional<FaceId> FontCatalog::script_face(hb_script_t script, const TextStyle& style) {
    const std::uint64_t key =
        (std::uint64_t{script} << 2) | (style.bold ? 2u : 0u) | (style.italic ? 1u : 0u);
    if (const auto known = m_script_faces.find(key); known != m_script_faces.end()) {
        return known->second;
    }
    const ScriptFonts& fonts = fonts_for(script);
    std::optional<FaceId> found;
    if (!fonts.families.empty()) {
        found = match(style, Query{fonts.families, fonts.fc_lang, std::nullopt});
        if (found && !made_for(*found, fonts)) {
            found.reset(); // none of the script's families is installed: fontconfig substituted another
        }
    }
    m_script_faces.emplace(key, found);
    return found;
}

std::optional<FaceId> FontCatalog::match(const TextStyle& style, const Query& query) {
    if (m_config == nullptr) {
        return std::nullopt;
    }
    FcPattern* pattern = FcPatternCreate();
    for (const std::string_view family : query.families) {
        const std::string terminated(family);
        FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(terminated.c_str()));
    }
    FcPatternAddInteger(pattern, FC_WEIGHT, style.bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcPatternAddInteger(pattern, FC_SLANT, style.italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
    FcPatternAddInteger(pattern, FC_WIDTH, FC_WIDTH_NORMAL);
    FcPatternAddBool(pattern, FC_SCALABLE, FcTrue);
    if (!query.fc_lang.empty()) {
        FcPatternAddString(pattern, FC_LANG, reinterpret_cast<const FcChar8*>(query.fc_lang.c_str()));
    }
    if (query.code_point) {
        FcCharSet* characters = FcCharSetCreate();
        FcCharSetAddChar(characters, *query.code_point);
        FcPatternAddCharSet(pattern, FC_CHARSET, characters);
        FcCharSetDestroy(characters);
    }
    FcConfigSubstitute(m_config, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    FcPattern* matched = FcFontMatch(m_config, pattern, &result);
    FcPatternDestroy(pattern);
    ++m_fontconfig_queries;
    if (matched == nullptr) {
        return std::nullopt;
    }
    FontFace face;
    face.file = string_of(matched, FC_FILE);
    face.index = integer_of(matched, FC_INDEX, 0);
    face.family = string_of(matched, FC_FAMILY);
    const int weight = integer_of(matched, FC_WEIGHT, FC_WEIGHT_REGULAR);
    const int slant = integer_of(matched, FC_SLANT, FC_SLANT_ROMAN);
    face.synthetic_bold = style.bold && (bool_of(matched, FC_EMBOLDEN, false) || weight < FC_WEIGHT_DEMIBOLD);
    face.synthetic_italic = style.italic && slant == FC_SLANT_ROMAN;
    const bool scalable = bool_of(matched, FC_SCALABLE, true);
    FcPatternDestroy(matched);
    if (face.file.empty() || !scalable) {
        return std::nullopt; // SDL_ttf sizes outline fonts only
    }
    return intern(std::move(face));
}

FaceId FontCatalog::intern(FontFace face) {
    std::string key = face.file + '\n' + std::to_string(face.index) + (face.synthetic_bold ? "b" : "") +
                      (face.synthetic_italic ? "i" : "");
    if (const auto known = m_face_ids.find(key); known != m_face_ids.end()) {
        return known->second;
    }
    const auto id = static_cast<FaceId>(m_faces.size());
    m_faces.push_back(std::move(face));
    m_face_ids.emplace(std::move(key), id);
    return id;
}

} // namespace lectern
