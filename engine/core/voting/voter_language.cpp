#include "voter_language.h"

#include "core/deck/deck_language.h"

namespace lectern {

std::string voter_language(const DeckInfo& info, std::string_view lang, std::string_view accept_language) {
    if (!lang.empty() && lang.size() <= longest_language_parameter) {
        if (std::optional<std::string> found = match_language(info, lang))
            return *found;
    }
    return language_for_header(info, accept_language);
}

} // namespace lectern
