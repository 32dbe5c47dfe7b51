// The home languages of issue 17, one golden slide each (tests/decks/golden/languages.toml, where the
// sentences and their English glosses are): the deck language each is drawn with, and the script and
// face its letters must come from.
#pragma once

#include <array>
#include <hb.h>
#include <string>
#include <string_view>

namespace lectern::test {

struct LanguageSlide {
    std::string_view slide_id;
    std::string_view language; // the deck's `language` for this slide
    hb_script_t script;        // the script of its letters
    std::string_view face;     // the family those letters must be drawn in
};

inline constexpr std::array language_slides{
    LanguageSlide{"pl", "pl", HB_SCRIPT_LATIN, "DejaVu Sans"},
    LanguageSlide{"ro", "ro", HB_SCRIPT_LATIN, "DejaVu Sans"},
    LanguageSlide{"ur", "ur", HB_SCRIPT_ARABIC, "Noto Nastaliq Urdu"},
    LanguageSlide{"pa", "pa", HB_SCRIPT_GURMUKHI, "Noto Sans Gurmukhi"},
    LanguageSlide{"pa-arab", "pa-Arab", HB_SCRIPT_ARABIC, "Noto Nastaliq Urdu"},
    LanguageSlide{"bn", "bn", HB_SCRIPT_BENGALI, "Noto Sans Bengali"},
    LanguageSlide{"gu", "gu", HB_SCRIPT_GUJARATI, "Noto Sans Gujarati"},
    LanguageSlide{"ta", "ta", HB_SCRIPT_TAMIL, "Noto Sans Tamil"},
    LanguageSlide{"ar", "ar", HB_SCRIPT_ARABIC, "Noto Naskh Arabic"},
    LanguageSlide{"so", "so", HB_SCRIPT_LATIN, "DejaVu Sans"},
    LanguageSlide{"ps", "ps", HB_SCRIPT_ARABIC, "Noto Naskh Arabic"},
    LanguageSlide{"fa", "fa", HB_SCRIPT_ARABIC, "Noto Naskh Arabic"},
    LanguageSlide{"ckb", "ckb", HB_SCRIPT_ARABIC, "Noto Naskh Arabic"},
    LanguageSlide{"ti", "ti", HB_SCRIPT_ETHIOPIC, "Noto Sans Ethiopic"},
    LanguageSlide{"uk", "uk", HB_SCRIPT_CYRILLIC, "DejaVu Sans"},
    LanguageSlide{"zh-hans", "zh-Hans", HB_SCRIPT_HAN, "Noto Sans CJK SC"},
    LanguageSlide{"zh-hant", "zh-Hant", HB_SCRIPT_HAN, "Noto Sans CJK TC"},
    LanguageSlide{"ja", "ja", HB_SCRIPT_HAN, "Noto Sans CJK JP"},
    LanguageSlide{"tr", "tr", HB_SCRIPT_LATIN, "DejaVu Sans"},
};

inline std::string language_golden_name(const LanguageSlide& slide) {
    return "language-" + std::string(slide.slide_id);
}

} // namespace lectern::test
