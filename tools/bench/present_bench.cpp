// Benchmark driver for presenting (issue 5), measured from outside the program, as the audience sees it.
// It starts its own Xvfb (1920x1080x24, black root, the first free display from :97), then:
//   launch  time from posix_spawn to the first frame on the X server: 8 pixels near the screen's edges are
//           read with XGetImage on the root window every ~1 ms until they all show the slide's background
//           colour (BACKGROUND, default 102038: slide 1 of qzone-pupils.toml). Median of RUNS launches of
//           lectern DECK and of floor_window BACKGROUND, taking turns.
//   memory  VmHWM from /proc/PID/status just before quitting, after the idle measurement.
//   idle    utime+stime (/proc/PID/stat, clock ticks) and voluntary context switches (wakeups, summed over
//           /proc/PID/task/*/status) over 10 s with no input, after 1 s for start-up to settle.
//   keys    key-to-screen latency of "next": XTest presses Right, then 18 rows of the screen are read every
//           ~1 ms until they differ from the slide before. lectern presents a generated deck with
//           transition = "none" and PRESSES+1 distinct slides, so every press shows a slide not seen before;
//           floor_window draws a new line of text. Median of PRESSES.
// lectern quits with Esc twice (SIGTERM, then SIGKILL, when it does not), floor_window with SIGTERM.
// Every wait is bounded, a watchdog ends everything after 10 minutes, and Xvfb is always stopped.
// Exit status 0 when everything was measured (unmet targets are marked in the table), 1 when something
// could not be (the programs' output is then kept and named), 2 for a usage error, 3 when stopped.
// Usage: present_bench LECTERN FLOOR_WINDOW [--deck DECK --background RRGGBB] [--runs N] [--presses N]
//                      [--only launch|memory|idle|keys]...
// tools/bench/present_bench.sh builds everything in Release and runs it.
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/XTest.h>
#include <X11/keysym.h>
#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <spawn.h>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utility>
#include <vector>

extern char** environ;

namespace {

#ifndef LECTERN_SOURCE_DIR
#define LECTERN_SOURCE_DIR "."
#endif

constexpr int screen_w = 1920;
constexpr int screen_h = 1080;
constexpr std::size_t row_bytes = std::size_t{screen_w} * 4; // 24-bit depth, 32 bits a pixel
constexpr unsigned watchdog_seconds = 600;
constexpr double first_frame_timeout_ms = 10000;
constexpr double key_timeout_ms = 2000;
constexpr double poll_interval_ms = 1.0;
constexpr double settle_ms = 1000;
constexpr double idle_ms = 10000;
constexpr double launch_target_ms = 150;
constexpr double launch_target_ratio = 1.3;
constexpr double memory_target_mb = 40;
constexpr long idle_target_ticks = 1;
constexpr double key_target_ms = 1000.0 / 60.0;

// Children the signal handlers must kill: plain globals, read in the handler.
volatile pid_t g_xvfb = 0;
volatile pid_t g_app = 0;
int g_failures = 0; // anything that went wrong: the programs' log is then kept

void kill_children_now() {
    if (g_app > 0)
        kill(g_app, SIGKILL);
    if (g_xvfb > 0)
        kill(g_xvfb, SIGTERM);
}

extern "C" void on_fatal_signal(int signal_number) {
    kill_children_now();
    const char* message = signal_number == SIGALRM ? "present_bench: watchdog: took too long, stopped\n"
                                                   : "present_bench: interrupted\n";
    const ssize_t ignored = write(STDERR_FILENO, message, std::strlen(message));
    (void)ignored;
    _exit(3);
}

extern "C" int on_x_io_error(Display*) {
    kill_children_now();
    std::fprintf(stderr, "present_bench: lost the connection to Xvfb\n");
    _exit(3);
}

double now_ms() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<double>(ts.tv_sec) * 1000.0 + static_cast<double>(ts.tv_nsec) / 1e6;
}

