// The presenter panel's parts, one file each (panel_<part>.cpp). Each draws into the current ImGui
// window from a PanelView and records what the teacher pressed in PanelActions.
// Private to engine/panel.
#pragma once

#include "panel_text.h"
#include "panel_view.h"

#include <SDL2/SDL.h>
#include <imgui.h>

namespace lectern {

// ImGui's font draws the panel's own words (buttons, labels) in Latin; the deck's words (notes, titles,
// options, answers) go through PanelText, in every script.
struct PanelFonts {
    ImFont* ui = nullptr;
    float notes_px = 40;      // drawn scaled by notes_scale
    float notes_scale = 1.0f; // the notes_bigger and notes_smaller commands change it
};

// A question the teacher confirms before it happens, in a modal popup opened with
// ImGui::OpenPopup(title): true in the frame `yes` is pressed.
bool confirmed(const char* title, const char* question, const char* yes, const char* no);

// Current and next slide as pictures, with "slide n of N".
void draw_slides_part(const PanelView& view, SDL_Texture* current, SDL_Texture* next, ImVec2 thumbnail_size);
// The speaker notes with their formatting, scrollable.
void draw_notes_part(const PanelView& view, const PanelFonts& fonts, PanelText& text);
// Elapsed time with pause and reset, the wall clock, pace against duration_minutes.
void draw_timer_part(const PanelView& view, PanelActions& actions);
// The slide's countdown with Pause and Restart, and "Save ink..." once the teacher has drawn.
void draw_marks_part(const PanelView& view, PanelActions& actions);
// Every slide by number and title; clicking one goes there. Black and white screen buttons.
void draw_slide_list_part(const PanelView& view, PanelActions& actions, PanelText& text);
// The current slide's poll: open or close, reveal or hide, reset (confirmed), answers so far, the join
// address, a show of hands per option with undo, and the queue of written answers to approve.
void draw_poll_part(const PanelView& view, PanelActions& actions, PanelText& text);
// The teacher's phone remote: its address and PIN, the phones signed in (each can be signed out), a new
// PIN (confirmed: it signs every phone out) and unlocking after too many wrong PINs.
void draw_remote_part(const RemotePanelView& remote, PanelActions& actions);
// In a school's show: the current poll's school totals per option, with each room's counts beside them.
void draw_school_part(const PanelView& view);
// A school follower: whether it is on its leader, and a button to present on its own for now or follow
// the leader again (as --local does at start).
void draw_school_follow_part(const PanelView& view, PanelActions& actions);
// A deck with translations: the room's language, a second one beneath it or none, and the deck's note on
// who translated it.
void draw_language_part(const PanelView& view, PanelActions& actions);
// Every problem in the one list, all of them (a broken edit, the screen, results, voting, pictures, the
// deck's warnings, input.conf): for the teacher, never the room.
void draw_problems_part(const PanelView& view);

} // namespace lectern
