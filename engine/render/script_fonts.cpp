#include "script_fonts.h"

#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <utility>

namespace lectern {

namespace {

// The parts of a BCP 47 tag that choose fonts, lower-cased: "zh-Hant-TW" -> zh, hant, tw.
struct LanguageTag {
    std::string language;
    std::string script;
    std::string region;
};

LanguageTag parse_language_tag(std::string_view tag) {
    LanguageTag parsed;
    std::size_t position = 0;
    for (int part = 0; position <= tag.size(); ++part) {
        std::size_t end = tag.find_first_of("-_", position);
        if (end == std::string_view::npos)
            end = tag.size();
        std::string subtag(tag.substr(position, end - position));
        std::ranges::transform(subtag, subtag.begin(), [](char c) {
            return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        });
        if (part == 0)
            parsed.language = subtag;
        else if (subtag.size() == 4 && parsed.script.empty() && parsed.region.empty())
            parsed.script = subtag;
        else if ((subtag.size() == 2 || subtag.size() == 3) && parsed.region.empty())
            parsed.region = subtag;
        position = end + 1;
    }
    return parsed;
}

// Punjabi in Shahmukhi (Pakistan) and Saraiki are written in Nastaliq, as Urdu is.
bool writes_arabic_in_nastaliq(const LanguageTag& tag) {
    return tag.language == "ur" || tag.language == "pnb" || tag.language == "skr" ||
           (tag.language == "pa" && (tag.script == "arab" || tag.region == "pk"));
}

ScriptFonts arabic_fonts(const LanguageTag& tag) {
    if (writes_arabic_in_nastaliq(tag))
        return {"ur", {"Noto Nastaliq Urdu", "Noto Naskh Arabic", "Noto Sans Arabic", "PakType Naskh Basic"}};
    std::string fc_lang = "ar";
    if (tag.language == "fa" || tag.language == "prs")
        fc_lang = "fa";
    else if (tag.language == "ps")
        fc_lang = "ps-af";
    else if (tag.language == "ckb" || (tag.language == "ku" && tag.script == "arab"))
        fc_lang = "ku-iq";
    return {fc_lang, {"Noto Naskh Arabic", "Noto Sans Arabic", "PakType Naskh Basic", "Noto Nastaliq Urdu"}};
}

enum class HanForms { Simplified, Traditional, HongKong, Japanese, Korean };

HanForms han_forms_of(const LanguageTag& tag) {
    if (tag.language == "ja")
        return HanForms::Japanese;
    if (tag.language == "ko")
        return HanForms::Korean;
    if (tag.region == "hk" || tag.region == "mo")
        return HanForms::HongKong;
    if (tag.script == "hant" || tag.region == "tw" || tag.language == "yue")
        return HanForms::Traditional;
    return HanForms::Simplified; // zh, zh-Hans, and Han in a deck of any other language
}

// Every Noto Sans CJK face draws all of Han, kana and Hangul; they differ in the forms of some Han
// characters (直, 骨, 角 ...). The deck's own forms come first.
ScriptFonts cjk_fonts(HanForms forms, std::string fc_lang) {
    std::vector<std::string_view> families{"Noto Sans CJK SC", "Noto Sans CJK TC", "Noto Sans CJK HK",
                                           "Noto Sans CJK JP", "Noto Sans CJK KR"};
    std::rotate(families.begin(), families.begin() + static_cast<std::ptrdiff_t>(forms), families.end());
    families.push_back("WenQuanYi Micro Hei");
    return {std::move(fc_lang), std::move(families)};
}

const char* han_fc_lang(HanForms forms) {
    switch (forms) {
    case HanForms::Simplified:
        return "zh-cn";
    case HanForms::Traditional:
        return "zh-tw";
    case HanForms::HongKong:
        return "zh-hk";
    case HanForms::Japanese:
        return "ja";
    case HanForms::Korean:
        return "ko";
    }
    return "zh-cn";
}

ScriptFonts noto_sans_and_serif(std::string fc_lang, std::string_view sans, std::string_view serif) {
    return {std::move(fc_lang), {sans, serif}};
}

} // namespace

ScriptFonts script_fonts(hb_script_t script, std::string_view language) {
    const LanguageTag tag = parse_language_tag(language);
    const auto deck_or = [&](std::initializer_list<const char*> languages, const char* otherwise) {
        for (const char* candidate : languages) {
            if (tag.language == candidate)
                return std::string(candidate);
        }
        return std::string(otherwise);
    };
    switch (script) {
    case HB_SCRIPT_ARABIC:
        return arabic_fonts(tag);
    case HB_SCRIPT_HAN:
        return cjk_fonts(han_forms_of(tag), han_fc_lang(han_forms_of(tag)));
    case HB_SCRIPT_HIRAGANA:
    case HB_SCRIPT_KATAKANA:
        return cjk_fonts(
            tag.language == "zh" || tag.language == "ko" ? han_forms_of(tag) : HanForms::Japanese, "ja");
    case HB_SCRIPT_BOPOMOFO:
        return cjk_fonts(HanForms::Traditional, "zh-tw");
    case HB_SCRIPT_HANGUL:
        return cjk_fonts(HanForms::Korean, "ko");
    case HB_SCRIPT_BENGALI:
        return noto_sans_and_serif(deck_or({"as", "mni"}, "bn"), "Noto Sans Bengali", "Noto Serif Bengali");
    case HB_SCRIPT_GURMUKHI:
        return noto_sans_and_serif("pa", "Noto Sans Gurmukhi", "Noto Serif Gurmukhi");
    case HB_SCRIPT_GUJARATI:
        return noto_sans_and_serif("gu", "Noto Sans Gujarati", "Noto Serif Gujarati");
    case HB_SCRIPT_TAMIL:
        return noto_sans_and_serif("ta", "Noto Sans Tamil", "Noto Serif Tamil");
    case HB_SCRIPT_DEVANAGARI:
        return noto_sans_and_serif(deck_or({"mr", "ne", "sa", "mai", "kok"}, "hi"), "Noto Sans Devanagari",
                                   "Noto Serif Devanagari");
    case HB_SCRIPT_ETHIOPIC:
        return noto_sans_and_serif(tag.language == "ti" ? (tag.region == "et" ? "ti-et" : "ti-er")
                                                        : deck_or({"tig", "byn"}, "am"),
                                   "Noto Sans Ethiopic", "Noto Serif Ethiopic");
    case HB_SCRIPT_TELUGU:
        return noto_sans_and_serif("te", "Noto Sans Telugu", "Noto Serif Telugu");
    case HB_SCRIPT_KANNADA:
        return noto_sans_and_serif("kn", "Noto Sans Kannada", "Noto Serif Kannada");
    case HB_SCRIPT_MALAYALAM:
        return noto_sans_and_serif("ml", "Noto Sans Malayalam", "Noto Serif Malayalam");
    case HB_SCRIPT_ORIYA:
        return noto_sans_and_serif("or", "Noto Sans Oriya", "Noto Serif Oriya");
    case HB_SCRIPT_SINHALA:
        return noto_sans_and_serif("si", "Noto Sans Sinhala", "Noto Serif Sinhala");
    case HB_SCRIPT_THAI:
        return noto_sans_and_serif("th", "Noto Sans Thai", "Noto Serif Thai");
    case HB_SCRIPT_LAO:
        return noto_sans_and_serif("lo", "Noto Sans Lao", "Noto Serif Lao");
    case HB_SCRIPT_KHMER:
        return noto_sans_and_serif("km", "Noto Sans Khmer", "Noto Serif Khmer");
    case HB_SCRIPT_MYANMAR:
        return noto_sans_and_serif("my", "Noto Sans Myanmar", "Noto Serif Myanmar");
    case HB_SCRIPT_HEBREW:
        return noto_sans_and_serif(deck_or({"yi"}, "he"), "Noto Sans Hebrew", "Noto Serif Hebrew");
    case HB_SCRIPT_TIBETAN:
        return {"bo", {"Noto Serif Tibetan"}};
    case HB_SCRIPT_SYRIAC:
        return {"syr", {"Noto Sans Syriac"}};
    case HB_SCRIPT_THAANA:
        return {"dv", {"Noto Sans Thaana"}};
    case HB_SCRIPT_NKO:
        return {"nqo", {"Noto Sans NKo"}};
    default:
        return {};
    }
}

hb_script_t script_of_language(std::string_view language) {
    const LanguageTag tag = parse_language_tag(language);
    if (tag.script.size() == 4)
        return hb_script_from_string(tag.script.c_str(), 4);
    if (tag.language == "zh" || tag.language == "ja" || tag.language == "yue")
        return HB_SCRIPT_HAN;
    if (tag.language == "ko")
        return HB_SCRIPT_HANGUL;
    if (writes_arabic_in_nastaliq(tag) || tag.language == "ckb")
        return HB_SCRIPT_ARABIC; // fontconfig has no orthography named pnb, skr or ckb
    if (tag.language.empty())
        return HB_SCRIPT_UNKNOWN;
    // fontconfig names orthographies "ur", "pa", or per region only ("ti-er", "ku-iq").
    const FcCharSet* letters = FcLangGetCharSet(reinterpret_cast<const FcChar8*>(tag.language.c_str()));
    if (letters == nullptr && !tag.region.empty()) {
        const std::string regional = tag.language + "-" + tag.region;
        letters = FcLangGetCharSet(reinterpret_cast<const FcChar8*>(regional.c_str()));
    }
    if (letters == nullptr) {
        FcStrSet* known = FcGetLangs();
        FcStrList* names = FcStrListCreate(known);
        for (const FcChar8* name = FcStrListNext(names); letters == nullptr && name != nullptr;
             name = FcStrListNext(names)) {
            if (std::string_view(reinterpret_cast<const char*>(name)).starts_with(tag.language + "-"))
                letters = FcLangGetCharSet(name);
        }
        FcStrListDone(names);
        FcStrSetDestroy(known);
    }
    if (letters == nullptr)
        return HB_SCRIPT_UNKNOWN;
    // The script of most of its letters (an orthography may list a few of another script).
    std::vector<std::pair<hb_script_t, int>> counts;
    std::array<FcChar32, FC_CHARSET_MAP_SIZE> page{};
    FcChar32 next = 0;
    for (FcChar32 base = FcCharSetFirstPage(letters, page.data(), &next); base != FC_CHARSET_DONE;
         base = FcCharSetNextPage(letters, page.data(), &next)) {
        for (FcChar32 word = 0; word < FC_CHARSET_MAP_SIZE; ++word) {
            for (FcChar32 bit = 0; bit < 32; ++bit) {
                if ((page[word] & (FcChar32{1} << bit)) == 0)
                    continue;
                const hb_script_t script = script_of_code_point(base + word * 32 + bit);
                if (script == HB_SCRIPT_COMMON || script == HB_SCRIPT_INHERITED ||
                    script == HB_SCRIPT_UNKNOWN)
                    continue;
                auto known = std::ranges::find(counts, script, &std::pair<hb_script_t, int>::first);
                if (known == counts.end())
                    counts.emplace_back(script, 1);
                else
                    ++known->second;
            }
        }
    }
    const auto most = std::ranges::max_element(counts, {}, &std::pair<hb_script_t, int>::second);
    return most == counts.end() ? HB_SCRIPT_UNKNOWN : most->first;
}

hb_script_t script_of_code_point(char32_t code_point) {
    return hb_unicode_script(hb_unicode_funcs_get_default(), static_cast<hb_codepoint_t>(code_point));
}

} // namespace lectern
