// SlidesAhead: which views of the deck to prepare before the teacher's key, and in what order, one piece
// of work at a time. The app composes each view and draws it into a texture (AudienceView::prepare), so
// the frame after Next or Previous only copies a picture that is already made. Pure; time is an input:
// nothing is prepared while a fade runs or a frame is due, so preparing never delays what is on screen,
// and once everything is prepared it asks for nothing (an idle presentation sleeps).
#pragma once

#include "navigation.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace lectern {

// One view of the deck: a slide at a build step.
struct ViewAt {
    std::size_t slide = 0;
    std::size_t step = 0;
    friend bool operator==(const ViewAt&, const ViewAt&) = default;
};

// What the keys a teacher presses most would show from `nav`, most likely first: Next (the next build
// step, or the next slide), then Previous. Nothing for a key that shows the same view; nothing at all on
// a blanked screen (the next key shows the same slide again) or while a number is being typed.
std::vector<ViewAt> views_ahead(const NavState& nav, const DeckShape& shape);

enum class AheadWork { Compose, Draw };

struct AheadPiece {
    std::size_t index = 0; // into views()
    AheadWork work = AheadWork::Compose;
    friend bool operator==(const AheadPiece&, const AheadPiece&) = default;
};

enum class DrawResult { More, Done, WaitingForPictures };

class SlidesAhead {
public:
    // After a move, a reload or a resize: `views` are wanted, none of them prepared; nothing is done
    // before `quiet_from_ms` (the end of the fade now running, or now).
    void restart(std::vector<ViewAt> views, std::uint64_t quiet_from_ms);
    // Forgets every view (a reload, a resize, lost textures): nothing is prepared until restart().
    void clear() { m_views.clear(); }

    // The next piece of work at `now_ms`, or nothing: everything is prepared, a fade runs, or
    // `frame_due` (the screen is behind). One piece is a composition, or a little of a drawing: every
    // view is composed before any is drawn, and the most likely view is drawn first.
    std::optional<AheadPiece> next(std::uint64_t now_ms, bool frame_due) const;
    // Whether any work is left at all (the loop polls instead of sleeping while some is).
    bool work_left(std::uint64_t now_ms) const { return next(now_ms, false).has_value(); }

    void composed(std::size_t index);
    void drew(std::size_t index, DrawResult result);
    // A picture finished decoding: views that waited for one are drawn again.
    void pictures_arrived();

    const std::vector<ViewAt>& views() const { return m_views; }

private:
    enum class State { ToCompose, ToDraw, Done, Waiting };
    std::vector<ViewAt> m_views;
    std::vector<State> m_states;
    std::uint64_t m_quiet_from_ms = 0;
};

} // namespace lectern
