// TextLayout: sets paragraphs of styled text into a box. Breaks lines where UAX #14 allows (line_breaks.h:
// spaces, between CJK characters but never before "。" or after "（", after "/" in a URL, at soft hyphens,
// which then show a hyphen), shrinks the text until it fits, and hangs bullets. Bidi levels come per
// paragraph and each line is reordered after breaking (bidi_levels.h), so the runs of a line come out left
// to right on screen, each at one level. Text is never cut off: when it only fits below the room's legible
// size it is set smaller and the result says so, for `lectern check` to warn about. Pure: measures through
// TextMeasurer.
#pragma once

#include "bidi_levels.h"
#include "core/compose/display_list.h"
#include "inline_markup.h"
#include "text_measurer.h"

#include <optional>
#include <vector>

namespace lectern {

enum class TextAlign { Start, Centre, End }; // Start is left for left-to-right text, right for right-to-left
enum class VerticalAlign { Top, Middle };

struct Paragraph {
    std::vector<StyledSpan> spans;
    bool bulleted = false;
    bool hidden = false; // takes its space but is not drawn (a build step not yet revealed)
    // A second language beneath the first (dual mode): smaller, in its own colour and direction, and
    // hanging under a bullet's text with no mark of its own.
    float scale = 1; // of the block's size
    bool hangs = false;
    std::optional<Colour> colour = std::nullopt;
    std::optional<ParagraphDirection> direction = std::nullopt;
};

struct TextBlock {
    std::vector<Paragraph> paragraphs;
    Box box;
    TextStyle base;        // role, weight and slant of the text; base.px is the size to start from
    float legible_px = 28; // smallest size that counts as legible in the room
    TextAlign align = TextAlign::Start;
    VerticalAlign vertical = VerticalAlign::Top;
    Colour colour;
    Colour bullet_colour;
    float paragraph_gap_em = 0.35f;
    // Right to left in a deck whose language is written so (bullets on the right, Start on the right);
    // else each paragraph's first strong character decides.
    ParagraphDirection direction = ParagraphDirection::FirstStrong;
};

struct FittedText {
    float px = 0;        // the size the text was set at
    bool legible = true; // px >= legible_px
    float height = 0;    // of all lines, in slide units
    std::vector<TextRun> runs;
};

// Paragraphs are `text` split at "\n" with markup parsed; convenient for titles and questions.
std::vector<Paragraph> paragraphs_of(std::string_view text);

// Sets the block at the largest size from base.px down that fits its box.
FittedText fit_text(const TextBlock& block, TextMeasurer& measurer);

// Sets the block at exactly `px`, whether or not it fits; used to give related blocks one size.
FittedText set_text(const TextBlock& block, float px, TextMeasurer& measurer);

// Whether a paragraph reads right to left: as `direction` says, or by its first strong character.
bool reads_right_to_left(const Paragraph& paragraph,
                         ParagraphDirection direction = ParagraphDirection::FirstStrong);

} // namespace lectern
