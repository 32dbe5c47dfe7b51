// The conductor's side of the presenter panel: what it is shown each frame (gathered from the show, the
// polls and the problem list) and where its buttons lead. PanelBridge owns the panel itself.
#include "core/input/input_help.h"
#include "presentation.h"

namespace lectern {

void Presentation::draw_panel(std::uint64_t now_ms) {
    note_picture_problems();
    PanelView view;
    view.deck = &m_show.deck();
    view.nav = m_show.nav();
    view.next = m_show.next_view();
    view.problems = m_problems.all();
    const InputMode mode = m_kiosk.input_mode();
    const std::string bigger = first_key_for(m_options.input_map, PresenterCommand::NotesBigger, mode);
    const std::string smaller = first_key_for(m_options.input_map, PresenterCommand::NotesSmaller, mode);
    view.notes_size_keys = bigger.empty() || smaller.empty() ? bigger + smaller : bigger + " and " + smaller;
    const std::optional<PollState> poll = m_polls.poll_of(m_show.nav().slide);
    view.poll = poll ? &*poll : nullptr;
    if (const JoinDetails* join = m_polls.join()) {
        view.join_address = join->address;
        view.room_code = join->room_code;
    }
    view.remote = m_polls.remote_panel();
    if (const std::optional<Countdown>& countdown = m_marks.marks().countdown())
        view.countdown =
            PanelCountdown{countdown->text(now_ms), countdown->phase(now_ms) == CountdownPhase::Paused};
    view.has_ink = !m_marks.marks().ink().empty() && !m_options.deck_path.empty();
    view.ink_status = m_marks.ink_status();
    if (m_school && poll)
        school_counts_into(view, poll->id);
    if (m_school && m_school->follower())
        view.school_follow =
            m_school->local() ? PanelView::SchoolFollow::Local : PanelView::SchoolFollow::OnLeader;
    view.language = m_show.language();
    view.second_language = m_show.second_language();
    apply_panel(m_panel.draw(std::move(view), now_ms), now_ms);
}

void Presentation::apply_panel(const PanelActions& actions, std::uint64_t now_ms) {
    if (actions.toggle_school_local && m_school) {
        if (const std::optional<LeaderState> leader = m_school->toggle_local())
            follow_leader(*leader, now_ms); // back on the leader: where it is now
    }
    if (actions.language || actions.second_language)
        show_languages(actions.language.value_or(m_show.language()),
                       actions.second_language.value_or(m_show.second_language()), now_ms);
    if (following_leader() && (actions.jump_to_slide || actions.toggle_black || actions.toggle_white))
        return; // a room following the leader shows what the leader shows
    if (actions.jump_to_slide)
        move_to(m_show.at_slide(*actions.jump_to_slide), now_ms);
    if (actions.next)
        apply({PresenterCommand::Next, 0}, now_ms);
    if (actions.previous)
        apply({PresenterCommand::Previous, 0}, now_ms);
    if (actions.toggle_black)
        move_to(m_show.after(blank_toggle(Blank::Black)), now_ms);
    if (actions.toggle_white)
        move_to(m_show.after(blank_toggle(Blank::White)), now_ms);
    if (actions.new_room_code && m_polls.new_room_code())
        show_current(false, now_ms);
    if (actions.pause_countdown)
        apply({PresenterCommand::CountdownPause, 0}, now_ms);
    if (actions.restart_countdown)
        apply({PresenterCommand::CountdownRestart, 0}, now_ms);
    if (actions.save_ink)
        m_marks.save_ink(m_options.deck_path);
    if (m_polls.apply(actions.poll, m_show.nav().slide, now_ms))
        show_current(false, now_ms);
    m_polls.apply(actions.remote);
}

} // namespace lectern
