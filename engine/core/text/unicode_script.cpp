#include "unicode_script.h"

#include <hb.h>
#include <unicode/uchar.h>

namespace lectern {

std::string Script::tag() const {
    std::string tag(4, ' ');
    for (std::size_t i = 0; i < 4; ++i)
        tag[i] = static_cast<char>((m_packed >> (8 * (3 - i))) & 0xFFu);
    return tag;
}

Script script_of(char32_t code_point) {
    static hb_unicode_funcs_t* const unicode = hb_unicode_funcs_get_default();
    return Script::of_packed(hb_unicode_script(unicode, code_point));
}

namespace {

bool takes_script_from_neighbours(Script script) {
    return script == common_script || script == inherited_script || script == unknown_script;
}

// A character with Bidi_Paired_Bracket_Type Open or Close, and its pair.
struct Bracket {
    bool opening = false;
    bool closing = false;
    char32_t pair = 0;
};

Bracket bracket_of(char32_t code_point) {
    const auto type = static_cast<UBidiPairedBracketType>(
        u_getIntPropertyValue(static_cast<UChar32>(code_point), UCHAR_BIDI_PAIRED_BRACKET_TYPE));
    return {type == U_BPT_OPEN, type == U_BPT_CLOSE,
            static_cast<char32_t>(u_getBidiPairedBracket(static_cast<UChar32>(code_point)))};
}

} // namespace

std::vector<Script> resolve_scripts(std::u32string_view text) {
    std::vector<Script> scripts(text.size(), common_script);
    struct Open {
        char32_t closing;
        Script script;
    };
    std::vector<Open> open_brackets; // UAX #24's suggestion: a pair of brackets shares one script
    Script last = common_script;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const Script own = script_of(text[i]);
        if (!takes_script_from_neighbours(own)) {
            last = own;
            scripts[i] = own;
            continue;
        }
        scripts[i] = last;
        if (own == inherited_script)
            continue;
        const Bracket bracket = bracket_of(text[i]);
        if (bracket.opening && open_brackets.size() < 64) {
            open_brackets.push_back({bracket.pair, last});
        } else if (bracket.closing) {
            for (std::size_t j = open_brackets.size(); j-- > 0;) {
                if (open_brackets[j].closing == text[i]) {
                    scripts[i] = open_brackets[j].script == common_script ? last : open_brackets[j].script;
                    last = scripts[i]; // what follows the brackets continues the text around them
                    open_brackets.resize(j);
                    break;
                }
            }
        }
    }
    // What comes before the first letter takes the script of the first letter; an opening bracket there
    // does too, and its closing one followed it above.
    std::size_t first = 0;
    while (first < text.size() && scripts[first] == common_script)
        ++first;
    for (std::size_t i = 0; i < first && first < text.size(); ++i)
        scripts[i] = scripts[first];
    return scripts;
}

bool is_right_to_left(Script script) {
    return hb_script_get_horizontal_direction(static_cast<hb_script_t>(script.packed())) == HB_DIRECTION_RTL;
}

bool is_chinese_or_japanese(Script script) {
    return script == Script::of_code("Hani") || script == Script::of_code("Hira") ||
           script == Script::of_code("Kana") || script == Script::of_code("Bopo");
}

bool is_default_ignorable(char32_t code_point) {
    return u_hasBinaryProperty(static_cast<UChar32>(code_point), UCHAR_DEFAULT_IGNORABLE_CODE_POINT) != 0;
}

bool is_white_space(char32_t code_point) {
    return u_isUWhiteSpace(static_cast<UChar32>(code_point)) != 0;
}

} // namespace lectern
