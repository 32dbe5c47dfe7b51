// Helpers for the tests of the lessons Lectern ships in slides/: loading them and counting words.
#pragma once

#include "core/deck/deck_loader.h"
#include "test_files.h"

#include <doctest/doctest.h>

#include <array>
#include <sstream>
#include <string>

namespace lectern::test {

inline constexpr std::array<const char*, 4> lesson_deck_names{"qzone-pupils.toml", "qzone-parents.toml",
                                                              "qzone-corridor.toml", "qzone-assembly.toml"};

inline Deck load_shipped(const std::string& name) {
    DeckLoadResult result = load_deck_file(source_dir() / "slides" / name);
    REQUIRE_MESSAGE(result.ok(), name << " does not load");
    return std::move(*result.deck);
}

inline std::size_t words_in(const std::string& text) {
    std::istringstream in(text);
    std::size_t words = 0;
    for (std::string word; in >> word;)
        ++words;
    return words;
}

} // namespace lectern::test
