// ScriptFonts: the font families made for a script, in the order Lectern prefers them, and the fontconfig
// language (FC_LANG) that stands for the script, given the deck's language as a hint: Han in a `ja` deck
// takes Japanese forms, in `zh-Hant` Traditional ones; Arabic letters in an `ur` deck take Nastaliq. The
// families are Debian's fonts-noto-core and fonts-noto-cjk (tools/setup.sh installs them); the README's
// font table is this file in prose. The FontCatalog asks fontconfig for them. Which script a code point
// belongs to comes from HarfBuzz (hb_unicode_script), and which script a language is written in from the
// tag's script subtag or fontconfig's orthographies, never from a table of ours.
//
// Scripts with no row here (Latin, Greek, Cyrillic, Armenian, Georgian, symbols) are drawn by the theme's
// font, or by whatever installed font fontconfig ranks best for a character the theme's font lacks.
#pragma once

#include <hb.h>
#include <string>
#include <string_view>
#include <vector>

namespace lectern {

struct ScriptFonts {
    std::string fc_lang;                    // e.g. "bn", "zh-tw"; "" when the script has no row
    std::vector<std::string_view> families; // preferred first; empty when the script has no row
};

// The row for `script` in a deck whose language is the BCP 47 tag `language` ("", "en", "ur", "zh-Hant").
ScriptFonts script_fonts(hb_script_t script, std::string_view language);

// The script of `code_point` as HarfBuzz's Unicode functions see it (Common and Inherited included).
hb_script_t script_of_code_point(char32_t code_point);

// The script a language is mostly written in: the tag's script subtag ("pa-Arab"), Han for Chinese and
// Japanese, Hangul for Korean, else the script of most letters of fontconfig's orthography for the language
// ("ur": Arabic, "pa": Gurmukhi, "pl": Latin). HB_SCRIPT_UNKNOWN when fontconfig knows no such language.
hb_script_t script_of_language(std::string_view language);

} // namespace lectern
