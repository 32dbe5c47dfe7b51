// DeckLoader: reads a deck file (TOML, format version 1) into a validated Deck, reporting every
// problem of the file in one pass as Diagnostics with file:line:column. A Deck is returned only when
// there are no errors, so a broken edit can never replace a working deck. Pure: standard library and
// toml++ only; never throws for bad input.
#pragma once

#include "core/base/diagnostic.h"
#include "deck.h"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lectern {

// `check` treats a missing or unreadable picture as an error; presenting and rendering go on with a
// placeholder that shows the alt text, so one bad picture never stops the show.
enum class PictureProblems { AreErrors, AreWarnings };

struct DeckLoadOptions {
    // Says why a picture file cannot be shown, or returns "" when it can. Every picture is first checked
    // to be a regular file, probed (probe_image_file) and measured (picture_size_problem); adapters may
    // add a real decode here, which then never sees a file that failed those checks.
    std::function<std::string(const std::filesystem::path&)> check_image;
    PictureProblems picture_problems = PictureProblems::AreErrors;
};

struct DeckLoadResult {
    std::optional<Deck> deck;            // present only when there are no errors
    std::vector<Diagnostic> diagnostics; // errors and warnings, in file order

    bool ok() const { return deck.has_value(); }
};

// `display_name` is how messages name the file (default: the path as given).
DeckLoadResult load_deck_file(const std::filesystem::path& path, const DeckLoadOptions& options = {});

// Loads deck text that came from `display_name`; relative paths resolve against `folder`.
DeckLoadResult load_deck_text(std::string_view text, const std::string& display_name,
                              const std::filesystem::path& folder, const DeckLoadOptions& options = {});

} // namespace lectern
