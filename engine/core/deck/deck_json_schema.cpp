#include "deck_json_schema.h"

#include "core/base/concat.h"
#include "core/base/json.h"
#include "deck_schema.h"
#include "slide_layout.h"

#include <algorithm>
#include <initializer_list>

namespace lectern {

namespace {

// Text that is not only white space, as TableReader::text takes it.
constexpr std::string_view not_blank = "\\S";
// A BCP 47 tag in outline, as the loader's is_language_tag checks it.
constexpr std::string_view language_tag = "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$";
// What is_valid_slide_id accepts.
constexpr std::string_view slide_id = "^[a-z0-9][a-z0-9_-]{0,63}$";

JsonValue text(std::string_view value) {
    return {std::string(value)};
}

JsonValue object(std::initializer_list<JsonMember> members) {
    return {JsonObject(members)};
}

JsonValue names(std::span<const std::string_view> values) {
    JsonArray list;
    for (std::string_view value : values)
        list.push_back(text(value));
    return {std::move(list)};
}

JsonValue value_schema(const KeySpec& key) {
    JsonObject schema;
    switch (key.kind) {
    case ValueKind::Text:
        schema = {{"type", text("string")}, {"pattern", text(not_blank)}};
        break;
    case ValueKind::TextList:
        schema = {{"type", text("array")},
                  {"items", object({{"type", text("string")}, {"pattern", text(not_blank)}})},
                  {"minItems", {key.min}},
                  {"maxItems", {key.max}}};
        break;
    case ValueKind::Flag:
        schema = {{"type", text("boolean")}};
        break;
    case ValueKind::WholeNumber:
    case ValueKind::Number:
        schema = {{"type", text(key.kind == ValueKind::WholeNumber ? "integer" : "number")},
                  {"minimum", {key.min}},
                  {"maximum", {key.max}}};
        break;
    case ValueKind::Choice:
        schema = {{"type", text("string")}, {"enum", names(key.choices)}};
        break;
    case ValueKind::Table:
        schema = {{"$ref", text("#/$defs/column")}};
        break;
    case ValueKind::LanguageTag:
        schema = {{"type", text("string")}, {"pattern", text(language_tag)}};
        break;
    case ValueKind::LanguageList:
        schema = {{"type", text("array")},
                  {"items", object({{"type", text("string")}, {"pattern", text(language_tag)}})},
                  {"minItems", {1.0}},
                  {"uniqueItems", {true}}};
        break;
    case ValueKind::Translations:
        schema = {{"type", text("object")},
                  {"propertyNames", object({{"pattern", text(language_tag)}})},
                  {"additionalProperties", object({{"$ref", text("#/$defs/translation")}})}};
        break;
    case ValueKind::SlideId:
        schema = {{"type", text("string")}, {"pattern", text(slide_id)}};
        break;
    case ValueKind::ThemeName: // a built-in theme, or a theme file: a path ending in .toml or with a folder
        schema = {{"type", text("string")},
                  {"anyOf",
                   {JsonArray{object({{"enum", names(key.choices)}}), object({{"pattern", text("\\.toml$")}}),
                              object({{"pattern", text("/")}})}}}};
        break;
    }
    schema.insert(schema.begin(), {"description", text(key.description)});
    if (!key.default_json.empty())
        schema.push_back({"default", parse_json(key.default_json).value()});
    return {std::move(schema)};
}

JsonValue properties(std::span<const KeySpec> keys) {
    JsonObject members;
    for (const KeySpec& key : keys)
        members.push_back({std::string(key.name), value_schema(key)});
    return {std::move(members)};
}

// A table whose keys are exactly those of `keys`, `required` among them.
JsonValue table_schema(std::string_view description, std::span<const KeySpec> keys,
                       std::span<const std::string_view> required) {
    JsonObject schema{{"description", text(description)},
                      {"type", text("object")},
                      {"properties", properties(keys)},
                      {"additionalProperties", {false}}};
    if (!required.empty())
        schema.push_back({"required", names(required)});
    return {std::move(schema)};
}

// A quiz's answer counts its options: with n options it is at most n.
JsonValue answer_within_options() {
    const KeySpec& options = *find_key_spec(slide_key_specs, "options");
    JsonArray rules;
    for (double n = options.min; n < options.max; ++n)
        rules.push_back(
            object({{"if", object({{"properties", object({{"options", object({{"maxItems", {n}}})}})},
                                   {"required", {JsonArray{text("options")}}}})},
                    {"then", object({{"properties", object({{"answer", object({{"maximum", {n}}})}})}})}}));
    return {std::move(rules)};
}

// On a slide of one layout: its required keys, and only its own keys and the common ones.
JsonValue layout_rule(SlideLayout layout) {
    const TableSchema& own = slide_schema(layout);
    std::vector<std::string_view> allowed(common_slide_keys.begin(), common_slide_keys.end());
    allowed.insert(allowed.end(), own.required.begin(), own.required.end());
    allowed.insert(allowed.end(), own.optional.begin(), own.optional.end());
    JsonObject then{{"propertyNames", object({{"enum", names(allowed)}})}};
    if (layout == SlideLayout::Quiz)
        then.push_back({"allOf", answer_within_options()});
    if (!own.required.empty())
        then.insert(then.begin(), {"required", names(own.required)});
    return object(
        {{"if", object({{"properties", object({{"layout", object({{"const", text(name_of(layout))}})}})},
                        {"required", {JsonArray{text("layout")}}}})},
         {"then", {std::move(then)}}});
}

JsonValue slide_schema_json() {
    JsonArray rules;
    for (std::size_t i = 0; i < slide_layout_names.size(); ++i)
        rules.push_back(layout_rule(static_cast<SlideLayout>(i)));
    return object({{"description", text("Each slide starts with a [[slides]] line. Every slide must have a "
                                        "layout, which says what kind of slide it is.")},
                   {"type", text("object")},
                   {"properties", properties(slide_key_specs)},
                   {"additionalProperties", {false}},
                   {"required", {JsonArray{text("layout")}}},
                   {"allOf", {std::move(rules)}}});
}

// One [slides.lang.TAG] table: any of the slide's text keys, as the slide itself takes them.
JsonValue translation_schema() {
    JsonObject members;
    for (std::string_view key : translatable_slide_keys)
        members.push_back({std::string(key), value_schema(*find_key_spec(slide_key_specs, key))});
    return object(
        {{"description", text("A slide's words in one other language of the deck: [slides.lang.pl]. "
                              "A list has as many items as the slide's own.")},
         {"type", text("object")},
         {"properties", {std::move(members)}},
         {"additionalProperties", {false}}});
}

bool is_scalar(const JsonValue& value) {
    return !value.array() && !value.object();
}

// Indented two spaces a level; a list of plain values stays on one line.
void write(const JsonValue& value, int depth, std::string& out) {
    const std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
    if (const std::string* string = value.string()) {
        out += json_string(*string);
    } else if (const double* number = value.number()) {
        out += number_text(*number);
    } else if (const auto* flag = std::get_if<bool>(&value.value)) {
        out += *flag ? "true" : "false";
    } else if (const JsonArray* array = value.array()) {
        const bool flat = std::ranges::all_of(*array, is_scalar);
        out += '[';
        for (std::size_t i = 0; i < array->size(); ++i) {
            out += i == 0 ? "" : ",";
            out += flat ? (i == 0 ? "" : " ") : concat('\n', indent, "  ");
            write((*array)[i], depth + 1, out);
        }
        out += flat || array->empty() ? "]" : concat('\n', indent, ']');
    } else if (const JsonObject* members = value.object()) {
        out += '{';
        for (std::size_t i = 0; i < members->size(); ++i) {
            out += concat(i == 0 ? "" : ",", '\n', indent, "  ", json_string((*members)[i].first), ": ");
            write((*members)[i].second, depth + 1, out);
        }
        out += members->empty() ? "}" : concat('\n', indent, '}');
    } else {
        out += "null";
    }
}

} // namespace

std::string deck_json_schema() {
    const JsonValue schema = object({
        {"$schema", text("https://json-schema.org/draft/2020-12/schema")},
        {"title", text("Lectern deck, format version 1")},
        {"description",
         text("A Lectern deck: one [deck] table, an optional [kiosk] table and [[slides]] tables. "
              "The format guide is slides/README.md; lectern check DECK.toml checks what a "
              "schema cannot (unique ids, pictures, text that fits the room).")},
        {"type", text("object")},
        {"properties",
         object({{"deck", object({{"$ref", text("#/$defs/deck")}})},
                 {"kiosk", object({{"$ref", text("#/$defs/kiosk")}})},
                 {"slides", object({{"description", text("The slides, in order: one [[slides]] table each.")},
                                    {"type", text("array")},
                                    {"minItems", {1.0}},
                                    {"items", object({{"$ref", text("#/$defs/slide")}})}})}})},
        {"required", {JsonArray{text("deck"), text("slides")}}},
        {"additionalProperties", {false}},
        {"$defs",
         object({{"deck", table_schema("Every deck starts with a [deck] line. The keys below it describe the "
                                       "whole deck. Only title is required.",
                                       deck_key_specs, deck_table_schema.required)},
                 {"kiosk", table_schema("How the deck runs by itself when presented with --kiosk.",
                                        kiosk_key_specs, kiosk_table_schema.required)},
                 {"column", table_schema("One column of a columns slide: [slides.left] or [slides.right].",
                                         column_key_specs, column_table_schema.required)},
                 {"slide", slide_schema_json()},
                 {"translation", translation_schema()}})},
    });
    std::string out;
    write(schema, 0, out);
    return out + '\n';
}

} // namespace lectern
