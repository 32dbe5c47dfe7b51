#include "show.h"

#include "core/compose/overlay_composer.h"
#include "core/deck/deck_language.h"
#include "core/input/input_help.h"
#include "core/show/texture_budget.h"

#include <algorithm>
#include <malloc.h>
#include <sstream>

namespace lectern {

namespace {

std::vector<std::string> ids_of(const Deck& deck) {
    std::vector<std::string> ids;
    for (const Slide& slide : deck.slides)
        ids.push_back(slide.id);
    return ids;
}

} // namespace

Show::Show(std::shared_ptr<const Deck> deck)
    : m_deck(std::move(deck)), m_language(m_deck->info.language), m_shown(m_deck),
      m_shape(shape_of(*m_deck)) {
}

void Show::show_languages(std::string language, std::string second) {
    const std::vector<std::string>& languages = m_deck->info.languages;
    if (std::ranges::find(languages, language) == languages.end())
        language = languages.empty() ? m_deck->info.language : languages.front();
    if (second == language || std::ranges::find(languages, second) == languages.end())
        second.clear();
    m_language = std::move(language);
    m_second = std::move(second);
    m_shown = m_language == m_deck->info.language
                  ? m_deck
                  : std::make_shared<const Deck>(deck_in_language(*m_deck, m_language));
    m_behind = true;
}

ComposedSlide Show::compose(std::size_t slide, std::size_t step, TextMeasurer& measurer,
                            const JoinDetails* join, const PollView* poll) const {
    const std::optional<SecondLanguage> second =
        m_second.empty() ? std::nullopt
                         : std::optional(lectern::second_language(m_deck->slides[slide], m_second));
    return compose_slide(*m_shown, m_shown->slides[slide], step, measurer, join, poll,
                         second ? &*second : nullptr);
}

Expected<AudienceWindow> Show::open_window(const DisplayInfo& display, WindowMode mode) const {
    return AudienceWindow::open(display, mode, "Lectern: " + m_deck->info.title);
}

void Show::open(const DisplayInfo& display, AudienceWindow window, FontCatalog& catalog) {
    m_display_name = display.name;
    m_view = std::make_unique<AudienceView>(std::move(window), catalog);
    size_texture_budgets();
}

void Show::size_texture_budgets() {
    SlideRenderer& slides = m_view->slide_renderer();
    int width = 0;
    int height = 0;
    SDL_GetRendererOutputSize(slides.text_cache().renderer(), &width, &height);
    const TextureBudgets budgets = texture_budgets(width, height, deck_view_count(*m_deck), m_largest_view);
    slides.text_cache().set_budget_bytes(budgets.text);
    slides.image_cache().set_budget_bytes(budgets.pictures);
}

ShowMove Show::move_to(const NavState& nav) {
    const NavState before = m_nav;
    m_nav = nav;
    m_behind = true;
    const bool changed = m_nav.slide != before.slide || m_nav.step != before.step;
    if (changed)
        ++m_slide_changes;
    return {before.slide, m_nav.slide, changed};
}

bool Show::fades() const {
    return m_shown->info.transition == Transition::Fade && m_nav.blank == Blank::None;
}

DisplayList Show::show_current(bool fade, std::uint64_t now_ms, TextMeasurer& measurer,
                               const JoinDetails* join, const PollView* poll) {
    if (m_shown->slides.empty())
        return {};
    DisplayList current = compose(m_nav.slide, m_nav.step, measurer, join, poll).list;
    m_view->show(current, fade, now_ms);
    m_behind = true;
    return current;
}

std::optional<DisplayList> Show::compose_next(TextMeasurer& measurer, const JoinDetails* join) const {
    const std::optional<NavState> next = next_view();
    if (!next)
        return std::nullopt;
    return compose(next->slide, next->step, measurer, join, nullptr).list;
}

void Show::replace_deck(std::shared_ptr<const Deck> deck) {
    const DeckShape shape = shape_of(*deck);
    m_nav = after_reload(m_nav, ids_of(*m_deck), ids_of(*deck), shape);
    m_deck = std::move(deck);
    show_languages(m_language, m_second); // a language the edited deck no longer has goes back to its own
    m_shape = shape;
    ++m_reloads;
    m_view->slide_renderer().image_cache().clear(); // pictures may have changed on disk too
    m_largest_view = {};                            // measured again on the new deck's views
    size_texture_budgets();
    // A reload frees the old deck and its layouts: give the freed heap back to the system, so a day of
    // saves does not leave the allocator holding the high-water mark of every one of them.
    malloc_trim(0);
    m_behind = true;
}

void Show::present(std::uint64_t now_ms, const DisplayList* overlay, const MarksFrame* marks) {
    m_view->present(now_ms, m_nav.blank, overlay, marks);
    m_behind = false;
    const ViewTextureBytes largest = largest_of(m_largest_view, m_view->slide_renderer().drawn_bytes());
    if (largest != m_largest_view) {
        m_largest_view = largest;
        size_texture_budgets();
    }
}

void Show::expire_quit_hint(std::uint64_t now_ms) {
    if (!m_quit.waiting_for_second_press(now_ms) && m_quit.armed_at_ms) {
        m_quit.armed_at_ms.reset(); // the hint goes away
        m_behind = true;
    }
}

std::string Show::hint(std::uint64_t now_ms, const InputMap& map) const {
    const bool quit_waiting = m_quit.waiting_for_second_press(now_ms);
    if (!quit_waiting && m_nav.typed_number.empty())
        return {};
    return overlay_hint(quit_waiting, m_nav.typed_number,
                        first_key_for(map, PresenterCommand::Quit, InputMode::Presenting),
                        first_key_for(map, PresenterCommand::Confirm, InputMode::Presenting));
}

void Show::window_event(const SDL_Event& event) {
    switch (event.type) {
    case SDL_WINDOWEVENT:
        if (event.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
            m_view->refresh();
            m_largest_view.text = 0; // text is rasterised again at the new size; photos stay as decoded
            size_texture_budgets();
            m_behind = true;
        } else if (event.window.event == SDL_WINDOWEVENT_EXPOSED ||
                   event.window.event == SDL_WINDOWEVENT_SHOWN) {
            m_behind = true;
        }
        break;
    case SDL_RENDER_TARGETS_RESET:
        m_view->refresh();
        m_behind = true;
        break;
    case SDL_RENDER_DEVICE_RESET:
        m_view->reset_device();
        m_behind = true;
        break;
    default:
        break;
    }
}

bool Show::follow_display(const std::string& asked) {
    // SDL renumbers displays after a hot-plug: find the audience's display again by name.
    const std::vector<DisplayInfo> displays = list_displays();
    std::optional<DisplayInfo> display = choose_display(displays, m_display_name);
    if (!display)
        display = choose_display(displays, asked);
    if (!display)
        display = choose_display(displays, "");
    if (!display)
        return false;
    m_view->move_to(*display);
    m_behind = true;
    return true;
}

void Show::toggle_fullscreen() {
    const std::optional<DisplayInfo> display = choose_display(list_displays(), m_display_name);
    if (display)
        m_view->set_mode(m_view->mode() == WindowMode::FullScreen ? WindowMode::Windowed
                                                                  : WindowMode::FullScreen,
                         *display);
}

void Show::hide_pointer() {
    SDL_ShowCursor(SDL_DISABLE);
    m_cursor_shown = false;
}

void Show::update_pointer(std::uint64_t now_ms) {
    const bool visible = m_cursor.visible(now_ms);
    if (visible != m_cursor_shown) {
        SDL_ShowCursor(visible ? SDL_ENABLE : SDL_DISABLE);
        m_cursor_shown = visible;
    }
}

std::optional<std::uint64_t> Show::wake_at_ms(std::uint64_t now_ms, bool animating) const {
    std::optional<std::uint64_t> wake;
    auto sooner = [&wake](std::uint64_t at) {
        wake = wake ? std::min(*wake, at) : at;
    };
    if (m_view->needs_frame(now_ms) || animating)
        sooner(now_ms + 16); // one frame of the fade or of the bars
    if (auto hide = m_cursor.hide_at_ms(now_ms))
        sooner(*hide);
    if (auto expires = m_quit.expires_at_ms())
        sooner(*expires + 1);
    return wake;
}

std::string Show::stats() {
    const TextCacheCounters text = m_view->slide_renderer().text_cache().counters();
    const ImageCache& pictures = m_view->slide_renderer().image_cache();
    std::ostringstream line;
    line << "slide changes " << m_slide_changes << ", reloads " << m_reloads << ", text textures "
         << text.live_textures << " (" << text.live_bytes / 1024 << " KiB), pictures "
         << pictures.live_textures() << " (" << pictures.live_bytes() / 1024 << " KiB)";
    // The allocator's view (every arena): what the program holds, and what it has freed but still keeps.
    const struct mallinfo2 heap = mallinfo2();
    line << ", picture budget " << pictures.budget_bytes() / 1024 << " KiB, text budget "
         << m_view->slide_renderer().text_cache().budget_bytes() / 1024 << " KiB, heap in use "
         << (heap.uordblks + heap.hblkhd) / 1024 << " KiB, heap free " << heap.fordblks / 1024 << " KiB";
    return line.str();
}

} // namespace lectern
