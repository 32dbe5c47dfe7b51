// TableReader: reads typed values out of one TOML table of a deck, reporting every wrong type,
// empty text, out-of-range value, unknown key and missing key as a Diagnostic with its position.
// Private to the deck loader: the only place in Lectern that touches toml++ nodes.
#pragma once

#include "colour.h"
#include "core/base/diagnostic.h"
#include "deck_schema.h"

#include <toml++/toml.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lectern {

SourcePosition position_of(const toml::source_region& region);
SourcePosition position_of(const toml::node& node);

// "text", "a whole number", "true or false", ... as a teacher would call a TOML value.
std::string_view describe_type(const toml::node& node);

class TableReader {
public:
    // `where` names the table in messages: "slide 4", "the [deck] table", "the left column of slide 2".
    TableReader(const toml::table& table, std::string where, DiagnosticSink& sink);

    const toml::table& table() const { return m_table; }
    const std::string& where() const { return m_where; }
    SourcePosition table_position() const { return position_of(m_table); }
    SourcePosition key_position(std::string_view key) const;
    SourcePosition value_position(std::string_view key) const;
    bool has(std::string_view key) const { return m_table.contains(key); }

    // Reports keys the schema does not know (with a suggestion) and required keys that are missing.
    // `also_valid` lists keys known elsewhere (other layouts) to explain instead of guessing.
    void check_keys(const TableSchema& schema, std::span<const std::string_view> extra_known,
                    std::string_view table_kind);

    // Each reader returns nothing when the key is absent or its value is wrong (after reporting).
    std::optional<std::string> text(std::string_view key);
    std::optional<std::vector<std::string>> text_list(std::string_view key, std::size_t min_items,
                                                      std::size_t max_items, std::string_view too_many_hint);
    std::optional<bool> flag(std::string_view key);
    std::optional<std::int64_t> whole_number(std::string_view key, std::int64_t min, std::int64_t max);
    std::optional<double> number(std::string_view key, double min, double max);
    std::optional<std::string> choice(std::string_view key, std::span<const std::string_view> choices);
    std::optional<Colour> colour(std::string_view key);
    const toml::table* subtable(std::string_view key, std::string_view example);

    DiagnosticSink& sink() { return m_sink; }

private:
    void wrong_type(std::string_view key, const toml::node& node, std::string_view expected);

    const toml::table& m_table;
    std::string m_where;
    DiagnosticSink& m_sink;
};

} // namespace lectern
