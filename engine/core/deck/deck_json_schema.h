// The deck format as a JSON Schema (draft 2020-12), written from the loader's own schema table
// (deck_schema.h), for editors that check TOML against a schema while the teacher types (Taplo, VS Code's
// Even Better TOML). What a schema cannot say (ids unique in a deck, an answer within its options, a
// picture that exists) stays with `lectern check`. Pure.
#pragma once

#include <string>

namespace lectern {

// The schema as indented JSON text ending in a newline; the same text every time (it is kept in the
// repository as slides/lectern-deck.schema.json, and a test keeps the two equal).
std::string deck_json_schema();

} // namespace lectern
