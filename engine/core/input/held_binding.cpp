#include "held_binding.h"

namespace lectern {

namespace {

// Whether every modifier `needed` holds is still in `held`.
bool still_holds(Modifiers needed, Modifiers held) {
    return (!needed.shift || held.shift) && (!needed.ctrl || held.ctrl) && (!needed.alt || held.alt) &&
           (!needed.super || held.super);
}

} // namespace

void HeldBinding::pressed(const Binding& binding, std::uint64_t now_ms) {
    if (m_binding && m_binding->chord == binding.chord)
        return;
    m_binding = binding;
    m_since_ms = now_ms;
}

void HeldBinding::released(std::optional<Key> key, Modifiers still_held) {
    if (m_binding && (key == m_binding->chord.key || !still_holds(m_binding->chord.modifiers, still_held)))
        m_binding.reset();
}

std::optional<PresenterCommand> HeldBinding::take_due(std::uint64_t now_ms) {
    const std::optional<std::uint64_t> due = due_at_ms();
    if (!due || now_ms < *due)
        return std::nullopt;
    const std::optional<PresenterCommand> command = m_binding->command;
    m_binding.reset();
    return command;
}

std::optional<std::uint64_t> HeldBinding::due_at_ms() const {
    if (!m_binding)
        return std::nullopt;
    return m_since_ms + m_binding->hold_ms;
}

} // namespace lectern
