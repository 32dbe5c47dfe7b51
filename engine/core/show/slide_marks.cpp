#include "slide_marks.h"

#include <algorithm>

namespace lectern {

void SlideMarks::show_slide(const InkPlace& place, std::optional<int> countdown_seconds,
                            std::uint64_t now_ms) {
    const bool new_slide = place.first != m_place.first || !m_countdown != !countdown_seconds;
    m_ink.end();
    m_place = place;
    if (!new_slide)
        return; // a build step of the same slide: its countdown runs on
    m_countdown.reset();
    if (countdown_seconds)
        m_countdown.emplace(*countdown_seconds, now_ms);
}

void SlideMarks::toggle(MarkMode mode) {
    m_ink.end();
    m_mode = m_mode == mode ? MarkMode::None : mode;
    if (m_mode == MarkMode::Zoom)
        m_zoom = zoom_default; // each zoom starts at 2x
}

void SlideMarks::pause_countdown(std::uint64_t now_ms) {
    if (m_countdown)
        m_countdown->toggle_pause(now_ms);
}

void SlideMarks::restart_countdown(std::uint64_t now_ms) {
    if (m_countdown)
        m_countdown->restart(now_ms);
}

bool SlideMarks::apply(PresenterCommand command, std::uint64_t now_ms) {
    switch (command) {
    case PresenterCommand::TogglePointer:
        m_pointer_shown = !m_pointer_shown;
        return true;
    case PresenterCommand::ToggleSpotlight:
        toggle(MarkMode::Spotlight);
        return true;
    case PresenterCommand::ToggleZoom:
        toggle(MarkMode::Zoom);
        return true;
    case PresenterCommand::TogglePen:
        toggle(MarkMode::Pen);
        return true;
    case PresenterCommand::InkColour:
        m_colour = (m_colour + 1) % ink_colours;
        return true;
    case PresenterCommand::InkUndo:
        m_ink.end();
        m_ink.undo(m_place);
        return true;
    case PresenterCommand::InkErase:
        m_ink.end();
        m_ink.erase(m_place);
        return true;
    case PresenterCommand::CountdownPause:
        pause_countdown(now_ms);
        return true;
    case PresenterCommand::CountdownRestart:
        restart_countdown(now_ms);
        return true;
    default:
        return false;
    }
}

bool SlideMarks::escape() {
    if (m_mode == MarkMode::None)
        return false;
    toggle(m_mode);
    return true;
}

void SlideMarks::move_to(InkPoint at) {
    m_pointer = at;
    if (m_ink.drawing())
        m_ink.extend(at);
}

bool SlideMarks::press(InkPoint at) {
    m_pointer = at;
    if (m_mode != MarkMode::Pen)
        return false;
    m_ink.begin(m_place, at, m_colour);
    return true;
}

void SlideMarks::release() {
    m_ink.end();
}

bool SlideMarks::wheel(int steps) {
    if (m_mode == MarkMode::Spotlight) {
        m_spotlight_radius = std::clamp(m_spotlight_radius * (steps > 0 ? 1.15 : 1 / 1.15),
                                        spotlight_min_radius, spotlight_max_radius);
        return true;
    }
    if (m_mode == MarkMode::Zoom) {
        m_zoom = std::clamp(m_zoom + (steps > 0 ? 0.25 : -0.25), zoom_min, zoom_max);
        return true;
    }
    return false;
}

std::optional<std::uint64_t> SlideMarks::next_change_ms(std::uint64_t now_ms) const {
    return m_countdown ? m_countdown->next_change_ms(now_ms) : std::nullopt;
}

} // namespace lectern
