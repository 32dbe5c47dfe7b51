// Hot reload: a deck edited while it is shown replaces the one on screen only when it is valid,
// keeping the slide on screen (by id) and every poll's answers (by slide id).
#include "presentation.h"

#include <iostream>
#include <malloc.h>

namespace lectern {

namespace {

std::vector<std::string> ids_of(const Deck& deck) {
    std::vector<std::string> ids;
    for (const Slide& slide : deck.slides)
        ids.push_back(slide.id);
    return ids;
}

} // namespace

void Presentation::reload(std::uint64_t now_ms) {
    std::optional<DeckLoadResult> result = m_watcher ? m_watcher->take_result() : std::nullopt;
    if (!result)
        return;
    if (!result->deck) {
        // The last good deck stays on screen; the teacher sees why, and it mends itself once fixed.
        for (const Diagnostic& diagnostic : result->diagnostics)
            std::cerr << format_diagnostic(diagnostic) << '\n';
        m_reload_problem = "The edited deck has errors, so the last good version stays on screen";
        if (!result->diagnostics.empty())
            m_reload_problem += ": " + format_diagnostic(result->diagnostics.front());
        m_dirty = true; // the kiosk badge appears
        return;
    }
    const std::vector<std::string> old_ids = ids_of(*m_deck);
    Deck next = std::move(*result->deck);
    const DeckShape next_shape = shape_of(next);
    m_nav = after_reload(m_nav, old_ids, ids_of(next), next_shape);
    m_deck = std::make_shared<const Deck>(std::move(next));
    m_shape = next_shape;
    m_book->reload_polls(polls_for(*m_deck)); // answers carried over in the same step
    if (m_server) {
        m_server->set_deck(m_deck);
        m_server->show(m_nav.slide);
    }
    m_options.deck_problems = result->diagnostics;
    m_reload_problem.clear();
    ++m_reloads;
    m_view->slide_renderer().image_cache().clear(); // pictures may have changed on disk too
    // The old deck and its pictures' large buffers are gone: give the freed memory back to the system
    // now, so a kiosk edited all day does not creep up in size through the allocator keeping it.
    malloc_trim(0);
    std::cerr << "lectern: reloaded " << m_options.deck_path.string() << " (" << m_deck->slides.size()
              << " slides)\n";
    show_current(false, now_ms);
}

} // namespace lectern