void sleep_ms(double ms) {
    if (ms <= 0)
        return;
    timespec ts{};
    ts.tv_sec = static_cast<time_t>(ms / 1000.0);
    ts.tv_nsec = static_cast<long>((ms - static_cast<double>(ts.tv_sec) * 1000.0) * 1e6);
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

double median(std::vector<double> values) {
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const std::size_t mid = values.size() / 2;
    return values.size() % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2.0;
}

std::string fixed(double value, int decimals = 1) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

// ---- processes ---------------------------------------------------------------------------------------

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

// posix_spawnp with stdin from /dev/null and stdout and stderr appended to log. Returns 0 on failure.
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

// Waits up to timeout_ms for pid to end. The exit status, or nullopt if it is still running.
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

// Ends pid: SIGTERM, then SIGKILL. Returns how it went.
std::string terminate(pid_t pid) {
    kill(pid, SIGTERM);
    if (wait_exit(pid, 3000))
        return "SIGTERM";
    kill(pid, SIGKILL);
    wait_exit(pid, 3000);
    return "SIGKILL (did not end on SIGTERM)";
}

std::string read_file(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// The 1- and 5-minute load averages: other work on the machine makes every figure slower.
std::string load_average() {
    std::istringstream in(read_file("/proc/loadavg"));
    std::string one, five;
    in >> one >> five;
    return one + " " + five;
}

// A "Name:  value kB" field of /proc/PID[/task/TID]/status, or -1.
long status_field(const std::string& status_path, const std::string& name) {
    std::istringstream in(read_file(status_path));
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(name + ":", 0) == 0)
            return std::strtol(line.c_str() + name.size() + 1, nullptr, 10);
    }
    return -1;
}

struct CpuSample {
    long ticks = 0;        // utime + stime of every thread
    long wakeups = 0;      // voluntary context switches, summed over threads
    long main_wakeups = 0; // the main thread's alone
    std::size_t threads = 0;
};

CpuSample sample_cpu(pid_t pid) {
    CpuSample sample;
    const std::string base = "/proc/" + std::to_string(pid);
    const std::string stat = read_file(base + "/stat");
    const std::size_t paren = stat.rfind(')');
    if (paren != std::string::npos) {
        std::istringstream fields(stat.substr(paren + 2));
        std::string field;
        long utime = 0;
        long stime = 0;
        for (int i = 3; i <= 15 && fields >> field; ++i) { // field 3 is the state; 14 utime, 15 stime
            if (i == 14)
                utime = std::strtol(field.c_str(), nullptr, 10);
            if (i == 15)
                stime = std::strtol(field.c_str(), nullptr, 10);
        }
        sample.ticks = utime + stime;
    }
    sample.main_wakeups = status_field(base + "/status", "voluntary_ctxt_switches");
    std::error_code error;
    for (const auto& task : std::filesystem::directory_iterator(base + "/task", error)) {
        const long count = status_field(task.path().string() + "/status", "voluntary_ctxt_switches");
        if (count > 0)
            sample.wakeups += count;
        ++sample.threads;
    }
    return sample;
}

// Which GL driver the program loaded, from its memory map: "swrast", "iris", ... or "none".
std::string gl_driver_of(pid_t pid) {
    std::istringstream maps(read_file("/proc/" + std::to_string(pid) + "/maps"));
    std::set<std::string> drivers;
    std::string line;
    while (std::getline(maps, line)) {
        const std::size_t slash = line.rfind('/');
        if (slash == std::string::npos)
            continue;
        const std::string file = line.substr(slash + 1);
        if (file.size() > 7 && file.compare(file.size() - 7, 7, "_dri.so") == 0)
            drivers.insert(file.substr(0, file.size() - 7));
    }
    std::string text;
    for (const std::string& driver : drivers)
        text += (text.empty() ? "" : ",") + driver;
    return text.empty() ? "none" : text;
}

// ---- the X server ------------------------------------------------------------------------------------

struct Colour {
    unsigned r = 0, g = 0, b = 0;
    bool operator==(const Colour&) const = default;
};

std::string hex(Colour c) {
    char text[8];
    std::snprintf(text, sizeof text, "%02X%02X%02X", c.r & 0xFFu, c.g & 0xFFu, c.b & 0xFFu);
    return text;
}

