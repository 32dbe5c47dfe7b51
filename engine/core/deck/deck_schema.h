// DeckSchema: which keys each table of a deck may hold and which it must hold (format version 1), and
// what each key's value may be. The single source of truth for unknown-key and missing-key checks, and
// for the deck's JSON Schema (deck_json_schema.h); the format guide lists the same. Pure data.
#pragma once

#include "slide_layout.h"

#include <span>
#include <string_view>

namespace lectern {

struct TableSchema {
    std::span<const std::string_view> required;
    std::span<const std::string_view> optional;
};

extern const TableSchema top_level_schema;    // deck, kiosk, slides
extern const TableSchema deck_table_schema;   // [deck]
extern const TableSchema kiosk_table_schema;  // [kiosk]
extern const TableSchema column_table_schema; // `left` and `right` of a columns slide

// Keys every slide may have, whatever its layout.
extern const std::span<const std::string_view> common_slide_keys;

// Keys whose values are words, and may be given again in another language ([slides.lang.TAG]).
extern const std::span<const std::string_view> translatable_slide_keys;

// Keys of a slide of this layout, beyond the common ones.
const TableSchema& slide_schema(SlideLayout layout);

// How to add a required key, for "missing" messages: e.g. `answer = 1 (the number of the correct option)`.
std::string_view how_to_add(std::string_view key);

bool is_known_key(const TableSchema& schema, std::string_view key);

// What a key's value may be, as the loader's readers take it (a test checks each range and choice
// against the loader itself).
enum class ValueKind {
    Text,
    TextList,
    Flag,
    WholeNumber,
    Number,
    Choice,
    Table,
    LanguageTag,
    LanguageList, // a list of language tags, none twice
    Translations, // [slides.lang.TAG] tables of translatable keys
    SlideId,
    ThemeName
};

struct KeySpec {
    std::string_view name;
    ValueKind kind = ValueKind::Text;
    std::string_view description; // in the format guide's words (slides/README.md)
    double min = 0;               // WholeNumber, Number: the smallest value; TextList: the fewest items
    double max = 0;               // ... the largest value; the most items
    std::span<const std::string_view> choices = {}; // Choice; ThemeName: the built-in themes
    std::string_view default_json = {};             // the default as JSON (and TOML) writes it, if any
};

extern const std::span<const KeySpec> deck_key_specs;   // [deck]
extern const std::span<const KeySpec> kiosk_key_specs;  // [kiosk]
extern const std::span<const KeySpec> slide_key_specs;  // every key of any slide, common or of a layout
extern const std::span<const KeySpec> column_key_specs; // `left` and `right` of a columns slide

// The spec of `key` among `specs`, or nullptr.
const KeySpec* find_key_spec(std::span<const KeySpec> specs, std::string_view key);

} // namespace lectern
