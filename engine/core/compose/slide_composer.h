// SlideComposer: turns one slide (at one build step) into a DisplayList in slide units, using the
// deck's theme and room. Text is fitted with TextLayout; pictures keep their shape; interactive
// slides show their question and choices (results views come with polls). Pure.
#pragma once

#include "core/base/diagnostic.h"
#include "core/deck/deck.h"
#include "core/show/navigation.h"
#include "core/text/bidi_levels.h"
#include "core/text/text_measurer.h"
#include "display_list.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace lectern {

// What a join slide (and an interactive slide) shows when voting is on.
struct JoinDetails {
    std::string address;                  // e.g. "http://192.168.1.20:8750/?room=K7QP"
    std::string room_code;                // e.g. "K7QP"
    int qr_size = 0;                      // the address as a QR code: modules per side (0 = none)
    std::vector<std::uint8_t> qr_modules; // qr_size * qr_size, row by row: 1 dark, 0 light
};

// What an interactive slide shows of its poll: whether it is open, whether results are showing, and the
// counts to draw (floats, so bars can grow smoothly from one value to the next).
struct PollView {
    bool open = false;
    bool revealed = false;     // show the results (bars, the quiz answer, the word cloud)
    std::vector<float> counts; // per choice, devices and hands added together
    int responses = 0;         // how many answered so far
    std::vector<std::pair<std::string, int>> words; // approved answers and how often (words slides)
};

// A part of a slide whose text only fits below the room's legible size.
struct FitProblem {
    std::string part; // "title", "bullets", "question", ...
    float needed_px = 0;
    float legible_px = 0;
};

struct ComposedSlide {
    DisplayList list;
    std::vector<FitProblem> problems;
};

// The slide's size in slide units: 1920x1080 for 16:9, 1440x1080 for 4:3.
Box slide_bounds(Aspect aspect);

// How many views a slide has: one per revealed item on `build` slides, otherwise one.
std::size_t build_steps(const Slide& slide);

// Every slide's number of build steps, for navigation.
DeckShape shape_of(const Deck& deck);

// Dual mode: the same slide in a second language (slide_in_language), shown smaller beneath each text
// block of the room's language, in the second language's own direction.
struct SecondLanguage {
    Slide slide;
    TextDirection direction = TextDirection::LeftToRight;
};

// The slide in `language` to show beneath `slide` in dual mode.
SecondLanguage second_language(const Slide& original, std::string_view language);

// `step` counts from 0 to build_steps(slide) - 1; `join` is null when voting is off.
// `poll` is null when the slide has no poll running (it then shows its question and choices only).
// `second` is null except in dual mode.
ComposedSlide compose_slide(const Deck& deck, const Slide& slide, std::size_t step, TextMeasurer& measurer,
                            const JoinDetails* join = nullptr, const PollView* poll = nullptr,
                            const SecondLanguage* second = nullptr);

// Warnings for every slide whose text fits only below the legible size of the deck's room.
std::vector<Diagnostic> check_text_fits(const Deck& deck, const std::string& display_name,
                                        TextMeasurer& measurer);

} // namespace lectern
