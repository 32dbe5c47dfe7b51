#include "slides_ahead.h"

#include <algorithm>

namespace lectern {

std::vector<ViewAt> views_ahead(const NavState& nav, const DeckShape& shape) {
    std::vector<ViewAt> views;
    if (nav.blank != Blank::None || !nav.typed_number.empty() || shape.steps.empty())
        return views;
    const ViewAt here{nav.slide, nav.step};
    for (const PresenterCommand command : {PresenterCommand::Next, PresenterCommand::Previous}) {
        const NavState there = navigate(nav, command, shape);
        const ViewAt view{there.slide, there.step};
        if (there.blank == Blank::None && view != here &&
            std::find(views.begin(), views.end(), view) == views.end())
            views.push_back(view);
    }
    return views;
}

void SlidesAhead::restart(std::vector<ViewAt> views, std::uint64_t quiet_from_ms) {
    m_views = std::move(views);
    m_states.assign(m_views.size(), State::ToCompose);
    m_quiet_from_ms = quiet_from_ms;
}

std::optional<AheadPiece> SlidesAhead::next(std::uint64_t now_ms, bool frame_due) const {
    if (frame_due || now_ms < m_quiet_from_ms)
        return std::nullopt;
    // Every view is composed first (cheap once its words were measured), so the textures that already
    // hold one of them are known before any is drawn over; then the most likely view is drawn first.
    for (std::size_t i = 0; i < m_views.size(); ++i)
        if (m_states[i] == State::ToCompose)
            return AheadPiece{i, AheadWork::Compose};
    for (std::size_t i = 0; i < m_views.size(); ++i)
        if (m_states[i] == State::ToDraw)
            return AheadPiece{i, AheadWork::Draw};
    return std::nullopt;
}

void SlidesAhead::composed(std::size_t index) {
    if (index < m_states.size() && m_states[index] == State::ToCompose)
        m_states[index] = State::ToDraw;
}

void SlidesAhead::drew(std::size_t index, DrawResult result) {
    if (index >= m_states.size() || m_states[index] != State::ToDraw)
        return;
    if (result == DrawResult::Done)
        m_states[index] = State::Done;
    else if (result == DrawResult::WaitingForPictures)
        m_states[index] = State::Waiting; // drawn again when the picture arrives, not polled for
}

void SlidesAhead::pictures_arrived() {
    for (State& state : m_states)
        if (state == State::Waiting)
            state = State::ToDraw;
}

} // namespace lectern
