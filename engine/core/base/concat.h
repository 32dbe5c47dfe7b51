// concat: builds a message from text and numbers, e.g. concat("slide ", 4, " has ", 9, " bullets").
// GCC 12 has no <format>; this covers what our messages need. Pure.
#pragma once

#include <concepts>
#include <string>
#include <string_view>

namespace lectern {

// Whole numbers print without a decimal point; others with up to six significant digits.
std::string number_text(double value);

namespace detail {
inline void append(std::string& out, std::string_view part) {
    out += part;
}
inline void append(std::string& out, char part) {
    out += part;
}
template <std::integral Integer>
requires(!std::same_as<Integer, char> && !std::same_as<Integer, bool>) void append(std::string& out,
                                                                                   Integer part) {
    out += std::to_string(part);
}
inline void append(std::string& out, double part) {
    out += number_text(part);
}
} // namespace detail

template <typename... Parts>
std::string concat(const Parts&... parts) {
    std::string out;
    (detail::append(out, parts), ...);
    return out;
}

// `"text"`: the text in double quotes, as it appears in a deck.
inline std::string in_quotes(std::string_view text) {
    return concat('"', text, '"');
}

} // namespace lectern
