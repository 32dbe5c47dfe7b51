// HeaderText: the optional white space around an HTTP header's value or a part of it (RFC 9110's OWS:
// spaces and tabs), taken off the same way wherever Lectern reads one: the voting server's request policy
// and a phone's Accept-Language. Pure.
#pragma once

#include <string_view>

namespace lectern {

inline std::string_view without_optional_space(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

} // namespace lectern
