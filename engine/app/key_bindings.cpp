#include "key_bindings.h"

#include <array>
#include <string>

namespace lectern {

namespace {

using enum PresenterCommand;

constexpr std::array<KeyBinding, 30> bindings{{
    {SDLK_RIGHT, false, Next, "Right"},
    {SDLK_DOWN, false, Next, "Down"},
    {SDLK_SPACE, false, Next, "Space"},
    {SDLK_PAGEDOWN, false, Next, "PageDown"},
    {SDLK_n, false, Next, "N"},
    {SDLK_AUDIONEXT, false, Next, "media next"}, // some clickers send these
    {SDLK_LEFT, false, Previous, "Left"},
    {SDLK_UP, false, Previous, "Up"},
    {SDLK_PAGEUP, false, Previous, "PageUp"},
    {SDLK_BACKSPACE, false, Previous, "Backspace"},
    {SDLK_p, false, Previous, "P"},
    {SDLK_AUDIOPREV, false, Previous, "media previous"},
    {SDLK_HOME, false, First, "Home"},
    {SDLK_END, false, Last, "End"},
    {SDLK_RETURN, false, Confirm, "Return"},
    {SDLK_KP_ENTER, false, Confirm, "Enter"},
    {SDLK_b, false, BlackScreen, "B"},
    {SDLK_PERIOD, false, BlackScreen, "."},
    {SDLK_KP_PERIOD, false, BlackScreen, "keypad ."},
    {SDLK_w, false, WhiteScreen, "W"},
    {SDLK_COMMA, false, WhiteScreen, ","},
    {SDLK_F5, true, StartFromCurrent, "Shift+F5"},
    {SDLK_F5, false, StartFromFirst, "F5"},
    {SDLK_f, false, ToggleFullscreen, "F"},
    {SDLK_ESCAPE, false, Quit, "Esc"},
    {SDLK_q, false, Quit, "Q"},
    {SDLK_v, false, ToggleVoting, "V"},
    {SDLK_r, false, ToggleReveal, "R"},
    // Number keys (top row and keypad) type a slide number; Return then jumps to it.
    {SDLK_0, false, Digit, "0-9"},
    {SDLK_KP_0, false, Digit, "keypad 0-9"},
}};

std::optional<int> digit_of(SDL_Keycode key) {
    if (key >= SDLK_0 && key <= SDLK_9)
        return key - SDLK_0;
    if (key >= SDLK_KP_1 && key <= SDLK_KP_9)
        return key - SDLK_KP_1 + 1;
    if (key == SDLK_KP_0)
        return 0;
    return std::nullopt;
}

} // namespace

std::span<const KeyBinding> key_bindings() {
    return bindings;
}

std::optional<CommandInput> command_for_key(const SDL_KeyboardEvent& key) {
    if (auto digit = digit_of(key.keysym.sym))
        return CommandInput{Digit, *digit};
    const bool shift = (key.keysym.mod & KMOD_SHIFT) != 0;
    const bool command_modifier = (key.keysym.mod & (KMOD_CTRL | KMOD_ALT | KMOD_GUI)) != 0;
    if (command_modifier)
        return std::nullopt; // Ctrl+R and the like belong to the presenter panel
    for (const KeyBinding& binding : bindings) {
        if (binding.key == key.keysym.sym && (!binding.shift || shift))
            return CommandInput{binding.command, 0};
    }
    return std::nullopt;
}

std::optional<CommandInput> command_for_click(const SDL_MouseButtonEvent& button) {
    if (button.button == SDL_BUTTON_LEFT)
        return CommandInput{Next, 0};
    if (button.button == SDL_BUTTON_RIGHT)
        return CommandInput{Previous, 0};
    return std::nullopt;
}

std::optional<CommandInput> command_for_wheel(const SDL_MouseWheelEvent& wheel) {
    const int direction = wheel.direction == SDL_MOUSEWHEEL_FLIPPED ? -wheel.y : wheel.y;
    if (direction < 0)
        return CommandInput{Next, 0};
    if (direction > 0)
        return CommandInput{Previous, 0};
    return std::nullopt;
}

std::string key_help_text() {
    std::string text;
    PresenterCommand current = bindings[0].command;
    std::string keys;
    auto flush = [&] {
        text += "  " + std::string(name_of(current)) + ": " + keys + "\n";
        keys.clear();
    };
    for (const KeyBinding& binding : bindings) {
        if (binding.command != current && !keys.empty())
            flush();
        current = binding.command;
        keys += (keys.empty() ? "" : ", ") + std::string(binding.label);
        if (binding.label == "N")
            keys += ", left click, wheel down";
        if (binding.label == "P")
            keys += ", right click, wheel up";
    }
    flush();
    return text;
}

} // namespace lectern
