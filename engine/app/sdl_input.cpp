#include "sdl_input.h"

#include <array>
#include <utility>

namespace lectern {

namespace {

// Keys outside SDL's runs of letters, digits and F-keys.
constexpr std::array<std::pair<SDL_Keycode, Key>, 28> named_keys{{
    {SDLK_RIGHT, Key::Right},
    {SDLK_LEFT, Key::Left},
    {SDLK_UP, Key::Up},
    {SDLK_DOWN, Key::Down},
    {SDLK_SPACE, Key::Space},
    {SDLK_PAGEUP, Key::PageUp},
    {SDLK_PAGEDOWN, Key::PageDown},
    {SDLK_HOME, Key::Home},
    {SDLK_END, Key::End},
    {SDLK_RETURN, Key::Return},
    {SDLK_KP_ENTER, Key::KeypadEnter},
    {SDLK_BACKSPACE, Key::Backspace},
    {SDLK_ESCAPE, Key::Escape},
    {SDLK_TAB, Key::Tab},
    {SDLK_DELETE, Key::Delete},
    {SDLK_INSERT, Key::Insert},
    {SDLK_PERIOD, Key::Period},
    {SDLK_COMMA, Key::Comma},
    {SDLK_PLUS, Key::Plus},
    {SDLK_MINUS, Key::Minus},
    {SDLK_EQUALS, Key::Equals},
    {SDLK_KP_PERIOD, Key::KeypadPeriod},
    {SDLK_KP_PLUS, Key::KeypadPlus},
    {SDLK_KP_MINUS, Key::KeypadMinus},
    {SDLK_KP_0, Key::Keypad0},
    {SDLK_AUDIONEXT, Key::MediaNext}, // some clickers send these
    {SDLK_AUDIOPREV, Key::MediaPrevious},
    {SDLK_AUDIOPLAY, Key::MediaPlay},
}};

Key offset_key(Key first, SDL_Keycode offset) {
    return static_cast<Key>(static_cast<int>(first) + static_cast<int>(offset));
}

std::optional<Key> button_key(std::uint8_t button) {
    switch (button) {
    case SDL_BUTTON_LEFT:
        return Key::MouseLeft;
    case SDL_BUTTON_MIDDLE:
        return Key::MouseMiddle;
    case SDL_BUTTON_RIGHT:
        return Key::MouseRight;
    default:
        return std::nullopt;
    }
}

} // namespace

std::optional<Key> key_of(SDL_Keycode key) {
    if (key >= SDLK_a && key <= SDLK_z)
        return offset_key(Key::A, key - SDLK_a);
    if (key >= SDLK_0 && key <= SDLK_9)
        return offset_key(Key::Digit0, key - SDLK_0);
    if (key >= SDLK_KP_1 && key <= SDLK_KP_9) // SDL puts keypad 0 after 9
        return offset_key(Key::Keypad1, key - SDLK_KP_1);
    if (key >= SDLK_F1 && key <= SDLK_F12)
        return offset_key(Key::F1, key - SDLK_F1);
    for (const auto& [sdl_key, named] : named_keys) {
        if (sdl_key == key)
            return named;
    }
    return std::nullopt;
}

Modifiers modifiers_of(std::uint16_t sdl_modifiers) {
    return {(sdl_modifiers & KMOD_SHIFT) != 0, (sdl_modifiers & KMOD_CTRL) != 0,
            (sdl_modifiers & KMOD_ALT) != 0, (sdl_modifiers & KMOD_GUI) != 0};
}

std::optional<KeyChord> chord_of(const SDL_Event& event) {
    std::optional<Key> key;
    Modifiers modifiers = modifiers_of(static_cast<std::uint16_t>(SDL_GetModState()));
    if (event.type == SDL_KEYDOWN) {
        key = key_of(event.key.keysym.sym);
        modifiers = modifiers_of(event.key.keysym.mod);
    } else if (event.type == SDL_MOUSEBUTTONDOWN) {
        key = button_key(event.button.button);
    } else if (event.type == SDL_MOUSEWHEEL) {
        const int turn = event.wheel.direction == SDL_MOUSEWHEEL_FLIPPED ? -event.wheel.y : event.wheel.y;
        if (turn != 0)
            key = turn < 0 ? Key::WheelDown : Key::WheelUp;
    }
    if (!key)
        return std::nullopt;
    return KeyChord{*key, modifiers};
}

} // namespace lectern
