// Shared set-up for the render tests: one FontCatalog for the whole run (SDL_ttf and fontconfig start
// once and stop at exit, after every test), and sample text in the scripts a classroom deck mixes.
#pragma once

#include "render/font_catalog.h"

#include <string_view>

namespace lectern::test {

inline FontCatalog& shared_font_catalog() {
    static FontCatalog catalog;
    return catalog;
}

inline constexpr std::string_view english = "Welcome to the lesson";
inline constexpr std::string_view chinese = "中文";
inline constexpr std::string_view japanese = "日本語のテキスト";
inline constexpr std::string_view korean = "한국어";
inline constexpr std::string_view polish = "Polski ąęłńóśźż";
inline constexpr std::string_view arabic = "العربية";
inline constexpr std::string_view urdu = "اردو میں خوش آمدید، یہ اردو ہے";
inline constexpr std::string_view mixed_scripts =
    "English 中文 日本語 한국어 Polski ąęłńóśźż العربية اردو میں خوش آمدید، یہ اردو ہے";

} // namespace lectern::test
