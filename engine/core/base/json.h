// Json: a small, strict JSON reader for request bodies from voters' browsers, and the writing helpers
// for the answers sent back. Pure. Strict on purpose (RFC 8259: no comments, no trailing commas, no
// duplicate keys, depth and size limited), because everything it reads comes from the network.
#pragma once

#include "expected.h"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace lectern {

struct JsonValue;
struct JsonMember;
using JsonArray = std::vector<JsonValue>;
using JsonObject = std::vector<JsonMember>; // in the order written

struct JsonValue {
    std::variant<std::nullptr_t, bool, double, std::string, JsonArray, JsonObject> value;

    bool is_null() const;
    const std::string* string() const;
    const double* number() const;
    const JsonArray* array() const;
    const JsonObject* object() const;
};

struct JsonMember {
    std::string first; // the key
    JsonValue second;  // its value
};

// Reads one JSON value filling the whole text (white space around it allowed). Strings must be valid
// UTF-8; nesting deeper than `max_depth` is refused. A Failure says where and what:
// "expected ':' after a key at character 14", ...
Expected<JsonValue> parse_json(std::string_view text, std::size_t max_depth = 16);

// The value of `key` in `object`, or null when it has none (the first, should a key repeat).
const JsonValue* member_of(const JsonObject& object, std::string_view key);

// The text as a JSON string literal, quotes included; control characters, quote and backslash escaped,
// and "<" as \u003c so the text is also safe inside an HTML page.
std::string json_string(std::string_view text);

} // namespace lectern
