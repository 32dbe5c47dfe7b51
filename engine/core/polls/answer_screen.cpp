#include "answer_screen.h"

#include "answer_text.h"

#include <algorithm>
#include <array>

namespace lectern {

namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string lowered(std::string_view text) {
    std::string out(text);
    std::ranges::transform(out, out.begin(), lower);
    return out;
}

// Seven or more digits with only spaces, dots, dashes, brackets or a plus between them; ten or more when
// slashes or commas separate them too, so "1,000,000" and "12/05/2013" are not numbers to call.
bool looks_like_phone_number(std::string_view text) {
    int digits = 0;
    bool loosely_separated = false;
    for (char c : text) {
        if (is_digit(c)) {
            ++digits;
        } else if (c == '/' || c == ',') {
            loosely_separated = true;
        } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && c != '+') {
            digits = 0;
            loosely_separated = false;
        }
        if (digits >= (loosely_separated ? 10 : 7))
            return true;
    }
    // Digits written as words are a common way round a filter: "oh seven seven ..." is left to the teacher.
    return false;
}

bool looks_like_email(std::string_view text) {
    for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
        const bool before = at > 0 && (is_letter(text[at - 1]) || is_digit(text[at - 1]));
        const std::string_view after = text.substr(at + 1);
        const std::size_t end = after.find_first_of(" \t\n,;");
        const std::string_view domain = after.substr(0, end);
        const std::size_t dot = domain.find('.');
        if (before && dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size())
            return true;
    }
    return false;
}

// "bob at example dot com", "bob (at) example (dot) co (dot) uk": a name, "at", a domain, "dot", then a
// top-level domain of letters.
bool looks_like_spelled_out_email(const std::vector<std::string>& words) {
    const auto has_letter = [](const std::string& word) {
        return std::ranges::any_of(word, is_letter);
    };
    for (std::size_t at = 1; at + 3 < words.size(); ++at) {
        const std::string& ending = words[at + 3];
        if (words[at] == "at" && words[at + 2] == "dot" && has_letter(words[at + 1]) && ending.size() >= 2 &&
            ending.size() <= 6 && std::ranges::all_of(ending, is_letter))
            return true;
    }
    return false;
}

// "@sam_2012", "@qzone.fan": an @ starting a word, then a name with a letter in it.
bool looks_like_handle(std::string_view text) {
    for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
        if (at > 0 && text[at - 1] != ' ')
            continue;
        std::size_t end = at + 1;
        while (end < text.size() &&
               (is_letter(text[end]) || is_digit(text[end]) || text[end] == '_' || text[end] == '.'))
            ++end;
        const std::string_view name = text.substr(at + 1, end - at - 1);
        if (name.size() >= 3 && std::ranges::any_of(name, is_letter))
            return true;
    }
    return false;
}

constexpr std::array link_endings = {".com", ".co.uk", ".uk",  ".org",  ".net", ".io", ".me",   ".tv",  ".gg",
                                     ".ly",  ".app",   ".xyz", ".info", ".cn",  ".qq", ".link", ".site"};

bool looks_like_link(std::string_view text) {
    const std::string low = lowered(text);
    if (low.find("http://") != std::string::npos || low.find("https://") != std::string::npos ||
        low.find("www.") != std::string::npos)
        return true;
    // word.com, word.co.uk/... : a dot between letters followed by a known ending.
    for (const std::string_view ending : link_endings) {
        for (std::size_t at = low.find(ending); at != std::string::npos; at = low.find(ending, at + 1)) {
            const std::size_t end = at + ending.size();
            const bool letter_before = at > 0 && (is_letter(low[at - 1]) || is_digit(low[at - 1]));
            const bool word_ends = end == low.size() || !is_letter(low[end]);
            if (letter_before && word_ends)
                return true;
        }
    }
    return false;
}

constexpr std::array street_words = {"road",  "rd",      "street", "st",       "avenue", "ave",   "lane",
                                     "close", "drive",   "way",    "crescent", "place",  "court", "gardens",
                                     "grove", "terrace", "walk",   "square",   "hill",   "park",  "mews"};

