// Suggestions for misspelt names ("did you mean ...?"). Pure.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace lectern {

// Edit distance counting insertions, deletions, substitutions and swaps of neighbours, ignoring case.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word`, if it is close enough to be a likely typo.
std::optional<std::string_view> closest_match(std::string_view word,
                                              std::span<const std::string_view> candidates);

// "a, b, c" for messages.
std::string join_names(std::span<const std::string_view> names, std::string_view separator = ", ");

} // namespace lectern
