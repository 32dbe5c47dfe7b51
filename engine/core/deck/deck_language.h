// DeckLanguage: a deck shown in one of its languages. A translated key replaces the original's words; a
// key a translation leaves out shows the original, so a slide is never empty for want of a translation.
// Choosing among the deck's languages from a teacher's --lang or a phone's Accept-Language. Pure.
#pragma once

#include "core/base/expected.h"
#include "deck.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace lectern {

// A translation's single texts by their key in the deck, for code that treats them alike (reading them,
// filling in the school's details); its lists and columns are `bullets`, `options`, `left` and `right`.
inline constexpr std::array<std::pair<std::string_view, std::optional<std::string> SlideTranslation::*>, 11>
    translation_texts{{{"title", &SlideTranslation::title},
                       {"subtitle", &SlideTranslation::subtitle},
                       {"caption", &SlideTranslation::caption},
                       {"text", &SlideTranslation::text},
                       {"by", &SlideTranslation::by},
                       {"alt", &SlideTranslation::alt},
                       {"question", &SlideTranslation::question},
                       {"explain", &SlideTranslation::explain},
                       {"low", &SlideTranslation::low},
                       {"high", &SlideTranslation::high},
                       {"notes", &SlideTranslation::notes}}};

// The slide's words in `language` (one of deck.info.languages); the original for its own language.
Slide slide_in_language(const Slide& slide, std::string_view language);

// The whole deck in `language`: every slide translated, and info.language set to it, so the composer
// sets its direction (a right-to-left language mirrors the slide).
Deck deck_in_language(const Deck& deck, std::string_view language);

// The deck's language a tag asks for: the same tag (letter case aside), else the same language with
// another region or script ("pl-PL" -> "pl", "zh-CN" -> "zh-Hans"), else nothing.
std::optional<std::string> match_language(const DeckInfo& info, std::string_view tag);

// The deck's language best matching an Accept-Language header ("pl-PL,pl;q=0.9,en;q=0.8"), in the
// header's order of preference; the deck's own language when none matches or the header is malformed.
std::string language_for_header(const DeckInfo& info, std::string_view accept_language);

// The languages a deck is shown in: the room's, and a second beneath it in dual mode ("" for none).
struct LanguageChoice {
    std::string language;
    std::string second;
};

// What --lang TAG and --dual TAG ask for ("" when not given), among the deck's languages; a Failure says
// which languages the deck has.
Expected<LanguageChoice> choose_languages(const DeckInfo& info, std::string_view language,
                                          std::string_view dual);

// A language's name for the teacher, in English, from ICU's locale data: "pl" -> "Polish",
// "zh-Hans" -> "Chinese (Simplified)"; the tag itself when ICU has no name for it.
std::string language_name(std::string_view tag);

// A language's name in that language, for a pupil choosing it from a list, without a region:
// "pl" -> "polski", "en-GB" -> "English", "ur" -> "اردو", "zh-Hans" -> "中文（简体）"; the tag itself when
// ICU has no name for it.
std::string language_own_name(std::string_view tag);

// After `current` in the deck's languages, wrapping round (the L key).
std::string next_language(const DeckInfo& info, std::string_view current);

} // namespace lectern
