// Child processes: spawning, waiting and ending them, and the handlers that stop them all on a fatal signal.
#pragma once

#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace present_bench {

// Children the signal handlers must kill: plain globals, read in the handler.
extern volatile pid_t g_xvfb;
extern volatile pid_t g_app;
extern int g_failures; // anything that went wrong: the programs' log is then kept

// Kills the program measured and stops Xvfb at once; safe in a signal handler.
void kill_children_now();

// SIGALRM (the watchdog, armed here for watchdog_seconds), SIGINT and SIGTERM kill the children and exit
// with status 3; SIGPIPE is ignored.
void install_fatal_signal_handlers(unsigned watchdog_seconds);

// Our environment with DISPLAY set to display and no SDL_VIDEODRIVER or WAYLAND_DISPLAY.
std::vector<std::string> child_environment(const std::string& display);

// posix_spawnp with stdin from /dev/null and stdout and stderr appended to log. Returns 0 on failure.
pid_t spawn(const std::vector<std::string>& args, const std::vector<std::string>& env,
            const std::string& log);

// Waits up to timeout_ms for pid to end. The exit status, or nullopt if it is still running.
std::optional<int> wait_exit(pid_t pid, double timeout_ms);

// Ends pid: SIGTERM, then SIGKILL. Returns how it went.
std::string terminate(pid_t pid);

} // namespace present_bench
