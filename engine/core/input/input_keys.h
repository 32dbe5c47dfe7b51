// Key, Modifiers and KeyChord: the inputs the input map binds, named the way input.conf writes them.
// The core's own names for keys, mouse buttons and wheel turns, so the map is parsed and matched
// without SDL; the app's adapter (engine/app/sdl_input.cpp) turns SDL events into these. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lectern {

// Keys in the order of their names' table (input_keys.cpp); letters, digits and F-keys are runs, so the
// adapter can map SDL's runs by offset.
enum class Key : std::uint8_t {
    // clang-format off
    A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z,
    Digit0, Digit1, Digit2, Digit3, Digit4, Digit5, Digit6, Digit7, Digit8, Digit9,
    Keypad0, Keypad1, Keypad2, Keypad3, Keypad4, Keypad5, Keypad6, Keypad7, Keypad8, Keypad9,
    F1, F2, F3, F4, F5, F6, F7, F8, F9, F10, F11, F12,
    Right, Left, Up, Down, Space, PageUp, PageDown, Home, End, Return, KeypadEnter, Backspace, Escape, Tab,
    Delete, Insert, Period, Comma, Plus, Minus, Equals, KeypadPeriod, KeypadPlus, KeypadMinus,
    MediaNext, MediaPrevious, MediaPlay,
    MouseLeft, MouseMiddle, MouseRight, WheelUp, WheelDown,
    // clang-format on
};

// Held together with a key; matched exactly (Shift+F5 is not F5). Left and right count as one.
struct Modifiers {
    bool shift = false;
    bool ctrl = false;
    bool alt = false;
    bool super = false;

    friend bool operator==(const Modifiers&, const Modifiers&) = default;
};

struct KeyChord {
    Key key = Key::Space;
    Modifiers modifiers;

    friend bool operator==(const KeyChord&, const KeyChord&) = default;
};

// The key input.conf calls `name` (case does not matter), if any.
std::optional<Key> key_named(std::string_view name);
// The modifier input.conf calls `name` ("Shift", "Ctrl", "Alt", "Super"), set in `into`; false if none.
bool add_modifier_named(std::string_view name, Modifiers& into);

// How input.conf writes the key ("PageDown", "MOUSE_LEFT").
std::string_view conf_name_of(Key key);
// How people call it in help and the README ("left click", "keypad .").
std::string_view label_of(Key key);
// "Ctrl+Alt+Q", with the keys' labels, for help.
std::string label_of(const KeyChord& chord);

// Every key's input.conf name, for "did you mean".
std::vector<std::string_view> key_conf_names();

// The number a digit key types (top row or keypad), if it is one.
std::optional<int> digit_of(Key key);

// A mouse wheel turn is over as soon as it happens: it cannot be held.
bool is_wheel(Key key);

} // namespace lectern
