#include "process.h"

#include "clock.h"

#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace present_bench {

volatile pid_t g_xvfb = 0;
volatile pid_t g_app = 0;
int g_failures = 0;

void kill_children_now() {
    if (g_app > 0)
        kill(g_app, SIGKILL);
    if (g_xvfb > 0)
        kill(g_xvfb, SIGTERM);
}

namespace {

extern "C" void on_fatal_signal(int signal_number) {
    kill_children_now();
    const char* message = signal_number == SIGALRM ? "present_bench: watchdog: took too long, stopped\n"
                                                   : "present_bench: interrupted\n";
    const ssize_t ignored = write(STDERR_FILENO, message, std::strlen(message));
    (void)ignored;
    _exit(3);
}

} // namespace

void install_fatal_signal_handlers(unsigned watchdog_seconds) {
    struct sigaction action {};
    action.sa_handler = on_fatal_signal;
    sigaction(SIGALRM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    signal(SIGPIPE, SIG_IGN);
    alarm(watchdog_seconds);
}

std::vector<std::string> child_environment(const std::string& display) {
    std::vector<std::string> env;
    for (char** entry = environ; *entry != nullptr; ++entry) {
        const std::string text = *entry;
        if (text.rfind("DISPLAY=", 0) == 0 || text.rfind("SDL_VIDEODRIVER=", 0) == 0 ||
            text.rfind("WAYLAND_DISPLAY=", 0) == 0)
            continue; // the program must pick X11 on our Xvfb, as it would on a desktop
        env.push_back(text);
    }
    env.push_back("DISPLAY=" + display);
    return env;
}

pid_t spawn(const std::vector<std::string>& args, const std::vector<std::string>& env,
            const std::string& log) {
    std::vector<char*> argv;
    for (const std::string& arg : args)
        argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    std::vector<char*> envp;
    for (const std::string& entry : env)
        envp.push_back(const_cast<char*>(entry.c_str()));
    envp.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_APPEND,
                                     0644);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t signals;
    sigemptyset(&signals);
    posix_spawnattr_setsigmask(&attributes, &signals);
    sigaddset(&signals, SIGALRM);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGPIPE);
    posix_spawnattr_setsigdefault(&attributes, &signals);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    pid_t pid = 0;
    const int failed = posix_spawnp(&pid, argv[0], &actions, &attributes, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    if (failed != 0) {
        std::fprintf(stderr, "present_bench: cannot start %s: %s\n", args[0].c_str(), std::strerror(failed));
        return 0;
    }
    return pid;
}

std::optional<int> wait_exit(pid_t pid, double timeout_ms) {
    const double until = now_ms() + timeout_ms;
    do {
        int status = 0;
        const pid_t done = waitpid(pid, &status, WNOHANG);
        if (done == pid)
            return status;
        if (done < 0)
            return -1;
        sleep_ms(2);
    } while (now_ms() < until);
    return std::nullopt;
}

std::string terminate(pid_t pid) {
    kill(pid, SIGTERM);
    if (wait_exit(pid, 3000))
        return "SIGTERM";
    kill(pid, SIGKILL);
    wait_exit(pid, 3000);
    return "SIGKILL (did not end on SIGTERM)";
}

} // namespace present_bench
