#include "answer_screen.h"

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

// Seven or more digits with only spaces, dots, dashes, brackets or a plus between them.
bool looks_like_phone_number(std::string_view text) {
    int digits = 0;
    for (char c : text) {
        if (is_digit(c))
            ++digits;
        else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && c != '+')
            digits = 0;
        if (digits >= 7)
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

// UK postcodes: "SW1A 1AA", "M1 1AE", "b33 8th": an outward code of letters then a digit, a space,
// then a digit and two letters.
bool looks_like_postcode(std::string_view text) {
    const std::string low = lowered(text);
    for (std::size_t space = low.find(' '); space != std::string::npos; space = low.find(' ', space + 1)) {
        const std::string_view in(low.c_str() + space + 1, low.size() - space - 1);
        if (in.size() < 3 || !is_digit(in[0]) || !is_letter(in[1]) || !is_letter(in[2]) ||
            (in.size() > 3 && (is_letter(in[3]) || is_digit(in[3]))))
            continue;
        std::size_t start = space;
        while (start > 0 && (is_letter(low[start - 1]) || is_digit(low[start - 1])))
            --start;
        const std::string_view out(low.c_str() + start, space - start);
        if (out.size() >= 2 && out.size() <= 4 && is_letter(out[0]) && std::ranges::any_of(out, is_digit) &&
            std::ranges::count_if(out, is_letter) <= 3)
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
        else if (c == '*' || c == '.' || c == '-' || c == '_')
            continue; // "f.o.o", "f*o", "f-o": read through the separators people use to dodge a filter
        else if (!words.back().empty())
            words.emplace_back();
    }
    if (words.back().empty())
        words.pop_back();
    return words;
}

WordFilter parse_word_filter(std::string_view text) {
    WordFilter filter;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        const std::size_t first = line.find_first_not_of(" \t\r");
        if (first == std::string_view::npos || line[first] == '#')
            continue;
        std::vector<std::string> words = folded_words(line);
        if (!words.empty())
            filter.phrases.push_back(std::move(words));
    }
    return filter;
}

std::string held_because(std::string_view answer, const WordFilter& filter) {
    if (looks_like_email(answer))
        return "looks like an email address";
    if (looks_like_link(answer))
        return "looks like a web link";
    if (looks_like_phone_number(answer))
        return "looks like a phone number";
    if (looks_like_street_address(plain_words(answer)))
        return "looks like a street address";
    if (looks_like_postcode(answer))
        return "looks like a postcode";
    const std::vector<std::string> words = folded_words(answer);
    for (const std::vector<std::string>& phrase : filter.phrases) {
        if (phrase.size() > words.size())
            continue;
        for (std::size_t at = 0; at + phrase.size() <= words.size(); ++at) {
            if (std::equal(phrase.begin(), phrase.end(), words.begin() + static_cast<std::ptrdiff_t>(at)))
                return "matches the word filter";
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
            return "matches the word filter";
    }
    return {};
}

} // namespace lectern