std::optional<Colour> parse_colour(const std::string& text) {
    char* end = nullptr;
    const unsigned long value = std::strtoul(text.c_str(), &end, 16);
    if (text.size() != 6 || *end != '\0')
        return std::nullopt;
    return Colour{static_cast<unsigned>((value >> 16) & 0xFFu), static_cast<unsigned>((value >> 8) & 0xFFu),
                  static_cast<unsigned>(value & 0xFFu)};
}

class VirtualScreen {
public:
    ~VirtualScreen() { stop(); }

    // Starts Xvfb on the first free display from :97 and connects to it.
    bool start(const std::string& log) {
        for (int number = 97; number < 140; ++number) {
            if (std::filesystem::exists("/tmp/.X" + std::to_string(number) + "-lock") ||
                std::filesystem::exists("/tmp/.X11-unix/X" + std::to_string(number)))
                continue;
            const std::string name = ":" + std::to_string(number);
            const pid_t pid = spawn({"Xvfb", name, "-screen", "0",
                                     std::to_string(screen_w) + "x" + std::to_string(screen_h) + "x24",
                                     "-nolisten", "tcp", "-br", "-noreset"},
                                    child_environment(name), log);
            if (pid == 0)
                return false;
            g_xvfb = pid;
            const double until = now_ms() + 5000;
            while (now_ms() < until) {
                if (wait_exit(pid, 0)) {
                    g_xvfb = 0;
                    break; // display taken after all: try the next one
                }
                if ((m_display = XOpenDisplay(name.c_str())) != nullptr) {
                    m_name = name;
                    m_pid = pid;
                    return check_visual();
                }
                sleep_ms(20);
            }
            if (g_xvfb != 0) {
                terminate(pid);
                g_xvfb = 0;
            }
        }
        std::fprintf(stderr, "present_bench: could not start Xvfb on any display from :97 to :139\n");
        return false;
    }

    void stop() {
        if (m_display != nullptr) {
            XCloseDisplay(m_display);
            m_display = nullptr;
        }
        if (m_pid > 0) {
            terminate(m_pid);
            m_pid = 0;
            g_xvfb = 0;
        }
    }

    const std::string& name() const { return m_name; }

    Colour pixel(int x, int y) {
        XImage* image = XGetImage(m_display, XDefaultRootWindow(m_display), x, y, 1, 1, AllPlanes, ZPixmap);
        if (image == nullptr)
            return {};
        const unsigned long value = XGetPixel(image, 0, 0);
        XDestroyImage(image);
        return {static_cast<unsigned>((value >> 16) & 0xFFu), static_cast<unsigned>((value >> 8) & 0xFFu),
                static_cast<unsigned>(value & 0xFFu)};
    }

    // Whole rows of the screen, row_bytes each, one after another (zeros for a row that could not be read).
    std::vector<char> rows(const std::vector<int>& ys) {
        std::vector<char> bytes(ys.size() * row_bytes, 0);
        for (std::size_t i = 0; i < ys.size(); ++i) {
            XImage* image = XGetImage(m_display, XDefaultRootWindow(m_display), 0, ys[i], screen_w, 1,
                                      AllPlanes, ZPixmap);
            if (image == nullptr)
                continue;
            if (image->bits_per_pixel == 32)
                std::copy_n(image->data, row_bytes,
                            bytes.begin() + static_cast<std::ptrdiff_t>(i * row_bytes));
            XDestroyImage(image);
        }
        return bytes;
    }

    bool press(KeySym key) {
        const KeyCode code = XKeysymToKeycode(m_display, key);
        if (code == 0)
            return false;
        XTestFakeKeyEvent(m_display, code, True, CurrentTime);
        XTestFakeKeyEvent(m_display, code, False, CurrentTime);
        XFlush(m_display);
        return true;
    }

private:
    bool check_visual() {
        int event_base = 0, error_base = 0, major = 0, minor = 0;
        if (!XTestQueryExtension(m_display, &event_base, &error_base, &major, &minor)) {
            std::fprintf(stderr, "present_bench: Xvfb has no XTest extension\n");
            return false;
        }
        Visual* visual = XDefaultVisual(m_display, XDefaultScreen(m_display));
        if (XDefaultDepth(m_display, XDefaultScreen(m_display)) != 24 || visual->red_mask != 0xFF0000ul ||
            visual->green_mask != 0xFF00ul || visual->blue_mask != 0xFFul) {
            std::fprintf(stderr, "present_bench: Xvfb's visual is not 24-bit RGB\n");
            return false;
        }
        return true;
    }

