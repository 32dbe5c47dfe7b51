// FontRuns: splits one line of UTF-8 text into runs that SDL_ttf can each shape in one call: one font,
// one direction, one script. SDL_ttf 2.20 has no font fallback and no bidi, so this is where both happen.
// Part of the SDL adapter: depends on SDL2_ttf through the FontCatalog (which font has which glyph), never
// on windows or renderers.
//
// Implemented:
//   - bad UTF-8 becomes U+FFFD; control characters (tabs, line breaks) become spaces;
//   - bidi through FriBidi (bidi_levels.h): the line is one paragraph whose direction is its first strong
//     character's (laid-out text arrives one level per run, marked with U+200E or U+200F where needed, see
//     display_list.h); levels per character, runs split where the level changes, placed in visual order;
//     HarfBuzz mirrors brackets inside right-to-left runs;
//   - script runs from HarfBuzz's Unicode functions (unicode_script.h: marks, spaces, punctuation and
//     digits take the script around them; kana and ideographs share a run);
//   - font choice per script run: the primary face if it has every glyph; else one fallback face that has
//     them all (so an Urdu word is shaped in one font and its letters still join); else per character,
//     keeping combining marks with their base when the base's font has them.
// Missing: no language tagging (a Han run is shaped with the script "Hani" only).
#pragma once

#include "core/compose/display_list.h"
#include "core/text/bidi_levels.h"
#include "core/text/unicode_script.h"
#include "font_catalog.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lectern {

struct FontRun {
    std::string text; // valid UTF-8, logical order
    FaceId face = 0;
    TextDirection direction = TextDirection::LeftToRight;
    Script script = common_script;
    std::uint8_t level = 0;          // bidi embedding level (even: LTR, odd: RTL)
    bool has_missing_glyphs = false; // some character has no glyph in any installed font: it shows a box
};

struct FontRunList {
    TextDirection paragraph = TextDirection::LeftToRight; // the first strong character's direction
    std::vector<FontRun> runs;                            // logical order
    std::vector<std::size_t> visual_order;                // indices into runs, left to right on screen
};

// The runs of `utf8` set in `style` at `pixel_size`. Empty when `utf8` is empty or no font is installed.
FontRunList split_into_font_runs(std::string_view utf8, const TextStyle& style, int pixel_size,
                                 FontCatalog& catalog);

// Sets `run`'s direction and script on `font`: SDL_ttf keeps them per font, so call this before every
// TTF_SizeUTF8 or TTF_Render* of the run.
void prepare_font_for_run(TTF_Font* font, const FontRun& run);

} // namespace lectern
