// The presentation's input: keys, buttons and wheel turns through the input map (core/input/input_map.h),
// with SDL's events turned into the core's chords by sdl_input.h.
#include "presentation.h"
#include "sdl_input.h"

namespace lectern {

void Presentation::handle_input(const SDL_Event& event, std::uint64_t now_ms) {
    if (event.type == SDL_KEYUP) {
        m_kiosk.released(key_of(event.key.keysym.sym), modifiers_of(event.key.keysym.mod));
        return;
    }
    if (event.type != SDL_MOUSEWHEEL)
        m_kiosk.used(now_ms); // someone is using a kiosk: auto-advance pauses
    const std::optional<KeyChord> chord = chord_of(event);
    const Binding* binding = chord ? m_options.input_map.find(*chord, m_kiosk.input_mode()) : nullptr;
    if (!binding || !binding->command)
        return;
    if (binding->hold_ms > 0) {
        m_kiosk.held_down(*binding, now_ms); // the command comes from the loop once held long enough
        return;
    }
    if (event.type == SDL_KEYDOWN && event.key.repeat && *binding->command == PresenterCommand::Quit)
        return; // holding Esc is one press
    apply({*binding->command, digit_of(chord->key).value_or(0)}, now_ms);
}

} // namespace lectern
