// PresenterCommand: what a key, click or clicker press asks the presentation to do. The app maps
// SDL input to these through one table (engine/app/key_bindings.cpp); the core acts on them. Pure.
#pragma once

#include <string_view>

namespace lectern {

enum class PresenterCommand {
    Next,             // next build step or slide
    Previous,         // previous build step or slide
    First,            // Home
    Last,             // End
    Digit,            // a number key: builds a slide number to jump to
    Confirm,          // Return: jump to the typed number, or Next when none was typed
    BlackScreen,      // B or .
    WhiteScreen,      // W or ,
    StartFromFirst,   // F5
    StartFromCurrent, // Shift+F5
    ToggleFullscreen, // F
    Quit,             // Esc or Q: quits only when pressed twice within 2 s
    ToggleVoting,     // V
    ToggleReveal,     // R
};

std::string_view name_of(PresenterCommand command);

} // namespace lectern
