// Hot reload: a deck edited while it is shown replaces the one on screen only when it is valid,
// keeping the slide on screen (by id) and every poll's answers (by slide id).
#include "presentation.h"

#include <iostream>
#include <malloc.h>

namespace lectern {

void Presentation::reload(std::uint64_t now_ms) {
    std::optional<DeckLoadResult> result = m_watcher ? m_watcher->take_result() : std::nullopt;
    if (!result)
        return;
    if (!result->deck) {
        // The last good deck stays on screen; the teacher sees why, and it mends itself once fixed.
        for (const Diagnostic& diagnostic : result->diagnostics)
            std::cerr << format_diagnostic(diagnostic) << '\n';
        std::string problem = "The edited deck has errors, so the last good version stays on screen";
        if (!result->diagnostics.empty())
            problem += ": " + format_diagnostic(result->diagnostics.front());
        m_problems.set(ProblemSource::Reload, std::move(problem));
        m_show.mark_behind(); // the kiosk badge appears
        return;
    }
    m_show.replace_deck(std::make_shared<const Deck>(std::move(*result->deck)));
    m_polls.deck_reloaded(m_show.shared_deck(), m_show.nav().slide);
    if (m_school)
        m_school->deck_reloaded(m_show.deck());
    m_problems.set(ProblemSource::Deck, result->diagnostics);
    m_problems.clear(ProblemSource::Reload);
    m_marks.show_view(m_show.deck(), m_show.nav(), now_ms); // same slide by id: its ink and countdown stay
    // The old deck and its pictures' large buffers are gone: give the freed memory back to the system
    // now, so a kiosk edited all day does not creep up in size through the allocator keeping it.
    malloc_trim(0);
    std::cerr << "lectern: reloaded " << m_options.deck_path.string() << " (" << m_show.deck().slides.size()
              << " slides)\n";
    show_current(false, now_ms);
}

} // namespace lectern
