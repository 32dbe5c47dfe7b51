// The conductor's side of the teacher's phone remote (net/remote_routes.h, docs/vote-api.md): commands
// act through the same commands as keys and the panel's buttons; the remote is told the state whenever
// something it shows changed; its pictures of the slides are drawn by the slides' own renderer.
#include "core/remote/remote_state.h"
#include "presentation.h"

#include <cmath>

namespace lectern {

void Presentation::remote_mail(std::uint64_t now_ms) {
    RemoteInbox::Mail mail = m_inbox.take();
    for (const RemoteInbox::Command& command : mail.commands)
        apply_remote(command.command, now_ms);
    if (!mail.commands.empty()) {
        m_remote_told.reset(); // each command is answered with the state it led to
        tell_remote(now_ms);
    }
    for (RemoteInbox::Command& command : mail.commands)
        command.applied();
    for (RemoteInbox::Picture& picture : mail.pictures)
        picture.done(remote_picture(picture.next, picture.width));
}

void Presentation::apply_remote(const RemoteCommand& command, std::uint64_t now_ms) {
    m_kiosk.used(now_ms); // as a key: a kiosk's auto-advance pauses
    const std::optional<PollState> poll = m_polls.poll_of(m_show.nav().slide);
    switch (command.action) {
    case RemoteAction::Next:
        return apply({PresenterCommand::Next, 0}, now_ms);
    case RemoteAction::Previous:
        return apply({PresenterCommand::Previous, 0}, now_ms);
    case RemoteAction::First:
        return apply({PresenterCommand::First, 0}, now_ms);
    case RemoteAction::Last:
        return apply({PresenterCommand::Last, 0}, now_ms);
    case RemoteAction::Black:
        return apply({blank_toggle(Blank::Black), 0}, now_ms);
    case RemoteAction::White:
        return apply({blank_toggle(Blank::White), 0}, now_ms);
    case RemoteAction::Open:
    case RemoteAction::Close:
        if (poll && poll->open != (command.action == RemoteAction::Open))
            apply({PresenterCommand::ToggleVoting, 0}, now_ms);
        return;
    case RemoteAction::Reveal:
    case RemoteAction::Hide:
        if (poll && poll->revealed != (command.action == RemoteAction::Reveal))
            apply({PresenterCommand::ToggleReveal, 0}, now_ms);
        return;
    case RemoteAction::Goto:
        if (following_leader())
            return; // a room following a school's leader moves with it only, as its keys do
        m_show.finish_fade();
        m_show.calm_quit();
        return move_to(m_show.at_slide(command.slide), now_ms);
    }
}

void Presentation::tell_remote(std::uint64_t now_ms) {
    if (!m_polls.remote_on() || m_show.deck().slides.empty())
        return;
    const std::size_t slide = m_show.nav().slide;
    std::optional<RemotePoll> poll;
    if (const std::optional<PollView> view = m_polls.view_of(slide, now_ms))
        poll = RemotePoll{m_show.deck().slides[slide].id, view->open, view->revealed,
                          static_cast<std::size_t>(std::max(0, view->responses))};
    RemoteState state = remote_state_of(m_show.deck(), m_show.nav(), m_show.shape(), m_panel.stopwatch(),
                                        now_ms, std::move(poll));
    // The page counts the clock on by itself; it is set right now and then, and at once on any news.
    constexpr std::uint64_t clock_refresh_ms = 10000;
    if (m_remote_told && !remote_news(*m_remote_told, state) && now_ms < m_remote_told_ms + clock_refresh_ms)
        return;
    m_polls.tell_remote(state);
    m_remote_told = std::move(state);
    m_remote_told_ms = now_ms;
}

Expected<std::string> Presentation::remote_picture(bool next, int width) {
    std::optional<DisplayList> preview;
    if (next) {
        preview = m_show.compose_next(*m_measurer, m_polls.join());
        if (!preview)
            return Failure{"this is the last slide: nothing comes next"};
    }
    const Box bounds = slide_bounds(m_show.deck().info.aspect);
    const int height =
        std::max(1, static_cast<int>(std::lround(static_cast<double>(width) * bounds.h / bounds.w)));
    // A canvas kept for each of the last two sizes asked for: the page asks for the slide on screen and
    // the next one at two widths, and a canvas keeps its text drawn between pictures.
    auto fits = [&](const std::unique_ptr<OffscreenCanvas>& canvas) {
        return canvas && canvas->surface()->w == width && canvas->surface()->h == height;
    };
    if (!fits(m_remote_canvases[0])) {
        std::swap(m_remote_canvases[0], m_remote_canvases[1]);
        if (!fits(m_remote_canvases[0])) {
            m_remote_canvases[0].reset(); // its textures go before another canvas is made
            Expected<std::unique_ptr<OffscreenCanvas>> made =
                OffscreenCanvas::create(width, height, *m_catalog);
            if (!made)
                return Failure{made.error()};
            m_remote_canvases[0] = std::move(*made);
        }
    }
    m_remote_canvases[0]->draw(preview ? *preview : m_show.on_screen());
    return m_remote_canvases[0]->png();
}

} // namespace lectern
