// The private Xvfb: starting it, reading its pixels with XGetImage, pressing keys with XTest.
#pragma once

#include "colour.h"

#include <X11/Xlib.h>
#include <string>
#include <sys/types.h>
#include <vector>

namespace present_bench {

// Makes a lost connection to Xvfb kill the children and exit with status 3.
void install_x_io_error_handler();

class VirtualScreen {
public:
    ~VirtualScreen() { stop(); }

    // Starts Xvfb on the first free display from :97 and connects to it.
    bool start(const std::string& log);

    // Disconnects and stops Xvfb; nothing when it is not running.
    void stop();

    const std::string& name() const { return m_name; }

    // The colour of one pixel of the root window (black when it cannot be read).
    Colour pixel(int x, int y);

    // Whole rows of the screen, row_bytes each, one after another (zeros for a row that could not be read).
    std::vector<char> rows(const std::vector<int>& ys);

    // Presses and releases key with XTest. False when the keyboard has no such key.
    bool press(KeySym key);

private:
    bool check_visual();

    Display* m_display = nullptr;
    pid_t m_pid = 0;
    std::string m_name;
};

enum class Seen { Black, Other, Background };

// What the sample points near the edges show: all black, all background, or anything else.
Seen look(VirtualScreen& screen, Colour background);

// The sample points' colours, each after a space, for error messages.
std::string seen_colours(VirtualScreen& screen);

} // namespace present_bench