// A house number, a name, then a street word: "12 Acacia Avenue", "4b mill lane".
bool looks_like_street_address(const std::vector<std::string>& raw_words) {
    for (std::size_t i = 0; i + 2 < raw_words.size(); ++i) {
        const std::string& number = raw_words[i];
        if (number.empty() || !is_digit(number[0]) || number.size() > 5)
            continue;
        for (std::size_t j = i + 2; j < raw_words.size() && j <= i + 4; ++j) {
            if (std::ranges::find(street_words, raw_words[j]) != street_words.end())
                return true;
        }
    }
    return false;
}

// The outward code of a UK postcode, in one of its six shapes: A9, A99, AA9, AA99, A9A, AA9A ("M1",
// "B33", "SW1A").
bool is_outward_code(std::string_view out) {
    std::string shape;
    for (char c : out)
        shape += is_letter(c) ? 'A' : is_digit(c) ? '9' : '?';
    return shape == "A9" || shape == "A99" || shape == "AA9" || shape == "AA99" || shape == "A9A" ||
           shape == "AA9A";
}

// The inward code: a digit and two letters, "1AA".
bool is_inward_code(std::string_view in) {
    return in.size() == 3 && is_digit(in[0]) && is_letter(in[1]) && is_letter(in[2]);
}

// UK postcodes: "SW1A 1AA", "M1 1AE", "b33 8th", and written without the space, "SW1A1AA".
bool looks_like_postcode(std::string_view text, const std::vector<std::string>& words) {
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& word = words[i];
        if (i + 1 < words.size() && is_outward_code(word) && is_inward_code(words[i + 1]) &&
            text.find(word + " " + words[i + 1]) != std::string_view::npos)
            return true;
        if (word.size() >= 5 && word.size() <= 7 &&
            is_outward_code(std::string_view(word).substr(0, word.size() - 3)) &&
            is_inward_code(std::string_view(word).substr(word.size() - 3)))
            return true;
    }
    return false;
}

// Words as typed (lower case, split at anything but letters and digits), for the address check.
std::vector<std::string> plain_words(std::string_view text) {
    std::vector<std::string> words(1);
    for (char c : text) {
        if (is_letter(c) || is_digit(c))
            words.back() += lower(c);
        else if (!words.back().empty())
            words.emplace_back();
    }
    if (words.back().empty())
        words.pop_back();
    return words;
}

char look_alike(char c) {
    switch (c) {
    case '0':
        return 'o';
    case '1':
        return 'i';
    case '!':
        return 'i';
    case '3':
        return 'e';
    case '4':
        return 'a';
    case '@':
        return 'a';
    case '5':
        return 's';
    case '$':
        return 's';
    case '7':
        return 't';
    default:
        return lower(c);
    }
}

// A run of one letter: "uuu" in "fuuuck".
struct LetterRun {
    char letter;
    std::size_t count;
};

std::vector<LetterRun> runs_of(std::string_view word) {
    std::vector<LetterRun> runs;
    for (char c : word) {
        if (!runs.empty() && runs.back().letter == c)
            ++runs.back().count;
        else
            runs.push_back({c, 1});
    }
    return runs;
}

// "f*ck" is "fuck": each mask stands for one letter, and at least one real letter must be there.
bool matches_masked(std::string_view answer_word, std::string_view filter_word) {
    if (answer_word.size() != filter_word.size() ||
        std::ranges::all_of(answer_word, [](char c) { return c == '*'; }))
        return false;
    for (std::size_t i = 0; i < answer_word.size(); ++i) {
        if (answer_word[i] != '*' && answer_word[i] != filter_word[i])
            return false;
    }
    return true;
}

