// TranslationReader: reads a slide's [slides.lang.TAG] tables into SlideTranslations, checking that each
// language is one of the deck's, each key is text the slide has, and each list is as long as the
// original; then warns about the words a listed language leaves in the original. Private to the deck
// loader (it sees toml++ nodes).
#pragma once

#include "deck.h"
#include "table_reader.h"

#include <string>
#include <vector>

namespace lectern {

// `languages` are the deck's, the one it is written in first. Reads `lang` from the slide's table.
void read_translations(TableReader& slide_reader, Slide& slide, const std::vector<std::string>& languages);

} // namespace lectern
