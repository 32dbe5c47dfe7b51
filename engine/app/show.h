// Show: the room's screen and what it shows. Owns the audience window (AudienceView), the deck on show
// and where the teacher is in it (navigation, blanking), the quit guard, the pointer, whether the screen
// is behind, and the counters the soak tool reads. It composes the current slide with what the poll
// session gives it and decides when a change fades; the presentation says when.
#pragma once

#include "audience_view.h"
#include "core/compose/slide_composer.h"
#include "core/deck/deck.h"
#include "core/input/input_map.h"
#include "core/show/navigation.h"
#include "core/show/quit_guard.h"
#include "core/show/screen_timers.h"
#include "render/font_catalog.h"

#include <SDL2/SDL.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace lectern {

// What a move changed: the slide before and after, and whether the view (slide or build step) changed.
struct ShowMove {
    std::size_t from = 0;
    std::size_t to = 0;
    bool view_changed = false;
};

class Show {
public:
    explicit Show(std::shared_ptr<const Deck> deck);

    // Opens the audience window on `display`, titled after the deck; a Failure says why it could not.
    // Reads only the deck, so the first slide may be composed on another thread meanwhile.
    Expected<AudienceWindow> open_window(const DisplayInfo& display, WindowMode mode) const;
    // Shows the deck in `window` (opened on `display`) with `catalog`'s fonts.
    void open(const DisplayInfo& display, AudienceWindow window, FontCatalog& catalog);
    // Closes the window (before the fonts its textures were made with).
    void close() { m_view.reset(); }

    // The deck in the room's language (core/deck/deck_language.h).
    const Deck& deck() const { return *m_shown; }
    // The deck as written, with every translation: shared with the voting server's thread, which asks each
    // device's language of it. A reload replaces it and never changes it.
    const std::shared_ptr<const Deck>& shared_deck() const { return m_deck; }
    // The room's language, and the second shown beneath it ("" when one language is shown), both among
    // the deck's languages. Changing them keeps the slide, the build step and every poll.
    const std::string& language() const { return m_language; }
    const std::string& second_language() const { return m_second; }
    void show_languages(std::string language, std::string second);
    const DeckShape& shape() const { return m_shape; }
    const NavState& nav() const { return m_nav; }
    AudienceView& view() { return *m_view; }
    SlideRenderer& slide_renderer() { return m_view->slide_renderer(); }

    // The view at `slide` and `step` composed in the languages on show (the room's, and any beneath).
    ComposedSlide compose(std::size_t slide, std::size_t step, TextMeasurer& measurer,
                          const JoinDetails* join, const PollView* poll) const;

    // Where `command` leads from here (navigation's rules), and what follows the view on screen.
    NavState after(PresenterCommand command, int digit = 0) const {
        return navigate(m_nav, command, m_shape, digit);
    }
    NavState at_slide(std::size_t slide) const { return go_to_slide(m_nav, slide, m_shape); }
    std::optional<NavState> next_view() const { return following(m_nav, m_shape); }

    // Moves to `nav` and counts a slide change when the view changed; the caller then shows it.
    ShowMove move_to(const NavState& nav);
    // Whether showing a new view now fades: the deck asks for fades, and the screen is not blanked.
    bool fades() const;
    // Composes the view on screen and shows it (fading with `fade`); returns it for the panel.
    DisplayList show_current(bool fade, std::uint64_t now_ms, TextMeasurer& measurer, const JoinDetails* join,
                             const PollView* poll);
    // What the room's screen shows (the slide under any blanking), as last composed.
    const DisplayList& on_screen() const { return m_view->slide(); }
    // What the next view will show, for the panel; nothing at the end.
    std::optional<DisplayList> compose_next(TextMeasurer& measurer, const JoinDetails* join) const;
    // A deck edited while shown: the same slide by id, the same polls; pictures are read again.
    void replace_deck(std::shared_ptr<const Deck> deck);

    // Whether a frame must be drawn now (something changed, or a fade is running), and drawing it.
    bool behind(std::uint64_t now_ms) const { return m_behind || m_view->needs_frame(now_ms); }
    void mark_behind() { m_behind = true; }
    void present(std::uint64_t now_ms, const DisplayList* overlay, const MarksFrame* marks = nullptr);
    void finish_fade() { m_view->finish_fade(); }

    // The quit guard: true when this press confirms the first. Any other command calms it.
    bool press_quit(std::uint64_t now_ms) { return m_quit.press(now_ms); }
    void calm_quit() { m_quit.armed_at_ms.reset(); }
    // Takes the "press again" hint away once its time is up.
    void expire_quit_hint(std::uint64_t now_ms);
    // The hint over the slide ("Press Esc again to quit", "Go to slide 12 (Enter)"), "" for none.
    std::string hint(std::uint64_t now_ms, const InputMap& map) const;

    // The audience window's own events: resizes, exposure, lost render targets or device.
    void window_event(const SDL_Event& event);
    // After a display was plugged or unplugged: the audience's display found again by name, else
    // `asked`, else the last one. False when there is no display at all.
    bool follow_display(const std::string& asked);
    void toggle_fullscreen();

    // The pointer shows while the teacher moves the mouse and hides when it is still.
    void pointer_moved(std::uint64_t now_ms) { m_cursor.moved(now_ms); }
    void hide_pointer();
    void update_pointer(std::uint64_t now_ms);

    // When the loop must wake for the screen next: a fade or bars frame, the pointer, the quit hint.
    std::optional<std::uint64_t> wake_at_ms(std::uint64_t now_ms, bool animating) const;

    // "slide changes N, reloads N, text textures ..., pictures ..., picture budget ..., text budget ..., heap
    // in use ..., heap free ...": the soak tool's counters (SIGUSR1).
    std::string stats();

private:
    // The text and picture caches' budgets from the window's size, the deck and the largest view drawn
    // (core/show/texture_budget.h).
    void size_texture_budgets();

    std::shared_ptr<const Deck> m_deck;
    std::string m_language;
    std::string m_second;
    std::shared_ptr<const Deck> m_shown; // m_deck in m_language
    DeckShape m_shape;
    NavState m_nav;
    QuitGuard m_quit;
    std::unique_ptr<AudienceView> m_view;
    ViewTextureBytes m_largest_view; // drawn since the deck or the window's size last changed
    std::string m_display_name;      // to find the audience's display again after a hot-plug
    CursorHider m_cursor;
    bool m_cursor_shown = true;
    bool m_behind = true;
    std::uint64_t m_slide_changes = 0;
    std::uint64_t m_reloads = 0;
};

} // namespace lectern
