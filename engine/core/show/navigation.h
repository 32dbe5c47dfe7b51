// Navigation: where the presentation is (slide, build step, blanked screen, a slide number being
// typed) and how commands move it. A pure state machine: next state = navigate(state, command, deck).
#pragma once

#include "core/input/presenter_command.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace lectern {

enum class Blank { None, Black, White };

struct NavState {
    std::size_t slide = 0; // 0-based
    std::size_t step = 0;  // 0-based build step of that slide
    Blank blank = Blank::None;
    std::string typed_number; // digits typed so far, for "number then Return"

    friend bool operator==(const NavState&, const NavState&) = default;
};

// What navigation needs to know of a deck: how many build steps each slide has.
struct DeckShape {
    std::vector<std::size_t> steps; // one entry per slide, each at least 1
};

// `digit` is used by PresenterCommand::Digit only.
NavState navigate(const NavState& state, PresenterCommand command, const DeckShape& shape, int digit = 0);

// Jumps to the start of slide `index` (clamped), showing it and forgetting any typed number.
NavState go_to_slide(const NavState& state, std::size_t index, const DeckShape& shape);

// What the next press of next would show, or nothing at the end of the deck (for the presenter's preview).
std::optional<NavState> following(const NavState& state, const DeckShape& shape);

// Where to be after the deck was edited and reloaded: on the slide with the same id if it still
// exists (at the same build step, if it still has it), else at the same position, clamped.
NavState after_reload(const NavState& state, const std::vector<std::string>& old_ids,
                      const std::vector<std::string>& new_ids, const DeckShape& new_shape);

// Keeps the presentation on the same slide (by index, clamped) when the deck changes shape.
NavState clamp_to(const NavState& state, const DeckShape& shape);

} // namespace lectern
