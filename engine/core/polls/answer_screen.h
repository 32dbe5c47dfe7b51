// AnswerScreen: the checks a written answer (words slides) goes through before the teacher sees it
// (privacy rule 6): personal information (phone numbers, email and street addresses, postcodes, web
// links, social-media handles) and the school's word filter. Both judge the answer's normalised form
// (answer_text.h: full-width letters, accents, look-alike letters of other scripts and digits folded), and
// the filter reads through masks ("f*ck") and stretched letters ("fuuuck"). An answer that is caught is
// still queued for the teacher, marked with the reason; nothing reaches the big screen without approval
// either way. Pure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lectern {

// The word filter: one word or phrase per line; blank lines and lines starting with '#' are ignored.
struct WordFilter {
    std::vector<std::vector<std::string>> phrases; // each a sequence of folded words
};

WordFilter parse_word_filter(std::string_view text);

// Why the answer is held back ("looks like a phone number", "matches the word filter", ...), or "".
// Normalises the answer itself, so the server may pass the text as received.
std::string held_because(std::string_view answer, const WordFilter& filter);

// The answer's words folded for matching: lower case, common look-alike digits and signs read as
// letters ("h3ll0" -> "hello"), anything else splitting words. Exposed for tests.
std::vector<std::string> folded_words(std::string_view text);

} // namespace lectern
