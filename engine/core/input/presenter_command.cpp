#include "presenter_command.h"

#include <array>

namespace lectern {

namespace {

using enum PresenterCommand;

// In the order --help and the README list them.
constexpr std::array<CommandName, 27> commands{{
    {Next, "next", "go to the next point or slide"},
    {Previous, "previous", "go back"},
    {First, "first", "first slide"},
    {Last, "last", "last slide"},
    {Digit, "digit", "type a slide number"},
    {Confirm, "confirm", "go to the typed slide number, or next"},
    {BlackScreen, "black", "black screen (any key brings the slide back)"},
    {WhiteScreen, "white", "white screen (any key brings the slide back)"},
    {StartFromFirst, "start_first", "start from the first slide"},
    {StartFromCurrent, "start_here", "start from this slide"},
    {ToggleFullscreen, "fullscreen", "full screen on or off"},
    {Quit, "quit", "quit: press twice within 2 seconds, so a stray key never ends a lesson"},
    {ToggleVoting, "toggle_voting", "open or close voting on a question"},
    {ToggleReveal, "toggle_reveal", "show or hide the results"},
    {QuitKiosk, "quit_kiosk", "end a kiosk (--kiosk), where the keys that quit do nothing"},
    {NotesBigger, "notes_bigger", "larger notes on the presenter panel"},
    {NotesSmaller, "notes_smaller", "smaller notes on the presenter panel"},
    {TogglePointer, "pointer", "show or hide a large pointer that follows the mouse"},
    {ToggleSpotlight, "spotlight", "spotlight: dim all but a circle around the pointer (wheel: its size)"},
    {ToggleZoom, "zoom", "zoom 2x around the pointer (wheel: 1.5x to 4x)"},
    {TogglePen, "pen", "pen: draw on the slide with the left button; clicks move on again after"},
    {InkColour, "ink_colour", "the pen's next colour (four)"},
    {InkUndo, "ink_undo", "take back the last stroke"},
    {InkErase, "ink_erase", "erase the slide's ink"},
    {CountdownPause, "countdown_pause", "pause or resume the slide's countdown"},
    {CountdownRestart, "countdown_restart", "start the slide's countdown again"},
    {NextLanguage, "next_language", "show the deck in its next language (a deck with translations)"},
}};

} // namespace

std::span<const CommandName> presenter_commands() {
    return commands;
}

std::optional<PresenterCommand> command_named(std::string_view conf_name) {
    for (const CommandName& name : commands) {
        if (name.conf_name == conf_name)
            return name.command;
    }
    return std::nullopt;
}

std::string_view description_of(PresenterCommand command) {
    for (const CommandName& name : commands) {
        if (name.command == command)
            return name.description;
    }
    return "";
}

std::vector<std::string_view> command_conf_names() {
    std::vector<std::string_view> names;
    for (const CommandName& name : commands)
        names.push_back(name.conf_name);
    return names;
}

} // namespace lectern
