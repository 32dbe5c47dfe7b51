#include "navigation.h"

#include <algorithm>

namespace lectern {

namespace {

constexpr std::size_t max_typed_digits = 5;

std::size_t steps_of(const DeckShape& shape, std::size_t slide) {
    return slide < shape.steps.size() ? std::max<std::size_t>(1, shape.steps[slide]) : 1;
}

NavState next(NavState state, const DeckShape& shape) {
    if (state.step + 1 < steps_of(shape, state.slide)) {
        ++state.step;
    } else if (state.slide + 1 < shape.steps.size()) {
        ++state.slide;
        state.step = 0;
    }
    return state;
}

NavState previous(NavState state, const DeckShape& shape) {
    if (state.step > 0) {
        --state.step;
    } else if (state.slide > 0) {
        --state.slide;
        state.step = steps_of(shape, state.slide) - 1; // coming back, the slide is shown whole
    }
    return state;
}

NavState go_to(NavState state, std::size_t slide, const DeckShape& shape) {
    state.slide = shape.steps.empty() ? 0 : std::min(slide, shape.steps.size() - 1);
    state.step = 0;
    return state;
}

} // namespace

NavState navigate(const NavState& current, PresenterCommand command, const DeckShape& shape, int digit) {
    NavState state = current;
    if (command != PresenterCommand::Digit && command != PresenterCommand::Confirm)
        state.typed_number.clear();

    // A blanked screen comes back with any key, and that key does nothing else.
    if (state.blank != Blank::None && command != PresenterCommand::ToggleFullscreen &&
        command != PresenterCommand::Quit) {
        state.blank = Blank::None;
        state.typed_number.clear();
        return state;
    }

    switch (command) {
    case PresenterCommand::Next:
        return next(state, shape);
    case PresenterCommand::Previous:
        return previous(state, shape);
    case PresenterCommand::First:
    case PresenterCommand::StartFromFirst:
        return go_to(state, 0, shape);
    case PresenterCommand::Last:
        return go_to(state, shape.steps.empty() ? 0 : shape.steps.size() - 1, shape);
    case PresenterCommand::Digit:
        if (digit >= 0 && digit <= 9 && state.typed_number.size() < max_typed_digits)
            state.typed_number += static_cast<char>('0' + digit);
        return state;
    case PresenterCommand::Confirm: {
        if (state.typed_number.empty())
            return next(state, shape);
        const std::size_t number = std::stoul(state.typed_number);
        state.typed_number.clear();
        return go_to(state, number == 0 ? 0 : number - 1, shape);
    }
    case PresenterCommand::BlackScreen:
        state.blank = Blank::Black;
        return state;
    case PresenterCommand::WhiteScreen:
        state.blank = Blank::White;
        return state;
    case PresenterCommand::StartFromCurrent:
    case PresenterCommand::ToggleFullscreen:
    case PresenterCommand::Quit:
    case PresenterCommand::ToggleVoting:
    case PresenterCommand::ToggleReveal:
    case PresenterCommand::QuitKiosk:
    case PresenterCommand::NotesBigger:
    case PresenterCommand::NotesSmaller:
    case PresenterCommand::TogglePointer: // the teacher's marks (slide_marks.h) never move the show
    case PresenterCommand::ToggleSpotlight:
    case PresenterCommand::ToggleZoom:
    case PresenterCommand::TogglePen:
    case PresenterCommand::InkColour:
    case PresenterCommand::InkUndo:
    case PresenterCommand::InkErase:
    case PresenterCommand::CountdownPause:
    case PresenterCommand::CountdownRestart:
    case PresenterCommand::NextLanguage: // the same view in another language
        return state;
    }
    return state;
}

NavState go_to_slide(const NavState& state, std::size_t index, const DeckShape& shape) {
    NavState moved = go_to(state, index, shape);
    moved.blank = Blank::None;
    moved.typed_number.clear();
    return moved;
}

std::optional<NavState> following(const NavState& state, const DeckShape& shape) {
    NavState plain = state;
    plain.blank = Blank::None;
    plain.typed_number.clear();
    const NavState after = next(plain, shape);
    if (after.slide == plain.slide && after.step == plain.step)
        return std::nullopt;
    return after;
}

NavState after_reload(const NavState& state, const std::vector<std::string>& old_ids,
                      const std::vector<std::string>& new_ids, const DeckShape& new_shape) {
    NavState moved = state;
    if (state.slide < old_ids.size()) {
        const auto found = std::ranges::find(new_ids, old_ids[state.slide]);
        if (found != new_ids.end())
            moved.slide = static_cast<std::size_t>(found - new_ids.begin());
    }
    return clamp_to(moved, new_shape);
}

NavState clamp_to(const NavState& state, const DeckShape& shape) {
    NavState clamped = state;
    if (shape.steps.empty()) {
        clamped.slide = 0;
        clamped.step = 0;
        return clamped;
    }
    clamped.slide = std::min(state.slide, shape.steps.size() - 1);
    clamped.step = std::min(state.step, steps_of(shape, clamped.slide) - 1);
    return clamped;
}

} // namespace lectern
