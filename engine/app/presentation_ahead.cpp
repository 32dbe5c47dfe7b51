// The views a key would show next, composed (the measurer's memo keeps their words' widths) and their
// text rasterised and pictures decoded into the renderer's caches while the show is idle (issue 22):
// after a frame is presented, when no event waits and no frame is due, one piece at a time, so a key is
// never kept waiting for more than one piece. Forgotten on a move, a reload, a resize or lost textures.
#include "presentation.h"

namespace lectern {

bool Presentation::ahead_work_left(std::uint64_t now_ms) {
    const NavState& nav = m_show.nav();
    AudienceView& view = m_show.view();
    const bool same_deck = m_ahead_deck == &m_show.deck() && m_ahead_second == m_show.second_language();
    if (!same_deck || view.textures_generation() != m_ahead_textures || nav != m_ahead_from) {
        if (!same_deck)
            view.forget_prepared(); // the same list may show pictures that changed on disk
        m_ahead_deck = &m_show.deck();
        m_ahead_second = m_show.second_language();
        m_ahead_textures = view.textures_generation();
        m_ahead_from = nav;
        m_ahead.restart(views_ahead(nav, m_show.shape()), now_ms);
        m_ahead_lists.assign(m_ahead.views().size(), std::nullopt);
    }
    return m_ahead.next(now_ms, m_show.behind(now_ms) || m_marks.behind(now_ms)).has_value();
}

void Presentation::prepare_ahead(std::uint64_t now_ms) {
    const std::optional<AheadPiece> piece =
        m_ahead.next(now_ms, m_show.behind(now_ms) || m_marks.behind(now_ms));
    if (!piece)
        return;
    const ViewAt at = m_ahead.views()[piece->index];
    if (piece->work == AheadWork::Compose) {
        // As show_current composes it, so the list prepared is the list the key shows.
        std::optional<PollView> poll = m_polls.view_of(at.slide, now_ms);
        if (poll)
            add_school_counts(*poll);
        m_ahead_lists[piece->index] =
            m_show.compose(at.slide, at.step, *m_measurer, m_polls.join(), poll ? &*poll : nullptr).list;
        m_ahead.composed(piece->index);
        return;
    }
    m_ahead.drew(piece->index, m_show.view().prepare(*m_ahead_lists[piece->index]));
}

} // namespace lectern
