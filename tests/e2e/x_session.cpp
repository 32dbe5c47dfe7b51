#include "x_session.h"

#include "golden_image.h"
#include "xwd_image.h"

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <spawn.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace lectern::test {

namespace {

pid_t spawn(const std::vector<std::string>& arguments, const std::string& display,
            const std::string& log_file) {
    std::vector<char*> argv;
    for (const std::string& argument : arguments)
        argv.push_back(const_cast<char*>(argument.c_str()));
    argv.push_back(nullptr);
    std::vector<std::string> environment;
    for (char** entry = environ; *entry; ++entry) {
        if (!std::string_view(*entry).starts_with("DISPLAY="))
            environment.emplace_back(*entry);
    }
    environment.push_back("DISPLAY=" + display);
    // In the sanitizer build, SDL's session-bus connection (libdbus) leaves blocks whose stacks LSan cannot
    // walk, so they cannot be suppressed by name. Leaks in our own code are caught by the in-process
    // render and core tests; here the exit status must say only whether the program quit cleanly.
    environment.push_back("ASAN_OPTIONS=detect_leaks=0");
    std::vector<char*> envp;
    for (std::string& entry : environment)
        envp.push_back(entry.data());
    envp.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    pid_t pid = -1;
    if (posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), envp.data()) != 0)
        pid = -1;
    posix_spawn_file_actions_destroy(&actions);
    return pid;
}

} // namespace

SDL_Surface* XSession::screenshot_of(const SDL_Rect* region) const {
    SDL_Surface* shot = screenshot();
    if (!shot || !region)
        return shot;
    SDL_Surface* part = SDL_CreateRGBSurfaceWithFormat(0, region->w, region->h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_SetSurfaceBlendMode(shot, SDL_BLENDMODE_NONE);
    SDL_BlitSurface(shot, region, part, nullptr);
    SDL_FreeSurface(shot);
    return part;
}

double XSession::difference_now(SDL_Surface* expected, const SDL_Rect* region) const {
    SDL_Surface* shot = screenshot_of(region);
    const double share = differing_share(expected, shot);
    if (shot)
        SDL_FreeSurface(shot);
    return share;
}

int XSession::wait_for(const std::vector<SDL_Surface*>& candidates, std::size_t wanted, int timeout_ms,
                       const SDL_Rect* region) const {
    int seen = -1;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    do {
        SDL_Surface* shot = screenshot_of(region);
        seen = -1;
        for (std::size_t i = 0; i < candidates.size(); ++i) {
            if (differing_share(candidates[i], shot) < screen_match_share)
                seen = static_cast<int>(i);
        }
        if (shot)
            SDL_FreeSurface(shot);
        if (seen == static_cast<int>(wanted))
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    } while (std::chrono::steady_clock::now() < deadline);
    return seen;
}

bool exits_within(pid_t pid, int timeout_ms, int* status) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (std::chrono::steady_clock::now() < deadline) {
        int result = 0;
        if (waitpid(pid, &result, WNOHANG) == pid) {
            if (status)
                *status = result;
            return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
}

XSession::XSession(int width, int height) {
    const std::string screen = std::to_string(width) + "x" + std::to_string(height) + "x24";
    // A display number of our own, so parallel test runs do not meet. If that number is taken (another
    // test's Xvfb, a benchmark's), our Xvfb exits at once: never use a server we did not start; try
    // the next number instead.
    for (int offset = 0; offset < 20 && !m_ready; ++offset) {
        const int number = 100 + static_cast<int>((getpid() + offset * 37) % 800);
        m_display = ":" + std::to_string(number);
        m_server =
            spawn({"Xvfb", m_display, "-screen", "0", screen, "-nolisten", "tcp"}, m_display, "/dev/null");
        if (m_server < 0)
            return;
        bool exited = false;
        for (int attempt = 0; attempt < 100 && !m_ready && !exited; ++attempt) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            exited = waitpid(m_server, nullptr, WNOHANG) == m_server;
            m_ready = !exited && run("xdpyinfo >/dev/null 2>&1") == 0;
        }
        if (!m_ready && !exited) {
            kill(m_server, SIGTERM);
            waitpid(m_server, nullptr, 0);
        }
        if (!m_ready)
            m_server = -1;
    }
}

XSession::~XSession() {
    for (pid_t pid : m_started) {
        kill(pid, SIGKILL);
        waitpid(pid, nullptr, 0);
    }
    if (m_server > 0) {
        kill(m_server, SIGTERM);
        waitpid(m_server, nullptr, 0);
    }
}

pid_t XSession::start(const std::vector<std::string>& arguments, const std::string& log_file) {
    const pid_t pid = spawn(arguments, m_display, log_file);
    if (pid > 0)
        m_started.push_back(pid);
    return pid;
}

int XSession::run(const std::string& shell_command) const {
    const std::string command = "DISPLAY=" + m_display + " " + shell_command;
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void XSession::key(const std::string& name) const {
    run("xdotool key " + name);
}

SDL_Surface* XSession::screenshot() const {
    const std::string file =
        std::filesystem::temp_directory_path() / ("lectern-e2e-" + std::to_string(getpid()) + ".xwd");
    if (run("xwd -root -silent > " + file) != 0)
        return nullptr;
    std::string error;
    SDL_Surface* surface = load_xwd(file, error);
    std::filesystem::remove(file);
    return surface;
}

} // namespace lectern::test
