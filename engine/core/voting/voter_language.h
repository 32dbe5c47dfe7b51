// VoterLanguage: the language a voter's device is answered in (docs/vote-api.md, "Languages (version 3)"):
// the page's own choice, else the browser's Accept-Language, else the deck's own language. Pure.
// Privacy: the choice lives only in the request it answers; it is never kept, logged or counted.
#pragma once

#include "core/deck/deck.h"

#include <string>
#include <string_view>

namespace lectern {

// Longer than any language tag a picker sends (BCP 47 tags in practice stay under 35 characters).
inline constexpr std::size_t longest_language_parameter = 64;

// One of info.languages: `lang` (the page's ?lang=, "" when absent) when it matches one of them, else
// the best match for `accept_language`, else the deck's own. Bogus or oversized input is ignored.
std::string voter_language(const DeckInfo& info, std::string_view lang, std::string_view accept_language);

} // namespace lectern