    Display* m_display = nullptr;
    pid_t m_pid = 0;
    std::string m_name;
};

// Points that are background on a title slide and on floor_window's screen: near the corners and the
// middles of the edges (not the middle, where Xvfb's pointer starts).
constexpr int sample_points[][2] = {{16, 16},    {960, 16},  {1903, 16},  {16, 540},
                                    {1903, 540}, {16, 1063}, {960, 1063}, {1903, 1063}};

enum class Seen { Black, Other, Background };

Seen look(VirtualScreen& screen, Colour background) {
    bool all_background = true;
    bool all_black = true;
    for (const auto& point : sample_points) {
        const Colour c = screen.pixel(point[0], point[1]);
        all_background = all_background && c == background;
        all_black = all_black && c == Colour{};
    }
    return all_background ? Seen::Background : all_black ? Seen::Black : Seen::Other;
}

std::string seen_colours(VirtualScreen& screen) {
    std::string text;
    for (const auto& point : sample_points)
        text += " " + hex(screen.pixel(point[0], point[1]));
    return text;
}

// ---- one program on screen ---------------------------------------------------------------------------

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
    Run launch(const Program& program) {
        Run run = launch_once(program);
        if (!run.ok)
            ++g_failures;
        return run;
    }

    // Quits the program: Esc twice for lectern, SIGTERM for the floor. Returns how it ended.
    std::string quit(const Program& program, Run& run) {
        if (run.pid <= 0)
            return "not running";
        std::string how;
        bool clean = false;
        if (program.quits_with_escape) {
            m_screen.press(XK_Escape);
            sleep_ms(100);
            m_screen.press(XK_Escape);
            if (auto status = wait_exit(run.pid, 3000)) {
                clean = WIFEXITED(*status) && WEXITSTATUS(*status) == 0;
                how = clean ? "Esc twice, exit 0" : "Esc twice, bad exit status";
            } else {
                how = "did not quit on Esc twice; " + terminate(run.pid);
            }
        } else {
            how = terminate(run.pid);
            clean = how == "SIGTERM";
        }
        if (!clean)
            ++g_failures;
        run.pid = 0;
        g_app = 0;
        return how;
    }

    VirtualScreen& screen() { return m_screen; }

private:
    Run launch_once(const Program& program) {
        Run run;
        const double until_black = now_ms() + 3000;
        while (look(m_screen, program.background) != Seen::Black && now_ms() < until_black)
            sleep_ms(5); // the previous window must be gone
        if (look(m_screen, program.background) != Seen::Black) {
            run.error = "the screen was not black before the launch";
            return run;
        }
        const double start = now_ms();
        run.pid = spawn(program.args, child_environment(m_screen.name()), m_log);
        if (run.pid == 0) {
            run.error = "could not start";
            return run;
        }
        g_app = run.pid;
        while (now_ms() - start < first_frame_timeout_ms) {
            const Seen seen = look(m_screen, program.background);
            const double at = now_ms() - start;
            if (seen != Seen::Black && run.first_change_ms < 0)
                run.first_change_ms = at;
            if (seen == Seen::Background) {
                run.first_frame_ms = at;
                run.ok = true;
                return run;
            }
            if (wait_exit(run.pid, 0)) {
                run.error = "exited before showing a frame (see " + m_log + ")";
                run.pid = 0;
                g_app = 0;
                return run;
            }
            sleep_ms(poll_interval_ms);
        }
        run.error = "no frame of background " + hex(program.background) + " within " +
                    fixed(first_frame_timeout_ms / 1000, 0) + " s; the sample points show" +
                    seen_colours(m_screen);
        return run;
    }

    VirtualScreen& m_screen;
    std::string m_log;
};

