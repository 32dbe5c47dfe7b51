// UnicodeScript: which writing system a code point belongs to and how the bidirectional algorithm sees it,
// from a compact table of ranges (not the full Unicode Character Database). Enough to split text into
// runs that HarfBuzz can shape with one script and one direction. Pure; no SDL, no fontconfig.
#pragma once

namespace lectern {

// The scripts the table tells apart; everything else that is a letter counts as Other (shaped as "Zyyy").
enum class Script {
    Common,    // spaces, punctuation, digits, symbols: take the script of the text around them
    Inherited, // combining marks, joiners, variation selectors: take the script of the character before
    Latin,
    Greek,
    Cyrillic,
    Armenian,
    Hebrew,
    Arabic,
    Syriac,
    Thaana,
    Nko,
    Devanagari,
    Bengali,
    Gurmukhi,
    Gujarati,
    Oriya,
    Tamil,
    Telugu,
    Kannada,
    Malayalam,
    Sinhala,
    Thai,
    Lao,
    Tibetan,
    Myanmar,
    Georgian,
    Hangul,
    Ethiopic,
    Khmer,
    Mongolian,
    Hiragana,
    Katakana,
    Bopomofo,
    Han,
    Other,
};

// Simplified bidirectional classes (UAX #9): the explicit embedding and isolate controls are not handled.
enum class BidiClass {
    L,   // strong left-to-right
    R,   // strong right-to-left (Hebrew and the like)
    AL,  // strong right-to-left Arabic letter (turns European digits after it into Arabic ones)
    EN,  // European digit
    AN,  // Arabic-Indic digit
    ES,  // plus and minus signs between digits
    ET,  // currency, percent and degree signs next to digits
    CS,  // comma, full stop, colon and slash between digits
    NSM, // combining mark: takes the class of the character before
    WS,  // white space
    ON,  // other neutral
};

Script script_of(char32_t code_point);
BidiClass bidi_class_of(char32_t code_point);

// The ISO 15924 tag HarfBuzz understands (TTF_SetFontScriptName): "Latn", "Arab", "Hani", ... "Zyyy".
const char* iso15924_tag_of(Script script);

// Hebrew, Arabic (with Urdu and Persian letters), Syriac, Thaana and N'Ko are written right to left.
bool is_right_to_left(Script script);

// Joiners, direction marks, variation selectors and the like: drawn as nothing, so no font needs them.
bool is_default_ignorable(char32_t code_point);

} // namespace lectern
