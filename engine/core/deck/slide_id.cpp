#include "slide_id.h"

namespace lectern {

namespace {
constexpr std::size_t max_slug_chars = 48;
constexpr std::size_t max_id_chars = 64;

bool is_ascii_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
} // namespace

std::string slug_of(std::string_view text) {
    std::string slug;
    bool pending_hyphen = false;
    for (char c : text) {
        if (!is_ascii_alnum(c)) {
            pending_hyphen = !slug.empty();
            continue;
        }
        if (pending_hyphen) {
            if (slug.size() + 2 > max_slug_chars)
                break;
            slug += '-';
            pending_hyphen = false;
        }
        if (slug.size() + 1 > max_slug_chars)
            break;
        slug += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return slug;
}

bool is_valid_slide_id(std::string_view id) {
    if (id.empty() || id.size() > max_id_chars)
        return false;
    for (char c : id) {
        const bool allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!allowed)
            return false;
    }
    return id.front() != '-' && id.front() != '_';
}

} // namespace lectern
