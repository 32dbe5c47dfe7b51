// PresenterCommand: what a key, click or clicker press asks the presentation to do. The input map
// (input_map.h, defaults in assets/input.conf) turns input into these; the core acts on them. Pure.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace lectern {

enum class PresenterCommand {
    Next,             // next build step or slide
    Previous,         // previous build step or slide
    First,            // first slide
    Last,             // last slide
    Digit,            // a number key: builds a slide number to jump to
    Confirm,          // jump to the typed number, or Next when none was typed
    BlackScreen,      // blank to black
    WhiteScreen,      // blank to white
    StartFromFirst,   // as PowerPoint's F5
    StartFromCurrent, // as PowerPoint's Shift+F5
    ToggleFullscreen, // full screen or a window
    Quit,             // quits only when pressed twice within 2 s
    ToggleVoting,     // open or close voting on the current question
    ToggleReveal,     // show or hide the results
    QuitKiosk,        // ends a kiosk (bound to a held chord, so no passer-by ends it)
    NotesBigger,      // the presenter panel's notes
    NotesSmaller,
    TogglePointer,    // the large pointer for the back of the hall (slide_marks.h)
    ToggleSpotlight,  // dim all but a circle around the pointer
    ToggleZoom,       // zoom around the pointer
    TogglePen,        // draw on the slide; clicks draw instead of moving on
    InkColour,        // the pen's next colour
    InkUndo,          // the slide's last stroke goes
    InkErase,         // all of the slide's ink goes
    CountdownPause,   // pause or resume the slide's countdown
    CountdownRestart, // start the slide's countdown again
    NextLanguage,     // the room's next language, in a deck with translations (core/deck/deck_language.h)
};

// A command as the presentation receives it.
struct CommandInput {
    PresenterCommand command;
    int digit = 0; // for PresenterCommand::Digit
};

// A command as input.conf names it, and as --help and the README describe it.
struct CommandName {
    PresenterCommand command;
    std::string_view conf_name; // "start_here"
    std::string_view description;
};

std::span<const CommandName> presenter_commands();

// The command input.conf calls `conf_name`, if any.
std::optional<PresenterCommand> command_named(std::string_view conf_name);
std::string_view description_of(PresenterCommand command);
std::vector<std::string_view> command_conf_names(); // for "did you mean"

} // namespace lectern
