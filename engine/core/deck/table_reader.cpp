#include "table_reader.h"

#include "core/base/concat.h"
#include "core/base/suggestion.h"

#include <algorithm>
#include <cmath>

namespace lectern {

SourcePosition position_of(const toml::source_region& region) {
    return {static_cast<std::uint32_t>(region.begin.line), static_cast<std::uint32_t>(region.begin.column)};
}

SourcePosition position_of(const toml::node& node) {
    return position_of(node.source());
}

std::string_view describe_type(const toml::node& node) {
    switch (node.type()) {
    case toml::node_type::string:
        return "text";
    case toml::node_type::integer:
        return "a whole number";
    case toml::node_type::floating_point:
        return "a number with a decimal point";
    case toml::node_type::boolean:
        return "true or false";
    case toml::node_type::array:
        return "a list";
    case toml::node_type::table:
        return "a table";
    case toml::node_type::date:
    case toml::node_type::time:
    case toml::node_type::date_time:
        return "a date or time";
    case toml::node_type::none:
        break;
    }
    return "nothing";
}

TableReader::TableReader(const toml::table& table, std::string where, DiagnosticSink& sink)
    : m_table(table), m_where(std::move(where)), m_sink(sink) {
}

SourcePosition TableReader::key_position(std::string_view key) const {
    for (const auto& [k, node] : m_table) {
        if (k.str() == key)
            return position_of(k.source());
    }
    return table_position();
}

SourcePosition TableReader::value_position(std::string_view key) const {
    if (const toml::node* node = m_table.get(key))
        return position_of(*node);
    return table_position();
}

void TableReader::check_keys(const TableSchema& schema, std::span<const std::string_view> extra_known,
                             std::string_view table_kind) {
    std::vector<std::string_view> known(schema.required.begin(), schema.required.end());
    known.insert(known.end(), schema.optional.begin(), schema.optional.end());
    known.insert(known.end(), extra_known.begin(), extra_known.end());

    for (const auto& [key, node] : m_table) {
        const std::string_view name = key.str();
        if (std::ranges::find(known, name) != known.end())
            continue;
        std::string message = concat("unknown key ", in_quotes(name), " in ", m_where);
        if (auto suggestion = closest_match(name, known))
            message += concat("; did you mean ", in_quotes(*suggestion), "?");
        else
            message += concat("; ", table_kind, " takes ", join_names(known));
        m_sink.error(position_of(key.source()), std::move(message));
    }
    for (std::string_view required : schema.required) {
        if (!m_table.contains(required))
            m_sink.error(table_position(), concat(m_where, " is missing ", in_quotes(required), "; add ",
                                                  how_to_add(required)));
    }
}

void TableReader::wrong_type(std::string_view key, const toml::node& node, std::string_view expected) {
    m_sink.error(position_of(node), concat(in_quotes(key), " in ", m_where, " must be ", expected, "; found ",
                                           describe_type(node)));
}

std::optional<std::string> TableReader::text(std::string_view key) {
    const toml::node* node = m_table.get(key);
    if (!node)
        return std::nullopt;
    const auto* value = node->as_string();
    if (!value) {
        wrong_type(key, *node, concat("text in quotes, like ", key, " = \"...\""));
        return std::nullopt;
    }
    if (value->get().find_first_not_of(" \t\r\n") == std::string::npos) {
        m_sink.error(position_of(*node),
                     concat(in_quotes(key), " in ", m_where,
                            " is empty; write some text between the quotes, or remove the line"));
        return std::nullopt;
    }
    return value->get();
}

std::optional<std::vector<std::string>> TableReader::text_list(std::string_view key, std::size_t min_items,
                                                               std::size_t max_items,
                                                               std::string_view too_many_hint) {
    const toml::node* node = m_table.get(key);
    if (!node)
        return std::nullopt;
    const auto* array = node->as_array();
    if (!array) {
        wrong_type(key, *node, concat("a list of text, like ", key, " = [\"first\", \"second\"]"));
        return std::nullopt;
    }
    std::vector<std::string> items;
    bool all_good = true;
    for (std::size_t i = 0; i < array->size(); ++i) {
        const toml::node& item = *array->get(i);
        const auto* value = item.as_string();
        if (!value) {
            m_sink.error(position_of(item), concat("item ", i + 1, " of ", in_quotes(key), " in ", m_where,
                                                   " must be text in quotes; found ", describe_type(item)));
            all_good = false;
        } else if (value->get().find_first_not_of(" \t\r\n") == std::string::npos) {
            m_sink.error(position_of(item), concat("item ", i + 1, " of ", in_quotes(key), " in ", m_where,
                                                   " is empty; write some text or remove it"));
            all_good = false;
        } else {
            items.push_back(value->get());
        }
    }
    if (array->size() < min_items || array->size() > max_items) {
        std::string message =
            concat(in_quotes(key), " in ", m_where, " has ", array->size(),
                   array->size() == 1 ? " item" : " items", "; it takes ", min_items, " to ", max_items);
        if (array->size() > max_items && !too_many_hint.empty())
            message += concat(" (", too_many_hint, ")");
        m_sink.error(position_of(*node), std::move(message));
        return std::nullopt;
    }
    if (!all_good)
        return std::nullopt;
    return items;
}

std::optional<bool> TableReader::flag(std::string_view key) {
    const toml::node* node = m_table.get(key);
    if (!node)
        return std::nullopt;
    if (const auto* value = node->as_boolean())
        return value->get();
    wrong_type(key, *node, concat("true or false, without quotes, like ", key, " = true"));
    return std::nullopt;
}

std::optional<std::int64_t> TableReader::whole_number(std::string_view key, std::int64_t min,
                                                      std::int64_t max) {
    const toml::node* node = m_table.get(key);
    if (!node)
        return std::nullopt;
    const auto* value = node->as_integer();
    if (!value) {
        wrong_type(key, *node, concat("a whole number without quotes, like ", key, " = ", min));
        return std::nullopt;
    }
    if (value->get() < min || value->get() > max) {
        m_sink.error(position_of(*node),
                     concat(key, " = ", value->get(), " in ", m_where,
                            " is out of range; use a whole number from ", min, " to ", max));
        return std::nullopt;
    }
    return value->get();
}

std::optional<double> TableReader::number(std::string_view key, double min, double max) {
    const toml::node* node = m_table.get(key);
    if (!node)
        return std::nullopt;
    std::optional<double> number;
    if (const auto* integer = node->as_integer())
        number = static_cast<double>(integer->get());
    else if (const auto* floating = node->as_floating_point())
        number = floating->get();
    if (!number) {
        wrong_type(key, *node, concat("a number without quotes, like ", key, " = ", min));
        return std::nullopt;
    }
    if (!(*number >= min && *number <= max)) {
        m_sink.error(position_of(*node), concat(key, " = ", *number, " in ", m_where,
                                                " is out of range; use a number from ", min, " to ", max));
        return std::nullopt;
    }
    return number;
}

std::optional<std::string> TableReader::choice(std::string_view key,
                                               std::span<const std::string_view> choices) {
    const toml::node* node = m_table.get(key);
    if (!node)
        return std::nullopt;
    std::string listed;
    for (std::string_view c : choices)
        listed += concat(listed.empty() ? "" : ", ", in_quotes(c));
    const auto* value = node->as_string();
    if (!value) {
        wrong_type(key, *node, concat("one of ", listed, ", in quotes"));
        return std::nullopt;
    }
    const std::string& given = value->get();
    if (std::ranges::find(choices, given) != choices.end())
        return given;
    std::string message = concat(key, " = ", in_quotes(given), " in ", m_where, " is not one of ", listed);
    if (auto suggestion = closest_match(given, choices))
        message += concat("; did you mean ", in_quotes(*suggestion), "?");
    m_sink.error(position_of(*node), std::move(message));
    return std::nullopt;
}

std::optional<Colour> TableReader::colour(std::string_view key) {
    const toml::node* node = m_table.get(key);
    if (!node)
        return std::nullopt;
    const auto* value = node->as_string();
    std::optional<Colour> colour = value ? colour_from_hex(value->get()) : std::nullopt;
    if (!colour)
        m_sink.error(position_of(*node),
                     concat(in_quotes(key), " in ", m_where,
                            " must be a colour written as \"#rrggbb\", like ", key, " = \"#1d2b53\""));
    return colour;
}

const toml::table* TableReader::subtable(std::string_view key, std::string_view example) {
    const toml::node* node = m_table.get(key);
    if (!node)
        return nullptr;
    if (const auto* table = node->as_table())
        return table;
    wrong_type(key, *node, concat("a table, like ", example));
    return nullptr;
}

} // namespace lectern
