#include "json.h"

#include "concat.h"
#include "core/text/utf8.h"
#include "hex_digit.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <optional>

namespace lectern {

bool JsonValue::is_null() const {
    return std::holds_alternative<std::nullptr_t>(value);
}
const std::string* JsonValue::string() const {
    return std::get_if<std::string>(&value);
}
const double* JsonValue::number() const {
    return std::get_if<double>(&value);
}
const JsonArray* JsonValue::array() const {
    return std::get_if<JsonArray>(&value);
}
const JsonObject* JsonValue::object() const {
    return std::get_if<JsonObject>(&value);
}

namespace {

// Whether a number in JSON's grammar is 1 or more in magnitude, from its digits alone: from_chars reports
// a number too large for a double and one too small for any the same way, as out of range.
bool at_least_one(std::string_view text) {
    if (text.starts_with('-'))
        text.remove_prefix(1);
    const std::size_t e = std::min(text.find_first_of("eE"), text.size());
    long long exponent = 0;
    if (e < text.size()) {
        std::string_view digits = text.substr(e + 1);
        if (digits.starts_with('+'))
            digits.remove_prefix(1);
        if (std::from_chars(digits.data(), digits.data() + digits.size(), exponent).ec != std::errc())
            return !digits.starts_with('-'); // an exponent beyond long long decides alone
    }
    const std::string_view mantissa = text.substr(0, e);
    const std::size_t point = std::min(mantissa.find('.'), mantissa.size());
    if (mantissa[0] != '0') // JSON's whole part has no leading zeros: this one is 1 or more
        return exponent >= 1 - static_cast<long long>(point);
    const std::size_t first = mantissa.find_first_not_of('0', point + 1);
    return first != std::string_view::npos && exponent >= static_cast<long long>(first - point);
}

// A number's value, read alike in every locale (strtod stops at the '.' of "2.5" where the decimal mark
// is a comma). Nothing when it is too large for a double; one too small for any is zero of its sign, as
// strtod read it.
std::optional<double> number_value(std::string_view text) {
    double value = 0;
    const std::errc error = std::from_chars(text.data(), text.data() + text.size(), value).ec;
    if (error == std::errc())
        return value;
    if (error != std::errc::result_out_of_range || at_least_one(text))
        return std::nullopt;
    return text.starts_with('-') ? -0.0 : 0.0;
}

class JsonReader {
public:
    JsonReader(std::string_view text, std::size_t max_depth) : m_text(text), m_max_depth(max_depth) {}

    Expected<JsonValue> read() {
        skip_space();
        JsonValue value;
        if (!read_value(value, 0))
            return Failure{m_error};
        skip_space();
        if (m_at != m_text.size())
            return Failure{concat("unexpected text after the end at character ", m_at + 1)};
        return value;
    }

private:
    bool fail(std::string_view what) {
        if (m_error.empty())
            m_error = m_at >= m_text.size() ? concat(what, " at the end of the text")
                                            : concat(what, " at character ", m_at + 1);
        return false;
    }

    void skip_space() {
        while (m_at < m_text.size() &&
               (m_text[m_at] == ' ' || m_text[m_at] == '\t' || m_text[m_at] == '\n' || m_text[m_at] == '\r'))
            ++m_at;
    }

    bool take(char c) {
        if (m_at < m_text.size() && m_text[m_at] == c) {
            ++m_at;
            return true;
        }
        return false;
    }

    bool take_word(std::string_view word) {
        if (m_text.substr(m_at, word.size()) != word)
            return false;
        m_at += word.size();
        return true;
    }

    bool read_value(JsonValue& out, std::size_t depth) {
        if (depth > m_max_depth)
            return fail("nested too deeply");
        if (m_at >= m_text.size())
            return fail("expected a value");
        const char c = m_text[m_at];
        if (c == '{')
            return read_object(out, depth);
        if (c == '[')
            return read_array(out, depth);
        if (c == '"') {
            std::string text;
            if (!read_string(text))
                return false;
            out.value = std::move(text);
            return true;
        }
        if (take_word("true")) {
            out.value = true;
            return true;
        }
        if (take_word("false")) {
            out.value = false;
            return true;
        }
        if (take_word("null")) {
            out.value = nullptr;
            return true;
        }
        if (c == '-' || (c >= '0' && c <= '9'))
            return read_number(out);
        return fail("expected a value");
    }

