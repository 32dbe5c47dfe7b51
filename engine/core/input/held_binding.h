// HeldBinding: a binding with `hold=` (Ctrl+Alt+Q held 3 s ends a kiosk) waiting for its time, so no
// passer-by triggers it by accident. Pure; time is an input (milliseconds from any steady clock).
#pragma once

#include "input_map.h"

#include <cstdint>
#include <optional>

namespace lectern {

class HeldBinding {
public:
    // The chord of `binding` went down; key repeats keep the first press.
    void pressed(const Binding& binding, std::uint64_t now_ms);
    // A key went up (`key`, or none for a modifier or a key the map has no name for), leaving
    // `still_held` down: the hold ends if it was the chord's key or one of its modifiers.
    void released(std::optional<Key> key, Modifiers still_held);

    // The command once the chord has been held long enough; the hold is then over.
    std::optional<PresenterCommand> take_due(std::uint64_t now_ms);
    // When the held chord will be due, for the loop's next wake-up.
    std::optional<std::uint64_t> due_at_ms() const;

private:
    std::optional<Binding> m_binding;
    std::uint64_t m_since_ms = 0;
};

} // namespace lectern