// ---- the figures -------------------------------------------------------------------------------------

struct LaunchFigures {
    std::vector<double> first_frame;
    std::vector<double> first_change;
    std::vector<std::string> quits;
    std::string gl_driver;
    int failures = 0;
};

// Launches each program RUNS times, taking turns so that both see the same conditions.
std::vector<LaunchFigures> measure_launches(Bench& bench, const std::vector<Program>& programs, int runs) {
    std::vector<LaunchFigures> all(programs.size());
    for (int i = 0; i < runs; ++i) {
        for (std::size_t p = 0; p < programs.size(); ++p) {
            const Program& program = programs[p];
            LaunchFigures& figures = all[p];
            Run run = bench.launch(program);
            if (!run.ok) {
                std::fprintf(stderr, "present_bench: %s launch %d: %s\n", program.label.c_str(), i + 1,
                             run.error.c_str());
                ++figures.failures;
            } else {
                figures.first_frame.push_back(run.first_frame_ms);
                figures.first_change.push_back(run.first_change_ms);
                if (figures.gl_driver.empty())
                    figures.gl_driver = gl_driver_of(run.pid);
            }
            sleep_ms(200); // let it finish starting before it is told to quit
            figures.quits.push_back(bench.quit(program, run));
        }
    }
    return all;
}

struct IdleFigures {
    bool ok = false;
    long ticks = 0;
    long wakeups = 0;
    long main_wakeups = 0;
    std::size_t threads = 0;
    long hwm_kb = -1;
    long rss_kb = -1;
    std::string quit;
};

// One launch: settle, 10 s without input, then the peak memory just before quitting.
IdleFigures measure_idle(Bench& bench, const Program& program) {
    IdleFigures figures;
    Run run = bench.launch(program);
    if (!run.ok) {
        std::fprintf(stderr, "present_bench: %s idle run: %s\n", program.label.c_str(), run.error.c_str());
        figures.quit = bench.quit(program, run);
        return figures;
    }
    sleep_ms(settle_ms);
    const CpuSample before = sample_cpu(run.pid);
    sleep_ms(idle_ms);
    const CpuSample after = sample_cpu(run.pid);
    const std::string status = "/proc/" + std::to_string(run.pid) + "/status";
    figures.hwm_kb = status_field(status, "VmHWM");
    figures.rss_kb = status_field(status, "VmRSS");
    figures.ticks = after.ticks - before.ticks;
    figures.wakeups = after.wakeups - before.wakeups;
    figures.main_wakeups = after.main_wakeups - before.main_wakeups;
    figures.threads = after.threads;
    figures.ok = true;
    figures.quit = bench.quit(program, run);
    return figures;
}

std::string key_deck_text(int slides) {
    std::string text = "# Generated by present_bench: every slide differs, and no transition.\n"
                       "[deck]\ntitle = \"Key latency\"\ntheme = \"classroom\"\ntransition = \"none\"\n";
    for (int i = 1; i <= slides; ++i) {
        const std::string n = std::to_string(i);
        switch (i % 4) {
        case 1:
            text += "\n[[slides]]\nlayout = \"title\"\ntitle = \"Slide " + n +
                    "\"\nsubtitle = \"Title number " + n + "\"\n";
            break;
        case 2:
            text += "\n[[slides]]\nlayout = \"bullets\"\ntitle = \"Points of slide " + n +
                    "\"\nbullets = [\"First point " + n + "\", \"Second point\", \"Third point\"]\n";
            break;
        case 3:
            text += "\n[[slides]]\nlayout = \"section\"\ntitle = \"Section " + n + "\"\n";
            break;
        default:
            text += "\n[[slides]]\nlayout = \"quote\"\ntext = \"Slide " + n +
                    " is a quote.\"\nby = \"Someone " + n + "\"\n";
            break;
        }
    }
    return text;
}

