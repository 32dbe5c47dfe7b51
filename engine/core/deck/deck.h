// Deck: the in-memory model of one deck file (format version 1, see slides/README.md).
// A Deck that exists has passed validation: every required key is present and every value in range.
// Pure data: no SDL, ImGui, network or TOML includes.
#pragma once

#include "core/base/source_position.h"
#include "deck_options.h"
#include "slide_layout.h"
#include "theme.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lectern {

struct DeckInfo {
    std::string title;
    std::string subtitle;
    std::string author;
    std::string language = "en"; // BCP 47 tag
    Aspect aspect = Aspect::Wide16x9;
    std::string theme = "classroom";                 // a built-in name, or a theme file path as written
    std::optional<std::filesystem::path> theme_file; // resolved path when `theme` names a file
    std::optional<int> duration_minutes;
    Room room = Room::Classroom;
    Transition transition = Transition::Fade; // between slides; "none" for a plain cut
    std::string safeguarding_lead;            // who to tell at this school; shown where slides say
                                              // {safeguarding_lead} (see school_details.h)
    std::string id; // [deck] id: the deck's name in a school's show (--school); "" = its file name
    // Every language the deck can be shown in, the one it is written in first (deck_language.h). After
    // loading never empty: {language} when `languages` is not given.
    std::vector<std::string> languages{"en"};
    std::string translation_note; // who translated, and whether a native speaker has checked it
};

struct KioskSettings {
    double slide_seconds = 15;
    bool loop = true;
    double resume_after_seconds = 60;
};

struct ImageRef {
    std::string path;               // as written in the deck
    std::filesystem::path resolved; // relative to the deck's folder
    std::string alt;
    SourcePosition position; // of the `image` value
};

struct Column {
    std::string heading;
    std::vector<std::string> bullets;
};

// The question of an interactive slide (poll, quiz, scale, words).
struct Question {
    std::string text;
    std::vector<std::string> options; // poll and quiz
    bool multiple = false;            // poll: several options may be chosen
    Reveal reveal = Reveal::OnCommand;
    int answer = 0;      // quiz: 1-based index of the correct option
    std::string explain; // quiz: shown with the answer
    std::string low;     // scale: label of step 1
    std::string high;    // scale: label of the last step
    int steps = 5;       // scale
    int max_chars = 24;  // words
};

// One slide's words in another language: a [slides.lang.TAG] table. A key left unset shows the original
// (deck_language.h); a list, when given, has as many items as the original's.
struct SlideTranslation {
    std::string language; // a tag of DeckInfo::languages, never the first
    std::optional<std::string> title, subtitle, caption, text, by, alt, question, explain, low, high, notes;
    std::optional<std::vector<std::string>> bullets, options;
    std::optional<Column> left, right; // a column translated as a whole: its heading and its bullets
};

struct Slide {
    SlideLayout layout = SlideLayout::Title;
    std::string id;          // unique within the deck; a slug of the title or question when not given
    bool id_given = false;   // written in the deck rather than derived
    SourcePosition position; // of the [[slides]] header
    std::string title;       // title, section, bullets, columns, image (optional), join (optional)
    std::string subtitle;    // title, section
    std::vector<std::string> bullets; // bullets
    Column left, right;               // columns
    bool build = false;               // bullets, columns: reveal one item per press of next
    std::optional<ImageRef> image;    // image, bullets
    std::string caption;              // image
    std::string quote;                // quote: `text`
    std::string quote_by;             // quote: `by`
    std::optional<Question> question; // poll, quiz, scale, words
    std::string notes;
    std::optional<double> seconds; // kiosk auto-advance time for this slide
    std::optional<int> countdown;  // seconds of a class activity's countdown clock (core/show/countdown.h)
    std::vector<SlideTranslation> translations; // [slides.lang.TAG], in the order of DeckInfo::languages
    std::vector<std::pair<std::string, SourcePosition>> value_positions; // key -> where its value starts

    // Where the value of `key` starts in the deck file, or the slide's own position.
    SourcePosition position_of(std::string_view key) const;
};

struct Deck {
    std::filesystem::path file;
    DeckInfo info;
    Theme theme;                        // resolved from info.theme: a built-in or the theme file
    std::optional<KioskSettings> kiosk; // present when the deck has a [kiosk] table
    std::vector<Slide> slides;

    // Seconds this slide shows for when auto-advancing.
    double seconds_for(const Slide& slide) const;
};

} // namespace lectern
