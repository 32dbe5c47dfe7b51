// Key to screen for "next", as the issue measures it (issue 22): XTest presses Right and rows of the
// screen are polled; "first visible change" is the first poll whose pixels differ visibly from the slide
// before (some colour channel by visible_step or more), "settled" the first poll after which nothing
// changes any more (the new slide, whole). Both are compared with floor_window's, measured in the same run.
#pragma once

#include "bench.h"
#include "report.h"

#include <cstddef>
#include <string>
#include <vector>

namespace present_bench {

// How much a channel must change to count as a visible change (3 % of the range).
constexpr int visible_step = 8;

enum class KeyTransition { Cut, Fade }; // transition = "none" (X11 defines None), "fade"

// A deck of `slides` distinct slides with `transition`, so every press shows a slide not seen before.
std::string key_deck_text(int slides, KeyTransition transition);

struct KeyFigures {
    std::vector<double> first_change; // ms from the press to the first poll that differs visibly
    std::vector<double> settled;      // ms from the press to the first poll showing the final screen
    int missed = 0;
    double poll_ms = 0;   // the median time one poll of the rows took
    std::size_t rows = 0; // how many rows of the screen each poll reads
    std::string quit;
    std::string error;
};

// One launch, then `presses` presses of Right, each followed until the screen stays still.
KeyFigures measure_keys(Bench& bench, const Program& program, int presses);

// Measures lectern without a transition and with the fade, and floor_window, one after another; prints
// the details and adds the table's rows (ratios to the floor).
void report_keys(Bench& bench, const Program& lectern_cut, const Program& lectern_fade, const Program& floor,
                 int presses, Report& report);

} // namespace present_bench
