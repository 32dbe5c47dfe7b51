// KioskMode: the show's timing that runs by itself. In a kiosk (--kiosk) each slide gives way to the
// next after its seconds, looping (or staying on the last), and pauses while someone uses the keys or the
// mouse; in every mode a binding with `hold=` (Ctrl+Alt+Q held ends a kiosk) waits here for its time.
// Pure; time is an input (milliseconds on the presentation's clock).
#pragma once

#include "core/deck/deck.h"
#include "core/input/held_binding.h"
#include "kiosk_clock.h"
#include "navigation.h"

#include <cstdint>
#include <optional>

namespace lectern {

enum class ShowMode { Presenting, Kiosk };

class KioskMode {
public:
    explicit KioskMode(ShowMode mode) : m_mode(mode) {}

    bool is_kiosk() const { return m_mode == ShowMode::Kiosk; }
    InputMode input_mode() const { return is_kiosk() ? InputMode::Kiosk : InputMode::Presenting; }

    // The slide or step on screen changed (by a key, the panel, a reload or the kiosk itself).
    void slide_changed(std::uint64_t now_ms) { m_clock.slide_changed(now_ms); }
    // Someone pressed a key or a button: a kiosk's auto-advance pauses.
    void used(std::uint64_t now_ms);

    // A chord bound with `hold=` went down, or a key went up (see HeldBinding).
    void held_down(const Binding& binding, std::uint64_t now_ms) { m_held.pressed(binding, now_ms); }
    void released(std::optional<Key> key, Modifiers still_held) { m_held.released(key, still_held); }
    // The held chord's command once it has been held long enough.
    std::optional<PresenterCommand> take_held(std::uint64_t now_ms) { return m_held.take_due(now_ms); }

    // When the slide on screen gives way: nothing outside a kiosk, or on the last view without a loop.
    std::optional<std::uint64_t> due_ms(const Deck& deck, const DeckShape& shape, const NavState& nav) const;
    // The view to move to when the slide on screen is due at `now_ms` (the next, or the first after the
    // last); its time starts now, also when a one-slide deck loops onto itself.
    std::optional<NavState> advance(const Deck& deck, const DeckShape& shape, const NavState& nav,
                                    std::uint64_t now_ms);
    // When the loop must wake for this part next: the slide due, or a held chord due.
    std::optional<std::uint64_t> wake_at_ms(const Deck& deck, const DeckShape& shape, const NavState& nav,
                                            std::uint64_t now_ms) const;

private:
    ShowMode m_mode;
    KioskClock m_clock;
    HeldBinding m_held;
};

} // namespace lectern
