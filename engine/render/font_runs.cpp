#include "font_runs.h"

#include "core/text/utf8.h"

#include <algorithm>
#include <optional>

namespace lectern {

namespace {

bool is_control(char32_t code_point) {
    return code_point < 0x20 || (code_point >= 0x7F && code_point < 0xA0);
}

// Kana and ideographs mix in every Japanese sentence and shape alike: one run rather than one per script.
bool shapes_together(Script a, Script b) {
    return a == b || (is_chinese_or_japanese(a) && is_chinese_or_japanese(b));
}

// A stretch of code points [begin, end) that one font draws.
struct Piece {
    std::size_t begin = 0;
    std::size_t end = 0;
    FaceId face = 0;
    bool has_missing_glyphs = false;
};

bool needs_glyph(char32_t code_point) {
    return !is_default_ignorable(code_point);
}

bool is_space(char32_t code_point) {
    return is_white_space(code_point);
}

class FontAssigner {
public:
    FontAssigner(std::u32string_view text, const TextStyle& style, int pixel_size, FontCatalog& catalog,
                 FaceId primary)
        : m_text(text), m_style(style), m_pixel_size(pixel_size), m_catalog(catalog), m_primary(primary) {}

    // Appends the pieces of the script run [begin, end) to `pieces`.
    void assign(std::size_t begin, std::size_t end, std::vector<Piece>& pieces) {
        m_run_begin = begin;
        if (covers_all(m_primary, begin, end)) {
            append(pieces, {begin, end, m_primary, false});
            return;
        }
        // The fallback faces of the characters the primary lacks, in order of first need.
        std::vector<FaceId> candidates;
        for (std::size_t i = begin; i < end; ++i) {
            if (!needs_glyph(m_text[i]) || m_catalog.provides(m_primary, m_text[i], m_pixel_size)) {
                continue;
            }
            const std::optional<FaceId> fallback = m_catalog.fallback_face(m_text[i], m_style, m_pixel_size);
            if (fallback && std::find(candidates.begin(), candidates.end(), *fallback) == candidates.end()) {
                candidates.push_back(*fallback);
            }
        }
        // One face for the whole run keeps joining scripts (Arabic, Urdu) joined and the line even.
        for (const FaceId candidate : candidates) {
            if (covers_all(candidate, begin, end)) {
                append(pieces, {begin, end, candidate, false});
                return;
            }
        }
        // Else word by word, preferring the fallback (the run's script needed it) over the primary, so a
        // sentence changes font only at the words the fallback lacks; per character only inside a word
        // that no single face covers.
        candidates.push_back(m_primary);
        for (std::size_t word = begin; word < end;) {
            std::size_t word_end = word;
            while (word_end < end && !is_space(m_text[word_end])) {
                ++word_end;
            }
            while (word_end < end && is_space(m_text[word_end])) {
                ++word_end;
            }
            const auto covering = std::find_if(candidates.begin(), candidates.end(),
                                               [&](FaceId face) { return covers_all(face, word, word_end); });
            if (covering != candidates.end()) {
                append(pieces, {word, word_end, *covering, false});
            } else {
                assign_per_character(word, word_end, pieces);
            }
            word = word_end;
        }
    }

private:
    bool covers_all(FaceId face, std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
            if (needs_glyph(m_text[i]) && !m_catalog.provides(face, m_text[i], m_pixel_size)) {
                return false;
            }
        }
        return true;
    }

    // Adds `piece`, merged into the previous piece when that one ends where it starts in the same face.
    void append(std::vector<Piece>& pieces, const Piece& piece) {
        if (!pieces.empty() && pieces.back().end == piece.begin && pieces.back().face == piece.face &&
            pieces.back().end > m_run_begin) {
            pieces.back().end = piece.end;
            pieces.back().has_missing_glyphs = pieces.back().has_missing_glyphs || piece.has_missing_glyphs;
        } else {
            pieces.push_back(piece);
        }
    }

    void assign_per_character(std::size_t begin, std::size_t end, std::vector<Piece>& pieces) {
        std::optional<FaceId> current;
        for (std::size_t i = begin; i < end; ++i) {
            const char32_t code_point = m_text[i];
            FaceId chosen = current.value_or(m_primary);
            bool missing = false;
            if (!needs_glyph(code_point) ||
                (current && m_catalog.provides(*current, code_point, m_pixel_size))) {
                // stays with the character before it (marks with their base, joiners inside a word)
            } else if (m_catalog.provides(m_primary, code_point, m_pixel_size)) {
                chosen = m_primary;
            } else if (const auto fallback = m_catalog.fallback_face(code_point, m_style, m_pixel_size)) {
                chosen = *fallback;
            } else {
                missing = true; // no installed font has it: it shows as the current font's box
            }
            append(pieces, {i, i + 1, chosen, missing});
            current = chosen;
        }
    }

    std::u32string_view m_text;
    const TextStyle& m_style;
    int m_pixel_size;
    FontCatalog& m_catalog;
    FaceId m_primary;
    std::size_t m_run_begin = 0; // where the script run being assigned starts: pieces never merge across runs
};

} // namespace

FontRunList split_into_font_runs(std::string_view utf8, const TextStyle& style, int pixel_size,
                                 FontCatalog& catalog) {
    FontRunList result;
    std::u32string text = decode_utf8(utf8);
    std::replace_if(text.begin(), text.end(), is_control, U' ');
    const std::optional<FaceId> primary = catalog.primary_face(style);
    if (text.empty() || !primary) {
        return result;
    }
    // One line, one paragraph: its own first strong character gives its direction (the layout marks runs
    // whose text would not, see display_list.h).
    const BidiParagraph paragraph = resolve_bidi_paragraph(text);
    const BidiLine bidi = reorder_bidi_line(text, paragraph.levels, paragraph.direction);
    result.paragraph = paragraph.direction;
    const std::vector<Script> scripts = resolve_scripts(text);

    FontAssigner assigner(text, style, pixel_size, catalog, *primary);
    std::vector<Piece> pieces;
    std::vector<Script> piece_scripts;
    for (std::size_t begin = 0; begin < text.size();) {
        std::size_t end = begin + 1;
        while (end < text.size() && bidi.levels[end] == bidi.levels[begin] &&
               shapes_together(scripts[end], scripts[begin])) {
            ++end;
        }
        assigner.assign(begin, end, pieces);
        piece_scripts.resize(pieces.size(), scripts[begin]);
        begin = end;
    }

    std::vector<std::uint8_t> levels;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const Piece& piece = pieces[i];
        FontRun run;
        run.text = encode_utf8(std::u32string_view(text).substr(piece.begin, piece.end - piece.begin));
        run.face = piece.face;
        run.level = bidi.levels[piece.begin];
        run.direction = direction_of_level(run.level);
        run.script = piece_scripts[i];
        run.has_missing_glyphs = piece.has_missing_glyphs;
        levels.push_back(run.level);
        result.runs.push_back(std::move(run));
    }
    result.visual_order = visual_order(levels);
    return result;
}

void prepare_font_for_run(TTF_Font* font, const FontRun& run) {
    TTF_SetFontDirection(font,
                         run.direction == TextDirection::RightToLeft ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
    TTF_SetFontScriptName(font, run.script.tag().c_str());
}

} // namespace lectern
