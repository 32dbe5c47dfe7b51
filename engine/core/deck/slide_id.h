// Slide ids: stable names for slides, used by links and to keep poll results when slides move. Pure.
#pragma once

#include <string>
#include <string_view>

namespace lectern {

// "Adding friends: **who** to trust" -> "adding-friends-who-to-trust". Keeps ASCII letters and digits,
// joins words with hyphens, at most 48 characters; empty when the text has no ASCII letters or digits.
std::string slug_of(std::string_view text);

// An id written in a deck may use lowercase ASCII letters, digits, hyphens and underscores,
// starts with a letter or digit, and is 1 to 64 characters long.
bool is_valid_slide_id(std::string_view id);

} // namespace lectern