    bool read_object(JsonValue& out, std::size_t depth) {
        ++m_at; // {
        JsonObject object;
        skip_space();
        if (take('}')) {
            out.value = std::move(object);
            return true;
        }
        while (true) {
            skip_space();
            if (m_at >= m_text.size() || m_text[m_at] != '"')
                return fail("expected a key in quotes");
            std::string key;
            if (!read_string(key))
                return false;
            for (const auto& [seen, value] : object) {
                if (seen == key)
                    return fail(concat("the key \"", key, "\" appears twice"));
            }
            skip_space();
            if (!take(':'))
                return fail("expected ':' after a key");
            skip_space();
            JsonValue value;
            if (!read_value(value, depth + 1))
                return false;
            object.push_back({std::move(key), std::move(value)});
            skip_space();
            if (take('}'))
                break;
            if (!take(','))
                return fail("expected ',' or '}'");
        }
        out.value = std::move(object);
        return true;
    }

    bool read_array(JsonValue& out, std::size_t depth) {
        ++m_at; // [
        JsonArray array;
        skip_space();
        if (take(']')) {
            out.value = std::move(array);
            return true;
        }
        while (true) {
            skip_space();
            JsonValue value;
            if (!read_value(value, depth + 1))
                return false;
            array.push_back(std::move(value));
            skip_space();
            if (take(']'))
                break;
            if (!take(','))
                return fail("expected ',' or ']'");
        }
        out.value = std::move(array);
        return true;
    }

    bool read_number(JsonValue& out) {
        const std::size_t start = m_at;
        take('-');
        auto digits = [this] {
            const std::size_t from = m_at;
            while (m_at < m_text.size() && m_text[m_at] >= '0' && m_text[m_at] <= '9')
                ++m_at;
            return m_at - from;
        };
        const std::size_t whole_start = m_at;
        const std::size_t whole = digits();
        if (whole == 0)
            return fail("expected a digit");
        if (whole > 1 && m_text[whole_start] == '0')
            return fail("a number cannot start with 0");
        if (take('.') && digits() == 0)
            return fail("expected a digit after '.'");
        if (take('e') || take('E')) {
            if (!take('+'))
                take('-');
            if (digits() == 0)
                return fail("expected a digit in the exponent");
        }
        const std::optional<double> value = number_value(m_text.substr(start, m_at - start));
        if (!value)
            return fail("the number is too large");
        out.value = *value;
        return true;
    }

    bool read_hex4(char32_t& out) {
        out = 0;
        for (int i = 0; i < 4; ++i) {
            const int digit = m_at < m_text.size() ? hex_digit_value(m_text[m_at]) : -1;
            if (digit < 0)
                return fail("expected four hex digits after \\u");
            out = out * 16 + static_cast<char32_t>(digit);
            ++m_at;
        }
        return true;
    }

    bool read_string(std::string& out) {
        ++m_at; // "
        const std::size_t start = m_at;
        while (true) {
            if (m_at >= m_text.size())
                return fail("the text in quotes is not closed");
            const char c = m_text[m_at];
            if (c == '"') {
                ++m_at;
                break;
            }
            if (static_cast<unsigned char>(c) < 0x20)
                return fail("a control character inside quotes (write it as \\n or \\t)");
            if (c != '\\') {
                out += c;
                ++m_at;
                continue;
            }
            ++m_at;
            if (m_at >= m_text.size())
                return fail("the text in quotes is not closed");
            const char escape = m_text[m_at++];
            switch (escape) {
            case '"':
                out += '"';
                break;
            case '\\':
                out += '\\';
                break;
            case '/':
                out += '/';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'u': {
                char32_t code = 0;
                if (!read_hex4(code))
                    return false;
                if (code >= 0xD800 && code <= 0xDBFF) {
                    char32_t low = 0;
                    if (!take('\\') || !take('u') || !read_hex4(low) || low < 0xDC00 || low > 0xDFFF)
                        return fail("a lone surrogate in \\u escapes");
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                } else if (code >= 0xDC00 && code <= 0xDFFF) {
                    return fail("a lone surrogate in \\u escapes");
                }
                append_utf8(out, code);
                break;
            }
            default:
                --m_at;
                return fail("an unknown escape after \\");
            }
        }
        if (!is_valid_utf8(out)) {
            m_at = start;
            return fail("the text is not valid UTF-8");
        }
        return true;
    }

    std::string_view m_text;
    std::size_t m_max_depth;
    std::size_t m_at = 0;
    std::string m_error;
};

} // namespace

Expected<JsonValue> parse_json(std::string_view text, std::size_t max_depth) {
    return JsonReader(text, max_depth).read();
}

const JsonValue* member_of(const JsonObject& object, std::string_view key) {
    for (const JsonMember& member : object) {
        if (member.first == key)
            return &member.second;
    }
    return nullptr;
}

std::string json_string(std::string_view text) {
    std::string out = "\"";
    out.reserve(text.size() + 2);
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '<':
            out += "\\u003c";
            break;
        default:
            if (byte < 0x20 || byte == 0x7F) {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", byte);
                out += escaped;
            } else {
                out += c;
            }
        }
    }
    out += '"';
    return out;
}

} // namespace lectern
