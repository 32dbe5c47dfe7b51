#include "present_command.h"

#include "core/deck/deck_language.h"
#include "core/deck/deck_loader.h"
#include "input_config.h"
#include "net/word_filter_file.h"
#include "presentation.h"
#include "render/display_choice.h"

#include <SDL2/SDL.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string_view>
#include <unistd.h>

namespace lectern {

namespace {

// SDL quietly picks an invisible driver when there is no screen; a show nobody can see is a failure.
bool start_video() {
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    SDL_SetHint(SDL_HINT_MOUSE_FOCUS_CLICKTHROUGH, "1"); // the first click on the window is a click
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        std::cerr << "lectern: cannot start the display: " << SDL_GetError() << '\n';
        return false;
    }
    // LECTERN_ALLOW_INVISIBLE_DISPLAY=1: for tests and benchmarks of the drivers that poll (offscreen
    // stands in for kmsdrm, which needs a real screen).
    const char* allow = std::getenv("LECTERN_ALLOW_INVISIBLE_DISPLAY");
    if (!video_driver_is_visible() && !(allow && std::string_view(allow) == "1")) {
        std::cerr
            << "lectern: no screen found (SDL is using its invisible \"" << SDL_GetCurrentVideoDriver()
            << "\" video driver). Connect a display, or start Lectern from the desktop; use `lectern render` "
               "to make pictures without a screen.\n";
        SDL_Quit();
        return false;
    }
    return true;
}

// --school's options: the deck id is [deck] id, or else the file's name without .toml; the room is this
// computer's name unless --room gives one.
std::optional<SchoolSessionOptions> school_options_of(const CommandLine& command, const std::string& path,
                                                      const Deck& deck) {
    if (command.school.empty())
        return std::nullopt;
    const Expected<SchoolUrl> url = parse_school_url(command.school); // checked with the command line
    if (!url)
        return std::nullopt;
    SchoolSessionOptions school;
    school.link.broker = *url;
    school.link.ca_file = command.school_ca;
    school.link.deck_id = deck.info.id.empty() ? std::filesystem::path(path).stem().string() : deck.info.id;
    school.link.room = command.room;
    if (school.link.room.empty()) {
        char host[256] = {};
        school.link.room = gethostname(host, sizeof host - 1) == 0 && host[0] ? host : "room";
    }
    school.link.lead = command.lead;
    school.local = command.local;
    return school;
}

} // namespace

int run_displays() {
    if (!start_video())
        return 1;
    const std::vector<DisplayInfo> displays = list_displays();
    for (const DisplayInfo& display : displays) {
        std::cout << display.index + 1 << ": " << display.name << "  " << display.bounds.w << "x"
                  << display.bounds.h << " at " << display.bounds.x << "," << display.bounds.y
                  << (display.index + 1 == static_cast<int>(displays.size())
                          ? "  (the audience display by default)"
                          : "")
                  << '\n';
    }
    SDL_Quit();
    return 0;
}

int run_present(const CommandLine& command) {
    const std::string& path = command.decks.front();
    DeckLoadOptions options;
    options.picture_problems = PictureProblems::AreWarnings; // a missing picture shows a placeholder
    DeckLoadResult result = load_deck_file(path, options);
    for (const Diagnostic& diagnostic : result.diagnostics)
        std::cerr << format_diagnostic(diagnostic) << '\n';
    if (!result.deck) {
        std::cerr << "lectern: the deck has errors; fix them and start again (`lectern check " << path
                  << "` lists them)\n";
        return 1;
    }
    const Expected<LanguageChoice> languages =
        choose_languages(result.deck->info, command.language, command.dual);
    if (!languages) {
        std::cerr << "lectern: " << languages.error() << '\n';
        return 2;
    }
    if (!start_video())
        return 1;
    int status = 0;
    {
        PresentOptions show;
        show.display = command.display;
        show.mode = command.windowed ? WindowMode::Windowed : WindowMode::FullScreen;
        show.panel = !command.presenter   ? PanelChoice::Auto
                     : *command.presenter ? PanelChoice::On
                                          : PanelChoice::Off;
        show.panel_display = command.presenter_display;
        show.deck_problems = result.diagnostics;
        LoadedInputMap input = load_input_map(); // a bad school file leaves the built-in keys working
        for (const Diagnostic& problem : input.problems)
            std::cerr << format_diagnostic(problem) << '\n';
        show.input_map = std::move(input.map);
        show.input_problems = std::move(input.problems);
        show.deck_path = path;
        show.retention_days = command.retention_days;
        show.kiosk = command.kiosk;
        show.vote = command.vote.value_or(!command.kiosk);
        // --remote-pin asks for the remote as --remote does.
        const bool pin_given = !command.remote_pin.empty();
        show.vote_server.remote = command.remote.value_or((show.vote && !command.kiosk) || pin_given);
        show.vote_server.remote_pin = command.remote_pin;
        show.remote_asked = command.remote.value_or(pin_given);
        show.clock_speed = command.clock_speed;
        show.languages = *languages;
        show.school = school_options_of(command, path, *result.deck);
        show.vote_server.port = command.port;
        show.vote_server.bind = command.bind;
        show.vote_server.host_name = command.host_name;
        show.vote_server.devices_per_address = static_cast<std::size_t>(command.devices_per_address);
        show.vote_server.http.connections_per_address =
            static_cast<std::size_t>(command.connections_per_address);
        show.vote_server.http.streams_per_address = static_cast<std::size_t>(command.streams_per_address);
        std::string filter_problem;
        show.vote_server.word_filter = load_word_filter(command.word_filter, filter_problem);
        if (!filter_problem.empty()) {
            std::cerr << "lectern: " << filter_problem << '\n';
            SDL_Quit();
            return 1;
        }
        Presentation presentation(std::move(*result.deck), std::move(show));
        status = presentation.run();
    }
    SDL_Quit();
    return status;
}

} // namespace lectern
