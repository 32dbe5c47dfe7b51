// DeckSchema: which keys each table of a deck may hold and which it must hold (format version 1).
// The single source of truth for unknown-key and missing-key checks; the format guide lists the same.
// Pure data.
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

// Keys of a slide of this layout, beyond the common ones.
const TableSchema& slide_schema(SlideLayout layout);

// How to add a required key, for "missing" messages: e.g. `answer = 1 (the number of the correct option)`.
std::string_view how_to_add(std::string_view key);

bool is_known_key(const TableSchema& schema, std::string_view key);

} // namespace lectern
