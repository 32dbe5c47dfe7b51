// SDL input as the core's KeyChords (core/input/input_keys.h), for the input map to look up. Adapter: the
// only place that knows SDL's key codes and buttons. Implemented: letters, top-row and keypad digits, F1-F12,
// every other key input.conf names, the left,
//   middle and right buttons, wheel turns (flipped wheels turned back); Shift, Ctrl, Alt and Super, left
//   and right alike, with Num Lock and Caps Lock ignored.
// Missing: keys input.conf has no name for (they do nothing), extra mouse buttons.
#pragma once

#include "core/input/input_keys.h"

#include <SDL2/SDL.h>

#include <optional>

namespace lectern {

std::optional<Key> key_of(SDL_Keycode key);
Modifiers modifiers_of(std::uint16_t sdl_modifiers);

// The chord of a key press, button press or wheel turn; none for other events and unnamed keys.
std::optional<KeyChord> chord_of(const SDL_Event& event);

} // namespace lectern
