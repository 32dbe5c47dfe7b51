#include "x_screen.h"

#include "clock.h"
#include "process.h"
#include "settings.h"

#include <X11/Xutil.h>
#include <X11/extensions/XTest.h>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <unistd.h>

namespace present_bench {

namespace {

extern "C" int on_x_io_error(Display*) {
    kill_children_now();
    std::fprintf(stderr, "present_bench: lost the connection to Xvfb\n");
    _exit(3);
}

// Points that are background on a title slide and on floor_window's screen: near the corners and the
// middles of the edges (not the middle, where Xvfb's pointer starts).
constexpr int sample_points[][2] = {{16, 16},    {960, 16},  {1903, 16},  {16, 540},
                                    {1903, 540}, {16, 1063}, {960, 1063}, {1903, 1063}};

} // namespace

void install_x_io_error_handler() {
    XSetIOErrorHandler(on_x_io_error);
}

bool VirtualScreen::start(const std::string& log) {
    for (int number = 97; number < 140; ++number) {
        if (std::filesystem::exists("/tmp/.X" + std::to_string(number) + "-lock") ||
            std::filesystem::exists("/tmp/.X11-unix/X" + std::to_string(number)))
            continue;
        // Not ":" + std::to_string(number): GCC 12 warns falsely on that (-Wrestrict) in Release.
        const std::string name = std::string(":").append(std::to_string(number));
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

void VirtualScreen::stop() {
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

Colour VirtualScreen::pixel(int x, int y) {
    XImage* image = XGetImage(m_display, XDefaultRootWindow(m_display), x, y, 1, 1, AllPlanes, ZPixmap);
    if (image == nullptr)
        return {};
    const unsigned long value = XGetPixel(image, 0, 0);
    XDestroyImage(image);
    return {static_cast<unsigned>((value >> 16) & 0xFFu), static_cast<unsigned>((value >> 8) & 0xFFu),
            static_cast<unsigned>(value & 0xFFu)};
}

std::vector<char> VirtualScreen::rows(const std::vector<int>& ys) {
    std::vector<char> bytes(ys.size() * row_bytes, 0);
    for (std::size_t i = 0; i < ys.size(); ++i) {
        XImage* image =
            XGetImage(m_display, XDefaultRootWindow(m_display), 0, ys[i], screen_w, 1, AllPlanes, ZPixmap);
        if (image == nullptr)
            continue;
        if (image->bits_per_pixel == 32)
            std::copy_n(image->data, row_bytes, bytes.begin() + static_cast<std::ptrdiff_t>(i * row_bytes));
        XDestroyImage(image);
    }
    return bytes;
}

bool VirtualScreen::press(KeySym key) {
    const KeyCode code = XKeysymToKeycode(m_display, key);
    if (code == 0)
        return false;
    XTestFakeKeyEvent(m_display, code, True, CurrentTime);
    XTestFakeKeyEvent(m_display, code, False, CurrentTime);
    XFlush(m_display);
    return true;
}

bool VirtualScreen::check_visual() {
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
    for (const auto& point : sample_points) {
        text += ' '; // not " " + hex(...), for the same GCC 12 warning
        text += hex(screen.pixel(point[0], point[1]));
    }
    return text;
}

} // namespace present_bench
