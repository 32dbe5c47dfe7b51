// Ink: what the teacher draws on slides with the pen (D), kept per slide and build step for the session,
// in slide units so strokes stay in place across resizes, letterboxing and a second display. U undoes
// the last stroke, E erases the slide's ink. The panel's "Save ink..." writes it as JSON beside the deck
// and `lectern render --ink FILE` reads it back. Pure.
#pragma once

#include "core/base/expected.h"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lectern {

inline constexpr std::size_t ink_colours = 4; // C cycles them
inline constexpr double ink_min_step = 2.0;   // slide units between kept points
inline constexpr std::size_t ink_max_points_per_stroke = 4000;
inline constexpr std::size_t ink_max_strokes_per_slide = 500; // beyond it the oldest go
inline constexpr std::size_t ink_file_max_bytes = 8u << 20;

struct InkPoint {
    double x = 0; // slide units (1920 x 1080 for 16:9)
    double y = 0;
    friend bool operator==(const InkPoint&, const InkPoint&) = default;
};

struct InkStroke {
    std::size_t colour = 0; // index into the theme's four ink colours
    std::vector<InkPoint> points;
    friend bool operator==(const InkStroke&, const InkStroke&) = default;
};

// Where ink belongs: a slide's id (so it follows the slide when a reload moves it) and its build step.
using InkPlace = std::pair<std::string, std::size_t>;

class InkBook {
public:
    // A stroke begins where the pen goes down, grows as it moves (points closer than ink_min_step to the
    // last are left out) and ends when it comes up.
    void begin(const InkPlace& place, InkPoint point, std::size_t colour);
    void extend(InkPoint point);
    void end();
    bool drawing() const { return m_drawing.has_value(); }

    void undo(const InkPlace& place);  // U: the last stroke of that slide and step
    void erase(const InkPlace& place); // E

    const std::vector<InkStroke>& strokes(const InkPlace& place) const;
    bool empty() const;
    // Every slide and step that has ink, in order.
    std::vector<InkPlace> places() const;

    friend bool operator==(const InkBook&, const InkBook&) = default;

    // {"ink": [{"slide": "id", "step": 1, "strokes": [{"colour": 0, "points": [[x, y], ...]}]}]}
    std::string to_json() const;
    static Expected<InkBook> from_json(std::string_view json);

private:
    std::map<InkPlace, std::vector<InkStroke>> m_strokes;
    std::optional<InkPlace> m_drawing;
};

} // namespace lectern
