// KeyBindings: the one table that turns keys, clicks and wheel turns into PresenterCommands, so a
// clicker and a keyboard are rows, not if-chains. The README and --help list the same table.
// Adapter: knows SDL key codes; the core only sees PresenterCommand.
#pragma once

#include "core/presenter_command.h"

#include <SDL2/SDL.h>

#include <optional>
#include <span>
#include <string_view>

namespace lectern {

struct KeyBinding {
    SDL_Keycode key;
    bool shift; // the binding needs Shift held (Shift+F5)
    PresenterCommand command;
    std::string_view label; // how the README names the key
};

std::span<const KeyBinding> key_bindings();

struct CommandInput {
    PresenterCommand command;
    int digit = 0; // for PresenterCommand::Digit
};

// The command for a key press, if the key means anything.
std::optional<CommandInput> command_for_key(const SDL_KeyboardEvent& key);
// Left click next, right click previous.
std::optional<CommandInput> command_for_click(const SDL_MouseButtonEvent& button);
// Wheel down next, wheel up previous.
std::optional<CommandInput> command_for_wheel(const SDL_MouseWheelEvent& wheel);

// The table as text, one command a line, for --help.
std::string key_help_text();

} // namespace lectern
