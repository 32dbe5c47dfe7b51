#include "presenter_command.h"

namespace lectern {

std::string_view name_of(PresenterCommand command) {
    switch (command) {
    case PresenterCommand::Next:
        return "next";
    case PresenterCommand::Previous:
        return "previous";
    case PresenterCommand::First:
        return "first slide";
    case PresenterCommand::Last:
        return "last slide";
    case PresenterCommand::Digit:
        return "type a slide number";
    case PresenterCommand::Confirm:
        return "go to the typed slide, or next";
    case PresenterCommand::BlackScreen:
        return "black screen";
    case PresenterCommand::WhiteScreen:
        return "white screen";
    case PresenterCommand::StartFromFirst:
        return "start from the first slide";
    case PresenterCommand::StartFromCurrent:
        return "start from this slide";
    case PresenterCommand::ToggleFullscreen:
        return "full screen on or off";
    case PresenterCommand::Quit:
        return "quit (press twice within 2 s)";
    case PresenterCommand::ToggleVoting:
        return "open or close voting";
    case PresenterCommand::ToggleReveal:
        return "reveal or hide results";
    }
    return "";
}

} // namespace lectern
