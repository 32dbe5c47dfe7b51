// Benchmark driver for presenting (issue 5), measured from outside the program, as the audience sees it.
// It starts its own Xvfb (1920x1080x24, black root, the first free display from :97), then:
//   launch  time from posix_spawn to the first frame on the X server: 8 pixels near the screen's edges are
//           read with XGetImage on the root window every ~1 ms until they all show the slide's background
//           colour (BACKGROUND, default 102038: slide 1 of qzone-pupils.toml). Median of RUNS launches of
//           lectern DECK and of floor_window BACKGROUND, taking turns.
//   memory  VmHWM from /proc/PID/status just before quitting, after the idle measurement.
//   idle    utime+stime (/proc/PID/stat, clock ticks) and voluntary context switches (wakeups, summed over
//           /proc/PID/task/*/status) over 10 s with no input, after 1 s for start-up to settle.
//   keys    key to screen for "next": XTest presses Right, then 18 rows of the screen are read every ~1 ms:
//           first visible change (a channel differs by visible_step from the slide before) and settled
//           (the last change before the rows stay still for 300 ms). lectern presents a generated deck of
//           PRESSES+1 distinct slides twice, with transition = "none" and with the fade; floor_window
//           draws a new line of text. Medians of PRESSES, as ratios to the floor's first change.
// lectern quits with Esc twice (SIGTERM, then SIGKILL, when it does not), floor_window with SIGTERM.
// Every wait is bounded, a watchdog ends everything after 10 minutes, and Xvfb is always stopped.
// Exit status 0 when everything was measured (unmet targets are marked in the table), 1 when something
// could not be (the programs' output is then kept and named), 2 for a usage error, 3 when stopped.
// Usage: present_bench LECTERN FLOOR_WINDOW [--deck DECK --background RRGGBB] [--runs N] [--presses N]
//                      [--only launch|memory|idle|keys]...
// tools/bench/present_bench.sh builds everything in Release and runs it.
// This file parses the arguments, starts the screen and hands over to the measure_*.cpp files.
#include "bench.h"
#include "colour.h"
#include "measure_idle_memory.h"
#include "measure_keys.h"
#include "measure_launch.h"
#include "proc_readings.h"
#include "process.h"
#include "report.h"
#include "settings.h"
#include "x_screen.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#ifndef LECTERN_SOURCE_DIR
#define LECTERN_SOURCE_DIR "."
#endif

namespace {

int usage() {
    std::fprintf(stderr, "usage: present_bench LECTERN FLOOR_WINDOW [--deck DECK] [--background RRGGBB] "
                         "[--runs N] [--presses N] [--only launch|memory|idle|keys]...\n");
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    using namespace present_bench;
    if (argc < 3)
        return usage();
    const std::string lectern = argv[1];
    const std::string floor_window = argv[2];
    std::string deck = LECTERN_SOURCE_DIR "/slides/qzone-pupils.toml";
    std::string background_text = "102038"; // slide 1 of qzone-pupils.toml: the "assembly" theme
    int runs = 10;
    int presses = 20;
    Selection selection;
    for (int i = 3; i < argc; ++i) {
        const std::string option = argv[i];
        if (i + 1 >= argc)
            return usage();
        const std::string value = argv[++i];
        if (option == "--deck")
            deck = value;
        else if (option == "--background")
            background_text = value;
        else if (option == "--runs")
            runs = std::atoi(value.c_str());
        else if (option == "--presses")
            presses = std::atoi(value.c_str());
        else if (option == "--only" &&
                 (value == "launch" || value == "memory" || value == "idle" || value == "keys"))
            selection.add(value);
        else
            return usage();
    }
    const std::optional<Colour> background = parse_colour(background_text);
    if (!background || runs < 1 || runs > 100 || presses < 1 || presses > 200)
        return usage();

    install_fatal_signal_handlers(watchdog_seconds);
    install_x_io_error_handler();

    char dir_template[] = "/tmp/present_bench.XXXXXX";
    if (mkdtemp(dir_template) == nullptr) {
        std::perror("present_bench: mkdtemp");
        return 1;
    }
    const std::string dir = dir_template;
    const std::string log = dir + "/programs.log";
    const std::string key_deck = dir + "/keys.toml";
    const std::string fade_deck = dir + "/keys-fade.toml";
    constexpr Colour key_background{250, 249, 245}; // the "classroom" theme
    std::ofstream(key_deck) << key_deck_text(presses + 1, KeyTransition::Cut);
    std::ofstream(fade_deck) << key_deck_text(presses + 1, KeyTransition::Fade);

    const std::string load_before = load_average();
    VirtualScreen screen;
    if (!screen.start(dir + "/xvfb.log")) {
        std::fprintf(stderr, "present_bench: see %s\n", (dir + "/xvfb.log").c_str());
        return 1;
    }
    std::printf("present_bench: Xvfb %s %dx%dx24; deck %s; %d launches each; %d key presses\n",
                screen.name().c_str(), screen_w, screen_h, deck.c_str(), runs, presses);
    std::fflush(stdout);
    Bench bench(screen, log);
    const Program lectern_program{"lectern", {lectern, deck}, *background, true};
    const Program floor_program{"floor_window", {floor_window, background_text}, *background, false};
    const Program keys_program{"lectern (keys)", {lectern, key_deck}, key_background, true};
    const Program fade_program{"lectern (keys, fade)", {lectern, fade_deck}, key_background, true};
    const Program floor_keys_program{
        "floor_window (keys)", {floor_window, hex(key_background)}, key_background, false};

    std::string command_base = "present_bench " + shell_quote(lectern) + " " + shell_quote(floor_window);
    if (deck != LECTERN_SOURCE_DIR "/slides/qzone-pupils.toml")
        command_base += " --deck " + shell_quote(deck) + " --background " + background_text;
    Report report(command_base);

    if (selection.wanted("launch"))
        report_launch(bench, lectern_program, floor_program, runs, report);
    if (selection.wanted("memory") || selection.wanted("idle"))
        report_idle_memory(bench, lectern_program, floor_program, selection, report);
    if (selection.wanted("keys"))
        report_keys(bench, keys_program, fade_program, floor_keys_program, presses, report);
    report.print_table();
    std::printf(
        "\nAll times are from outside the program: Xvfb %s, pixels polled every ~%.0f ms with XGetImage. "
        "Load average before and after: %s / %s.\n",
        screen.name().c_str(), poll_interval_ms, load_before.c_str(), load_average().c_str());
    screen.stop();
    if (g_failures == 0) {
        std::error_code ignored;
        std::filesystem::remove_all(dir, ignored);
    } else {
        std::printf("Something failed: the programs' output is in %s\n", log.c_str());
    }
    std::printf("%s\n",
                report.all_met() ? "Every target is met." : "Some targets are not met (see **no** above).");
    return g_failures == 0 ? 0 : 1; // 1: something could not be measured; unmet targets are in the table
}
