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

    // The share of the screen (or of `region` of it) that differs from `expected` now, beyond the
    // golden-image tolerance; 1 when there is no screenshot or the sizes differ.
    double difference_now(SDL_Surface* expected, const SDL_Rect* region = nullptr) const;
    // Waits up to `timeout_ms` for the screen (or `region`) to show `candidates[wanted]`, looking every
    // 50 ms; returns the index of the candidate it last showed (`wanted` on success), -1 for none.
    int wait_for(const std::vector<SDL_Surface*>& candidates, std::size_t wanted, int timeout_ms,
                 const SDL_Rect* region = nullptr) const;
    bool shows_within(SDL_Surface* expected, int timeout_ms, const SDL_Rect* region = nullptr) const {
        return wait_for({expected}, 0, timeout_ms, region) == 0;
    }

private:
    SDL_Surface* screenshot_of(const SDL_Rect* region) const;

    std::string m_display;
    pid_t m_server = -1;
    std::vector<pid_t> m_started;
    bool m_ready = false;
};

// A screen shows a picture when fewer than this share of its pixels differ from it.
inline constexpr double screen_match_share = 0.002;

// The most a test waits for something that takes well under a second on an idle machine (a slide to
// show, a process to exit). Waits end as soon as the thing happens, so a generous bound costs nothing
// when the test passes; CI runs two sanitizer builds of lectern and Xvfb at once, and a kiosk's loop
// of slides must be able to come round again if one look at the screen missed a slide.
inline constexpr int busy_machine_ms = 20000;

// Whether `pid` has exited (reaping it); waits at most `timeout_ms`.
bool exits_within(pid_t pid, int timeout_ms, int* status = nullptr);

} // namespace lectern::test
