#include "suggestion.h"

#include <algorithm>
#include <vector>

namespace lectern {

namespace {
char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
} // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
    // Optimal string alignment distance over three rolling rows.
    const std::size_t n = b.size();
    std::vector<std::size_t> before(n + 1), previous(n + 1), current(n + 1);
    for (std::size_t j = 0; j <= n; ++j)
        previous[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= n; ++j) {
            const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1]))
                current[j] = std::min(current[j], before[j - 2] + 1);
        }
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return previous[n];
}

std::optional<std::string_view> closest_match(std::string_view word,
                                              std::span<const std::string_view> candidates) {
    // A typo changes about one character in four; short words get one edit.
    const std::size_t allowed = std::clamp<std::size_t>(word.size() / 4, 1, 3);
    std::optional<std::string_view> best;
    std::size_t best_distance = allowed + 1;
    for (std::string_view candidate : candidates) {
        const std::size_t distance = edit_distance(word, candidate);
        if (distance < best_distance) {
            best = candidate;
            best_distance = distance;
        }
    }
    return best;
}

std::string join_names(std::span<const std::string_view> names, std::string_view separator) {
    std::string out;
    for (std::string_view name : names) {
        if (!out.empty())
            out += separator;
        out += name;
    }
    return out;
}

} // namespace lectern