struct KeyFigures {
    std::vector<double> latency;
    int missed = 0;
    int with_intermediate_frames = 0; // the first change seen was not the next slide
    int torn_reads = 0;               // a frame landed while the rows were being read
    double poll_ms = 0;               // the median time one poll of the rows took
    std::size_t rows = 0;             // how many rows of the screen each poll reads
    std::string quit;
    std::string error;
};

KeyFigures measure_keys(Bench& bench, const Program& program, int presses) {
    KeyFigures figures;
    Run run = bench.launch(program);
    if (!run.ok) {
        figures.error = run.error;
        figures.quit = bench.quit(program, run);
        return figures;
    }
    VirtualScreen& screen = bench.screen();
    std::vector<int> ys;
    for (int y = 20; y < screen_h; y += 60)
        ys.push_back(y);
    figures.rows = ys.size();
    // Waits until the rows stop changing for 200 ms (at most 3 s) and returns them.
    auto settled = [&screen, &ys]() {
        std::vector<char> last = screen.rows(ys);
        double stable_since = now_ms();
        const double until = now_ms() + 3000;
        while (now_ms() - stable_since < 200 && now_ms() < until) {
            sleep_ms(5);
            std::vector<char> current = screen.rows(ys);
            if (current != last) {
                last = std::move(current);
                stable_since = now_ms();
            }
        }
        return last;
    };
    sleep_ms(500);
    std::vector<char> before = settled();
    std::vector<double> poll_times;
    for (int i = 0; i < presses; ++i) {
        const double start = now_ms();
        screen.press(XK_Right);
        std::vector<char> changed;
        while (now_ms() - start < key_timeout_ms) {
            const double poll_start = now_ms();
            std::vector<char> current = screen.rows(ys);
            const double poll_end = now_ms();
            poll_times.push_back(poll_end - poll_start);
            if (current != before) {
                figures.latency.push_back(poll_end - start);
                changed = std::move(current);
                break;
            }
            sleep_ms(poll_interval_ms);
        }
        if (changed.empty()) {
            ++figures.missed;
            ++g_failures;
            continue;
        }
        std::vector<char> after = settled();
        if (after != changed) {
            // Rows are read one request at a time, so a frame that lands during a poll gives rows of both
            // slides (a torn read). Any other row means something else was on screen first.
            bool torn = true;
            for (std::size_t at = 0; at + row_bytes <= changed.size() && torn; at += row_bytes) {
                const auto row = changed.begin() + static_cast<std::ptrdiff_t>(at);
                const auto end = row + static_cast<std::ptrdiff_t>(row_bytes);
                torn = std::equal(row, end, before.begin() + static_cast<std::ptrdiff_t>(at)) ||
                       std::equal(row, end, after.begin() + static_cast<std::ptrdiff_t>(at));
            }
            ++(torn ? figures.torn_reads : figures.with_intermediate_frames);
        }
        before = std::move(after);
    }
    figures.poll_ms = median(poll_times);
    figures.quit = bench.quit(program, run);
    return figures;
}

// ---- the report --------------------------------------------------------------------------------------

struct Row {
    std::string figure, value, target, met, command;
};

