// XSession: a real X server (Xvfb) for end-to-end tests, with helpers to start programs on it, press
// keys with xdotool and take screenshots with xwd. Everything it starts is stopped when it goes.
#pragma once

#include <SDL2/SDL.h>

#include <string>
#include <sys/types.h>
#include <vector>

namespace lectern::test {

class XSession {
public:
    XSession(int width, int height);
    ~XSession();
    XSession(const XSession&) = delete;
    XSession& operator=(const XSession&) = delete;

    bool ready() const { return m_ready; }
    const std::string& display() const { return m_display; }

    // Starts `arguments` with DISPLAY set to this server; output goes to `log_file`.
    pid_t start(const std::vector<std::string>& arguments, const std::string& log_file);
    // Runs a command with DISPLAY set, waits for it, returns its exit status.
    int run(const std::string& shell_command) const;
    // xdotool key NAME (e.g. "Right", "4", "Return", "Escape").
    void key(const std::string& name) const;
    // The whole screen now; the caller frees it.
    SDL_Surface* screenshot() const;

private:
    std::string m_display;
    pid_t m_server = -1;
    std::vector<pid_t> m_started;
    bool m_ready = false;
};

// Whether `pid` has exited (reaping it); waits at most `timeout_ms`.
bool exits_within(pid_t pid, int timeout_ms, int* status = nullptr);

} // namespace lectern::test
