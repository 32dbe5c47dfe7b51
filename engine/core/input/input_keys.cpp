#include "input_keys.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace lectern {

namespace {

struct KeyName {
    Key key;
    std::string_view conf_name; // as input.conf writes it
    std::string_view label;     // as people say it
};

// Letters, digits and F-keys are named by rule (key_name_of); the rest are listed here.
constexpr std::array<KeyName, 32> named_keys{{
    {Key::Right, "Right", "Right"},
    {Key::Left, "Left", "Left"},
    {Key::Up, "Up", "Up"},
    {Key::Down, "Down", "Down"},
    {Key::Space, "Space", "Space"},
    {Key::PageUp, "PageUp", "PageUp"},
    {Key::PageDown, "PageDown", "PageDown"},
    {Key::Home, "Home", "Home"},
    {Key::End, "End", "End"},
    {Key::Return, "Return", "Return"},
    {Key::KeypadEnter, "KP_Enter", "keypad Enter"},
    {Key::Backspace, "Backspace", "Backspace"},
    {Key::Escape, "Esc", "Esc"},
    {Key::Tab, "Tab", "Tab"},
    {Key::Delete, "Delete", "Delete"},
    {Key::Insert, "Insert", "Insert"},
    {Key::Period, "Period", "full stop"},
    {Key::Comma, "Comma", "comma"},
    {Key::Plus, "Plus", "Plus"},
    {Key::Minus, "Minus", "Minus"},
    {Key::Equals, "Equals", "="},
    {Key::KeypadPeriod, "KP_Period", "keypad full stop"},
    {Key::KeypadPlus, "KP_Plus", "keypad Plus"},
    {Key::KeypadMinus, "KP_Minus", "keypad Minus"},
    {Key::MediaNext, "MEDIA_NEXT", "media next"},
    {Key::MediaPrevious, "MEDIA_PREVIOUS", "media previous"},
    {Key::MediaPlay, "MEDIA_PLAY", "media play"},
    {Key::MouseLeft, "MOUSE_LEFT", "left click"},
    {Key::MouseMiddle, "MOUSE_MIDDLE", "middle click"},
    {Key::MouseRight, "MOUSE_RIGHT", "right click"},
    {Key::WheelUp, "WHEEL_UP", "wheel up"},
    {Key::WheelDown, "WHEEL_DOWN", "wheel down"},
}};

constexpr int letter_count = 26;
constexpr int digit_count = 10;
constexpr int function_key_count = 12;

int offset(Key key, Key first) {
    return static_cast<int>(key) - static_cast<int>(first);
}

// Names of the keys named by rule: "A", "7", "KP_7", "F5"; labels the same but "keypad 7".
std::string rule_name_of(Key key, bool label) {
    if (offset(key, Key::A) >= 0 && offset(key, Key::A) < letter_count)
        return std::string(1, static_cast<char>('A' + offset(key, Key::A)));
    if (offset(key, Key::Digit0) >= 0 && offset(key, Key::Digit0) < digit_count)
        return std::string(1, static_cast<char>('0' + offset(key, Key::Digit0)));
    if (offset(key, Key::Keypad0) >= 0 && offset(key, Key::Keypad0) < digit_count)
        return (label ? "keypad " : "KP_") +
               std::string(1, static_cast<char>('0' + offset(key, Key::Keypad0)));
    if (offset(key, Key::F1) >= 0 && offset(key, Key::F1) < function_key_count)
        return "F" + std::to_string(offset(key, Key::F1) + 1);
    return "";
}

// Every key with its names, built once.
struct KeyTable {
    std::vector<Key> keys;
    std::vector<std::string> conf_names;
    std::vector<std::string> labels;

    KeyTable() {
        for (int index = 0; index <= static_cast<int>(Key::F12); ++index) {
            const Key key = static_cast<Key>(index);
            keys.push_back(key);
            conf_names.push_back(rule_name_of(key, false));
            labels.push_back(rule_name_of(key, true));
        }
        for (const KeyName& name : named_keys) {
            keys.push_back(name.key);
            conf_names.emplace_back(name.conf_name);
            labels.emplace_back(name.label);
        }
    }

    std::size_t index_of(Key key) const {
        return static_cast<std::size_t>(std::find(keys.begin(), keys.end(), key) - keys.begin());
    }
};

const KeyTable& key_table() {
    static const KeyTable table;
    return table;
}

bool same_ignoring_case(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
    });
}

} // namespace

std::optional<Key> key_named(std::string_view name) {
    const KeyTable& table = key_table();
    for (std::size_t index = 0; index < table.keys.size(); ++index) {
        if (same_ignoring_case(name, table.conf_names[index]))
            return table.keys[index];
    }
    return std::nullopt;
}

bool add_modifier_named(std::string_view name, Modifiers& into) {
    if (same_ignoring_case(name, "Shift"))
        into.shift = true;
    else if (same_ignoring_case(name, "Ctrl"))
        into.ctrl = true;
    else if (same_ignoring_case(name, "Alt"))
        into.alt = true;
    else if (same_ignoring_case(name, "Super"))
        into.super = true;
    else
        return false;
    return true;
}

std::string_view conf_name_of(Key key) {
    const KeyTable& table = key_table();
    return table.conf_names[table.index_of(key)];
}

std::string_view label_of(Key key) {
    const KeyTable& table = key_table();
    return table.labels[table.index_of(key)];
}

std::string label_of(const KeyChord& chord) {
    std::string label;
    if (chord.modifiers.super)
        label += "Super+";
    if (chord.modifiers.ctrl)
        label += "Ctrl+";
    if (chord.modifiers.alt)
        label += "Alt+";
    if (chord.modifiers.shift)
        label += "Shift+";
    return label + std::string(label_of(chord.key));
}

std::vector<std::string_view> key_conf_names() {
    const KeyTable& table = key_table();
    return {table.conf_names.begin(), table.conf_names.end()};
}

std::optional<int> digit_of(Key key) {
    for (Key zero : {Key::Digit0, Key::Keypad0}) {
        if (offset(key, zero) >= 0 && offset(key, zero) < digit_count)
            return offset(key, zero);
    }
    return std::nullopt;
}

bool is_wheel(Key key) {
    return key == Key::WheelUp || key == Key::WheelDown;
}

} // namespace lectern
