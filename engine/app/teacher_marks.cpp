#include "teacher_marks.h"

#include "core/compose/marks_composer.h"

#include <cstdio>
#include <fstream>

namespace lectern {

void TeacherMarks::show_view(const Deck& deck, const NavState& nav, std::uint64_t now_ms) {
    if (deck.slides.empty())
        return;
    const Slide& slide = deck.slides[std::min(nav.slide, deck.slides.size() - 1)];
    m_marks.show_slide({slide.id, nav.step}, slide.countdown, now_ms);
    m_corner.reset();
    m_moved = true;
}

MarkInput TeacherMarks::handle(const SDL_Event& event, const AudienceView& view) {
    switch (event.type) {
    case SDL_MOUSEMOTION: {
        if (event.motion.windowID != view.window_id())
            return MarkInput::Ignored;
        if (const std::optional<Point> at = view.slide_point(event.motion.x, event.motion.y)) {
            m_marks.move_to({at->x, at->y});
            // Only what shows the pointer or draws needs a new frame: an idle screen stays idle.
            if (m_marks.pointer_shown() || m_marks.mode() != MarkMode::None || m_marks.ink().drawing())
                m_moved = true;
        }
        return MarkInput::Ignored; // motion still shows the system pointer for a while
    }
    case SDL_MOUSEBUTTONDOWN: {
        if (event.button.windowID != view.window_id() || event.button.button != SDL_BUTTON_LEFT ||
            m_marks.mode() != MarkMode::Pen)
            return MarkInput::Ignored;
        if (const std::optional<Point> at = view.slide_point(event.button.x, event.button.y)) {
            m_marks.press({at->x, at->y});
            m_moved = true;
        }
        return MarkInput::Taken; // in pen mode a click never moves on, even off the slide
    }
    case SDL_MOUSEBUTTONUP:
        if (event.button.button == SDL_BUTTON_LEFT && m_marks.ink().drawing()) {
            m_marks.release();
            return MarkInput::Taken;
        }
        return MarkInput::Ignored;
    case SDL_MOUSEWHEEL:
        if (event.wheel.y == 0 || !m_marks.wheel(event.wheel.y))
            return MarkInput::Ignored;
        m_moved = true;
        return MarkInput::Taken;
    default:
        return MarkInput::Ignored;
    }
}

bool TeacherMarks::behind(std::uint64_t now_ms) const {
    return m_moved || (m_next_change_ms && now_ms >= *m_next_change_ms);
}

MarksFrame TeacherMarks::frame(const DisplayList& slide, const Theme& theme) {
    MarksFrame frame;
    frame.marks = compose_marks(m_marks, slide, theme);
    frame.settled = settled_ink_items(m_marks);
    if (m_marks.mode() == MarkMode::Zoom) {
        const Point at{static_cast<float>(m_marks.pointer().x), static_cast<float>(m_marks.pointer().y)};
        frame.zoom = zoom_window(at, static_cast<float>(m_marks.zoom()), slide.width, slide.height);
    }
    return frame;
}

void TeacherMarks::add_countdown(const DisplayList& slide, const Theme& theme, TextMeasurer& measurer,
                                 std::uint64_t now_ms, DisplayList& overlay) {
    if (!m_marks.countdown())
        return;
    if (!m_corner)
        m_corner = countdown_corner(slide, measurer);
    compose_countdown(*m_marks.countdown(), *m_corner, theme, measurer, now_ms, overlay);
}

void TeacherMarks::drawn(std::uint64_t now_ms) {
    m_moved = false;
    m_next_change_ms = m_marks.next_change_ms(now_ms);
}

std::optional<std::uint64_t> TeacherMarks::wake_at_ms(std::uint64_t now_ms) const {
    if (m_moved)
        return now_ms;
    return m_next_change_ms;
}

void TeacherMarks::save_ink(const std::filesystem::path& deck_path) {
    const std::filesystem::path file = ink_file_for(deck_path);
    const std::filesystem::path part = file.string() + ".part";
    bool written = false;
    {
        std::ofstream out(part, std::ios::binary | std::ios::trunc);
        out << m_marks.ink().to_json();
        written = static_cast<bool>(out.flush());
    }
    // Whole or not at all: a half-written file never replaces one saved before.
    if (!written || std::rename(part.c_str(), file.c_str()) != 0) {
        std::remove(part.c_str());
        m_ink_status = "Could not save the ink to " + file.string() + ": check the folder can be written";
        return;
    }
    m_ink_status = "Ink saved to " + file.filename().string();
}

std::filesystem::path ink_file_for(const std::filesystem::path& deck_path) {
    std::filesystem::path file = deck_path;
    file.replace_extension(".ink.json");
    return file;
}

} // namespace lectern
