// UnicodeScript: which writing system each character of a text belongs to, from HarfBuzz's Unicode
// functions (hb_unicode_script, the Unicode Character Database HarfBuzz is built with), and the few other
// character properties the text path needs, from ICU. No table of our own. Pure; no SDL, no fontconfig.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lectern {

// An ISO 15924 script code ("Latn", "Arab", "Hani", "Zyyy"), packed as HarfBuzz's hb_script_t is: the
// four letters big-endian in 32 bits. SDL_ttf's TTF_SetFontScriptName takes its tag().
class Script {
public:
    constexpr Script() = default;
    // `four_letters` must be a four-letter ISO 15924 code.
    static constexpr Script of_code(std::string_view four_letters) {
        Script script;
        script.m_packed = 0;
        for (std::size_t i = 0; i < 4 && i < four_letters.size(); ++i)
            script.m_packed = (script.m_packed << 8) | static_cast<unsigned char>(four_letters[i]);
        return script;
    }
    static constexpr Script of_packed(std::uint32_t packed) {
        Script script;
        script.m_packed = packed;
        return script;
    }

    constexpr std::uint32_t packed() const { return m_packed; }
    std::string tag() const; // "Latn"

    friend constexpr auto operator<=>(Script, Script) = default;

private:
    std::uint32_t m_packed = 0x5A797979; // "Zyyy"
};

inline constexpr Script common_script = Script::of_code("Zyyy");    // punctuation, digits, spaces
inline constexpr Script inherited_script = Script::of_code("Zinh"); // combining marks, joiners
inline constexpr Script unknown_script = Script::of_code("Zzzz");   // unassigned code points

// The script Unicode gives `code_point` (Common and Inherited included).
Script script_of(char32_t code_point);

// One script per character for shaping: Inherited characters (marks) take the script of the character
// before them; Common ones (spaces, punctuation, digits) take the script of the text before them, or
// after them at the start; a closing bracket takes the script of its opening one. Only a text with no
// letter at all keeps Common.
std::vector<Script> resolve_scripts(std::u32string_view text);

// Hebrew, Arabic, Syriac, Thaana, N'Ko and the other scripts HarfBuzz lays out right to left.
bool is_right_to_left(Script script);

// Han, Hiragana, Katakana and Bopomofo mix in one Chinese or Japanese sentence and shape alike.
bool is_chinese_or_japanese(Script script);

// Default_Ignorable_Code_Point: joiners, direction marks, variation selectors, the soft hyphen: drawn as
// nothing, so no font needs them.
bool is_default_ignorable(char32_t code_point);

// White_Space: where a sentence splits into words for font fallback.
bool is_white_space(char32_t code_point);

} // namespace lectern
