// InputMap: the one table from input (keys, mouse buttons, wheel turns, chords, held keys) to
// PresenterCommands. Built from input.conf text (input_conf.h): the defaults built into the program,
// then a school's own file, whose lines replace the defaults for the same input. Modifiers match
// exactly, so Shift+F5 never triggers F5's command and the order of lines does not matter. Pure.
#pragma once

#include "core/base/source_position.h"
#include "input_keys.h"
#include "presenter_command.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace lectern {

// Where a binding applies: an ordinary presentation, a kiosk (--kiosk), or both.
struct InputModes {
    bool presenting = true;
    bool kiosk = true;

    bool any() const { return presenting || kiosk; }
    friend bool operator==(const InputModes&, const InputModes&) = default;
};

enum class InputMode { Presenting, Kiosk };

struct Binding {
    KeyChord chord;
    std::optional<PresenterCommand> command; // none: `ignore`, the input does nothing
    std::uint64_t hold_ms = 0;               // > 0: the command comes only after the chord is held this long
    InputModes modes;
    SourcePosition position; // of the line, for messages

    friend bool operator==(const Binding&, const Binding&) = default;
};

class InputMap {
public:
    // Adds `binding`; for the modes it covers, it replaces earlier bindings of the same chord.
    void bind(const Binding& binding);

    // The binding for exactly this chord in `mode`, if any (an `ignore` binding included).
    const Binding* find(const KeyChord& chord, InputMode mode) const;

    // Every binding in the order bound, for help.
    const std::vector<Binding>& bindings() const { return m_bindings; }

private:
    std::vector<Binding> m_bindings;
};

} // namespace lectern