// Whether a word of an answer is a word of the filter, read through masks and stretched letters:
// "fuuuck" and "asss" are caught, but "noob" is not "nob" nor "as" "ass": a run of letters matches when it
// is as long as the filter's, or stretched to three or more.
bool same_word(std::string_view filter_word, std::string_view answer_word) {
    if (answer_word == filter_word)
        return true;
    if (answer_word.find('*') != std::string_view::npos)
        return matches_masked(answer_word, filter_word);
    const std::vector<LetterRun> answer_runs = runs_of(answer_word);
    const std::vector<LetterRun> filter_runs = runs_of(filter_word);
    if (answer_runs.size() != filter_runs.size())
        return false;
    for (std::size_t i = 0; i < answer_runs.size(); ++i) {
        const LetterRun& a = answer_runs[i];
        const LetterRun& f = filter_runs[i];
        if (a.letter != f.letter || !(a.count == f.count || (a.count >= 3 && a.count > f.count)))
            return false;
    }
    return true;
}

// The words of an answer in the form used for spelled-out addresses: "@" read as "at", "." as "dot".
std::vector<std::string> spelled_words(std::string_view text) {
    std::string spelled;
    for (char c : text)
        spelled += c == '@' ? std::string(" at ") : c == '.' ? std::string(" dot ") : std::string(1, c);
    return plain_words(spelled);
}

} // namespace

std::vector<std::string> folded_words(std::string_view text) {
    std::vector<std::string> words(1);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        // "!" ends a sentence more often than it stands for an i: only inside a word is it a letter.
        const bool inside = i + 1 < text.size() && (is_letter(text[i + 1]) || is_digit(text[i + 1]));
        const char folded = c == '!' && !inside ? ' ' : look_alike(c);
        if (is_letter(folded) || static_cast<unsigned char>(c) >= 0x80)
            words.back() += folded;
        else if (c == '*' || c == '#')
            words.back() += '*'; // a masked letter: "f*ck", "sh#t"
        else if (c == '.' || c == '-' || c == '_')
            continue; // "f.o.o", "f-o": read through the separators people use to dodge a filter
        else if (!words.back().empty())
            words.emplace_back();
    }
    if (words.back().empty())
        words.pop_back();
    return words;
}

namespace {

bool matches_word_filter(const std::vector<std::string>& words, const WordFilter& filter) {
    for (const std::vector<std::string>& phrase : filter.phrases) {
        if (phrase.size() > words.size())
            continue;
        for (std::size_t at = 0; at + phrase.size() <= words.size(); ++at) {
            if (std::equal(phrase.begin(), phrase.end(), words.begin() + static_cast<std::ptrdiff_t>(at),
                           [](const std::string& f, const std::string& a) { return same_word(f, a); }))
                return true;
        }
        // Letters run together ("youre a  b a d w o r d"): also try the whole answer without spaces.
        std::string joined_phrase, joined_words;
        for (const auto& w : phrase)
            joined_phrase += w;
        for (const auto& w : words)
            joined_words += w;
        if (phrase.size() == 1 && joined_phrase.size() >= 4 &&
            joined_words.find(joined_phrase) != std::string::npos && words.size() > 1 &&
            std::ranges::all_of(words, [](const std::string& w) { return w.size() == 1; }))
            return true;
    }
    return false;
}

} // namespace

WordFilter parse_word_filter(std::string_view text) {
    WordFilter filter;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        const std::size_t first = line.find_first_not_of(" \t\r");
        if (first == std::string_view::npos || line[first] == '#')
            continue;
        std::vector<std::string> words = folded_words(judged_form(line)); // as answers are judged
        if (!words.empty())
            filter.phrases.push_back(std::move(words));
    }
    return filter;
}

std::string held_because(std::string_view answer, const WordFilter& filter) {
    const std::string judged = judged_form(answer); // full-width, accents, other scripts' digits folded
    const std::vector<std::string> plain = plain_words(judged);
    if (looks_like_email(judged) || looks_like_spelled_out_email(spelled_words(judged)))
        return "looks like an email address";
    if (looks_like_handle(judged))
        return "looks like a social-media handle";
    if (looks_like_link(judged))
        return "looks like a web link";
    if (looks_like_phone_number(judged))
        return "looks like a phone number";
    if (looks_like_street_address(plain))
        return "looks like a street address";
    if (looks_like_postcode(judged, plain))
        return "looks like a postcode";
    return matches_word_filter(folded_words(judged), filter) ? "matches the word filter" : "";
}

} // namespace lectern