std::string shell_quote(const std::string& text) {
    if (text.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+=:,") ==
        std::string::npos)
        return text;
    std::string quoted = "'";
    for (const char c : text)
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

void print_table(const std::vector<Row>& rows) {
    std::printf("\n| figure | value | target | met | reproduce |\n|---|---|---|---|---|\n");
    for (const Row& row : rows)
        std::printf("| %s | %s | %s | %s | `%s` |\n", row.figure.c_str(), row.value.c_str(),
                    row.target.c_str(), row.met.c_str(), row.command.c_str());
}

std::string mb(long kb) {
    return fixed(static_cast<double>(kb) / 1024.0) + " MiB";
}

int usage() {
    std::fprintf(stderr, "usage: present_bench LECTERN FLOOR_WINDOW [--deck DECK] [--background RRGGBB] "
                         "[--runs N] [--presses N] [--only launch|memory|idle|keys]...\n");
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 3)
        return usage();
    const std::string lectern = argv[1];
    const std::string floor_window = argv[2];
    std::string deck = LECTERN_SOURCE_DIR "/slides/qzone-pupils.toml";
    std::string background_text = "102038"; // slide 1 of qzone-pupils.toml: the "assembly" theme
    int runs = 10;
    int presses = 20;
    std::set<std::string> only;
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
            only.insert(value);
        else
            return usage();
    }
    const std::optional<Colour> background = parse_colour(background_text);
    if (!background || runs < 1 || runs > 100 || presses < 1 || presses > 200)
        return usage();
    auto wanted = [&only](const char* figure) {
        return only.empty() || only.count(figure) != 0;
    };

    struct sigaction action {};
    action.sa_handler = on_fatal_signal;
    sigaction(SIGALRM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    signal(SIGPIPE, SIG_IGN);
    alarm(watchdog_seconds);
    XSetIOErrorHandler(on_x_io_error);

    char dir_template[] = "/tmp/present_bench.XXXXXX";
    if (mkdtemp(dir_template) == nullptr) {
        std::perror("present_bench: mkdtemp");
        return 1;
    }
    const std::string dir = dir_template;
    const std::string log = dir + "/programs.log";
    const std::string key_deck = dir + "/keys.toml";
    constexpr Colour key_background{250, 249, 245}; // the "classroom" theme
    std::ofstream(key_deck) << key_deck_text(presses + 1);

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
    const Program floor_keys_program{
        "floor_window (keys)", {floor_window, hex(key_background)}, key_background, false};

    std::string command_base = "present_bench " + shell_quote(lectern) + " " + shell_quote(floor_window);
    if (deck != LECTERN_SOURCE_DIR "/slides/qzone-pupils.toml")
        command_base += " --deck " + shell_quote(deck) + " --background " + background_text;
    std::vector<Row> rows;
    bool all_met = true;
    auto verdict = [&all_met](bool met) {
        all_met = all_met && met;
        return std::string(met ? "yes" : "**no**");
    };

    if (wanted("launch")) {
        const std::vector<LaunchFigures> both =
            measure_launches(bench, {lectern_program, floor_program}, runs);
        const LaunchFigures& app = both[0];
        const LaunchFigures& floor_figures = both[1];
        const double app_ms = median(app.first_frame);
        const double floor_ms = median(floor_figures.first_frame);
        std::printf(
            "\nlaunch to first frame, ms over %d launches (first change = first poll not all black):\n",
            runs);
        for (const auto* figures : {&app, &floor_figures}) {
            const bool is_app = figures == &app;
            const auto [low, high] =
                std::minmax_element(figures->first_frame.begin(), figures->first_frame.end());
            std::printf(
                "  %-13s first frame median %.1f (%.1f..%.1f), first change median %.1f; GL driver %s; "
                "failures %d; quit: %s\n",
                is_app ? "lectern" : "floor_window", median(figures->first_frame),
                figures->first_frame.empty() ? 0.0 : *low, figures->first_frame.empty() ? 0.0 : *high,
                median(figures->first_change), figures->gl_driver.c_str(), figures->failures,
                figures->quits.empty() ? "-" : figures->quits.front().c_str());
        }
        const double ratio = floor_ms > 0 ? app_ms / floor_ms : 0;
        const bool ok = app.failures == 0 && floor_figures.failures == 0 && !app.first_frame.empty();
        rows.push_back(
            {"launch to first frame, lectern (median of " + std::to_string(runs) + ")",
             fixed(app_ms) + " ms = " + fixed(ratio, 2) + "x floor",
             "<= " + fixed(launch_target_ratio, 1) + "x floor and < " + fixed(launch_target_ms, 0) + " ms",
             verdict(ok && ratio <= launch_target_ratio && app_ms < launch_target_ms),
             command_base + " --only launch"});
        rows.push_back({"launch to first frame, floor_window (median of " + std::to_string(runs) + ")",
                        fixed(floor_ms) + " ms", "(reference)", "-", command_base + " --only launch"});
    }
    if (wanted("memory") || wanted("idle")) {
        const IdleFigures app = measure_idle(bench, lectern_program);
        const IdleFigures floor_figures = measure_idle(bench, floor_program);
        for (const auto* figures : {&app, &floor_figures}) {
            std::printf(
                "\n%s idle %.0f s: %ld ticks, %ld voluntary switches in all %zu threads (%ld in the main "
                "thread); VmHWM %ld kB, VmRSS %ld kB; quit: %s\n",
                figures == &app ? "lectern" : "floor_window", idle_ms / 1000, figures->ticks,
                figures->wakeups, figures->threads, figures->main_wakeups, figures->hwm_kb, figures->rss_kb,
                figures->quit.c_str());
        }
        if (wanted("memory")) {
            const double above = static_cast<double>(app.hwm_kb - floor_figures.hwm_kb) / 1024.0;
            rows.push_back({"peak memory (VmHWM), lectern",
                            mb(app.hwm_kb) + " = floor + " + fixed(above) + " MiB",
                            "<= floor + " + fixed(memory_target_mb, 0) + " MiB",
                            verdict(app.ok && floor_figures.ok && above <= memory_target_mb),
                            command_base + " --only memory"});
            rows.push_back({"peak memory (VmHWM), floor_window", mb(floor_figures.hwm_kb), "(reference)", "-",
                            command_base + " --only memory"});
        }
        if (wanted("idle")) {
            rows.push_back({"idle CPU over 10 s on slide 1, lectern",
                            std::to_string(app.ticks) + " ticks (" + std::to_string(app.ticks * 10) +
                                " ms), " + std::to_string(app.wakeups) + " wakeups (" +
                                std::to_string(app.main_wakeups) + " main thread)",
                            "<= " + std::to_string(idle_target_ticks) + " tick",
                            verdict(app.ok && app.ticks <= idle_target_ticks),
                            command_base + " --only idle"});
            rows.push_back({"idle CPU over 10 s, floor_window",
                            std::to_string(floor_figures.ticks) + " ticks, " +
                                std::to_string(floor_figures.wakeups) + " wakeups (" +
                                std::to_string(floor_figures.main_wakeups) + " main thread)",
                            "(reference)", "-", command_base + " --only idle"});
        }
    }
    if (wanted("keys")) {
        const KeyFigures app = measure_keys(bench, keys_program, presses);
        const KeyFigures floor_figures = measure_keys(bench, floor_keys_program, presses);
        std::printf("\nkey-to-screen, ms over %d presses of Right:\n", presses);
        for (const auto* keys : {&app, &floor_figures}) {
            if (!keys->error.empty())
                std::fprintf(stderr, "present_bench: key test: %s\n", keys->error.c_str());
            const auto [low, high] = std::minmax_element(keys->latency.begin(), keys->latency.end());
            std::printf(
                "  %-13s median %.1f (%.1f..%.1f); missed %d; other frames shown first %d; torn reads %d; "
                "one poll of %zu rows takes %.2f ms; quit: %s\n",
                keys == &app ? "lectern" : "floor_window", median(keys->latency),
                keys->latency.empty() ? 0.0 : *low, keys->latency.empty() ? 0.0 : *high, keys->missed,
                keys->with_intermediate_frames, keys->torn_reads, keys->rows, keys->poll_ms,
                keys->quit.c_str());
        }
        const double key_ms = median(app.latency);
        rows.push_back({"key-to-screen, Right to next slide, lectern (median of " + std::to_string(presses) +
                            "; generated deck, transition = \"none\")",
                        fixed(key_ms) + " ms", "<= " + fixed(key_target_ms) + " ms (one 60 Hz frame)",
                        verdict(app.error.empty() && app.missed == 0 && app.with_intermediate_frames == 0 &&
                                key_ms <= key_target_ms),
                        command_base + " --only keys"});
        rows.push_back({"key-to-screen, floor_window (new line of text on Right)",
                        fixed(median(floor_figures.latency)) + " ms", "(reference)", "-",
                        command_base + " --only keys"});
    }
    print_table(rows);
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
    std::printf("%s\n", all_met ? "Every target is met." : "Some targets are not met (see **no** above).");
    return g_failures == 0 ? 0 : 1; // 1: something could not be measured; unmet targets are in the table
}
