#include "input_map.h"

#include <algorithm>

namespace lectern {

void InputMap::bind(const Binding& binding) {
    for (Binding& earlier : m_bindings) {
        if (earlier.chord != binding.chord)
            continue;
        earlier.modes.presenting = earlier.modes.presenting && !binding.modes.presenting;
        earlier.modes.kiosk = earlier.modes.kiosk && !binding.modes.kiosk;
    }
    std::erase_if(m_bindings, [](const Binding& earlier) { return !earlier.modes.any(); });
    m_bindings.push_back(binding);
}

const Binding* InputMap::find(const KeyChord& chord, InputMode mode) const {
    const auto found = std::find_if(m_bindings.begin(), m_bindings.end(), [&](const Binding& binding) {
        return binding.chord == chord &&
               (mode == InputMode::Presenting ? binding.modes.presenting : binding.modes.kiosk);
    });
    return found == m_bindings.end() ? nullptr : &*found;
}

} // namespace lectern
