// One program on the private screen: launching it and timing its first frame, and quitting it.
#pragma once

#include "colour.h"
#include "x_screen.h"

#include <string>
#include <sys/types.h>
#include <utility>
#include <vector>

namespace present_bench {

struct Program {
    std::string label;
    std::vector<std::string> args;
    Colour background;
    bool quits_with_escape = false;
};

struct Run {
    bool ok = false;
    pid_t pid = 0;
    double first_change_ms = -1; // the first poll where the sample points were no longer all black
    double first_frame_ms = -1;  // the first poll where they all showed the background
    std::string error;
};

class Bench {
public:
    Bench(VirtualScreen& screen, std::string log) : m_screen(screen), m_log(std::move(log)) {}

    // Starts the program and polls until its first frame is on screen (or the timeout).
    Run launch(const Program& program);

    // Quits the program: Esc twice for lectern, SIGTERM for the floor. Returns how it ended.
    std::string quit(const Program& program, Run& run);

    VirtualScreen& screen() { return m_screen; }

private:
    Run launch_once(const Program& program);

    VirtualScreen& m_screen;
    std::string m_log;
};

} // namespace present_bench
