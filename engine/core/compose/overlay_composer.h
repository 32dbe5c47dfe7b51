// OverlayComposer: what is drawn over the slide on the room's screen, in slide units: a hint along the
// bottom ("Press Esc again to quit", "Go to slide 12 (Enter)") or, with no hint, a kiosk's problem badge
// in the corner (a "!" saying something needs looking at; the details are in the journal). Pure.
#pragma once

#include "core/deck/deck.h"
#include "core/text/text_measurer.h"
#include "display_list.h"

#include <optional>
#include <string>
#include <string_view>

namespace lectern {

struct Overlay {
    std::string hint;           // "" for none
    bool problem_badge = false; // a kiosk with a problem that arose while showing
};

// The hint for the state of the show: the quit guard waiting for its second press first, then a slide
// number being typed; "" when neither. The keys are named as the input map names them.
std::string overlay_hint(bool quit_waiting, std::string_view typed_number, std::string_view quit_key,
                         std::string_view confirm_key);

// The overlay for a slide of `aspect`; nothing when there is neither a hint nor a badge. The hint wins
// over the badge.
std::optional<DisplayList> compose_overlay(const Overlay& overlay, Aspect aspect, TextMeasurer& measurer);

} // namespace lectern
