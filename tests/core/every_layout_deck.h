// tests/decks/valid/every-layout.toml, loaded once: the deck with every layout and key that the core
// tests read slides from.
#pragma once

#include "core/deck/deck_loader.h"
#include "test_files.h"

#include <doctest/doctest.h>

namespace lectern::test {

inline const Deck& every_layout_deck() {
    static const Deck deck = [] {
        DeckLoadResult result = load_deck_file(source_dir() / "tests/decks/valid/every-layout.toml");
        REQUIRE(result.ok());
        return std::move(*result.deck);
    }();
    return deck;
}

} // namespace lectern::test
