#include "text_layout.h"

#include "line_breaks.h"
#include "unicode_script.h"
#include "utf8.h"

#include <algorithm>
#include <cmath>

namespace lectern {

namespace {

constexpr float smallest_px = 10; // below this nothing is readable at all; stop shrinking
constexpr float shrink_step = 0.96f;
constexpr std::string_view bullet_mark = "\u2022";
constexpr char32_t shown_hyphen = U'-'; // what a soft hyphen becomes at the end of a line: in every font
constexpr char32_t left_to_right_mark = U'\u200E';
constexpr char32_t right_to_left_mark = U'\u200F';

TextStyle style_of(const TextBlock& block, float px, const StyledSpan& span) {
    TextStyle style = block.base;
    style.px = px;
    style.bold = block.base.bold || span.bold;
    style.italic = block.base.italic || span.italic;
    return style;
}

// A paragraph up to a "\n", as code points, each with the index of the span it came from.
struct StyledText {
    std::u32string text;
    std::vector<std::size_t> span_of;
};

std::vector<StyledText> hard_lines_of(const Paragraph& paragraph) {
    std::vector<StyledText> parts(1);
    for (std::size_t s = 0; s < paragraph.spans.size(); ++s) {
        for (char32_t c : decode_utf8(paragraph.spans[s].text)) {
            if (c == U'\n') {
                parts.emplace_back();
                continue;
            }
            if (c == U'\t' || c == U'\r')
                c = U' ';
            parts.back().text.push_back(c);
            parts.back().span_of.push_back(s);
        }
    }
    return parts;
}

// One line of a paragraph: code points [begin, end); `hyphenated` when it ends at a soft hyphen.
struct LineRange {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool hyphenated = false;
};

// Measures stretches of one paragraph at one size: one width_of call per change of style, soft hyphens
// left out (they are invisible unless a line ends at one).
class Ruler {
public:
    Ruler(const StyledText& text, const Paragraph& paragraph, const TextBlock& block, float px,
          TextMeasurer& measurer)
        : m_text(text), m_paragraph(paragraph), m_block(block), m_px(px), m_measurer(measurer) {}

    float width(std::size_t begin, std::size_t end) const {
        float total = 0;
        for (std::size_t at = begin; at < end;) {
            std::size_t piece_end = at;
            std::string utf8;
            while (piece_end < end && m_text.span_of[piece_end] == m_text.span_of[at]) {
                if (m_text.text[piece_end] != soft_hyphen)
                    append_utf8(utf8, m_text.text[piece_end]);
                ++piece_end;
            }
            total += m_measurer.width_of(utf8, style_at(at));
            at = piece_end;
        }
        return total;
    }

    // As wide as [begin, end) looks at the end of a line: without its trailing spaces, and with the hyphen a
    // soft hyphen there shows.
    float width_at_line_end(std::size_t begin, std::size_t end) const {
        const std::size_t visible = visible_end(begin, end);
        float total = width(begin, visible);
        if (visible > begin && m_text.text[visible - 1] == soft_hyphen)
            total += m_measurer.width_of("-", style_at(visible - 1));
        return total;
    }

    std::size_t visible_end(std::size_t begin, std::size_t end) const {
        while (end > begin && is_white_space(m_text.text[end - 1]))
            --end;
        return end;
    }

    TextStyle style_at(std::size_t at) const {
        return style_of(m_block, m_px, m_paragraph.spans[m_text.span_of[at]]);
    }

private:
    const StyledText& m_text;
    const Paragraph& m_paragraph;
    const TextBlock& m_block;
    float m_px;
    TextMeasurer& m_measurer;
};

// Splits [begin, end), wider than `room` on its own, between grapheme clusters into lines that fit; returns
// where the last piece begins, which stays open for what follows.
std::size_t split_overlong(const Ruler& ruler, const std::vector<bool>& cluster_starts, std::size_t begin,
                           std::size_t end, float room, std::vector<LineRange>& lines) {
    std::size_t piece = begin;
    std::size_t fits = begin;
    for (std::size_t at = begin + 1; at <= end; ++at) {
        if (!cluster_starts[at])
            continue;
        if (fits > piece && ruler.width_at_line_end(piece, at) > room) {
            lines.push_back({piece, fits, false});
            piece = fits;
        }
        fits = at;
    }
    return piece;
}

// Greedy lines at break opportunities (UAX #14): as much on each line as fits in `room`, each candidate
// line measured whole (so kerning and joining across its words count).
std::vector<LineRange> break_lines(const StyledText& text, const Ruler& ruler, float room, bool& overflowed) {
    const std::vector<LineBreak> breaks = line_breaks(text.text);
    std::vector<bool> cluster_starts;
    std::vector<LineRange> lines;
    std::size_t line_begin = 0;
    for (std::size_t segment = 0; segment < text.text.size();) {
        std::size_t next = segment + 1;
        while (breaks[next] == LineBreak::Prohibited)
            ++next;
        if (segment > line_begin && ruler.width_at_line_end(line_begin, next) > room) {
            lines.push_back({line_begin, segment, text.text[segment - 1] == soft_hyphen});
            line_begin = segment;
        }
        if (segment == line_begin && ruler.width_at_line_end(segment, next) > room) {
            overflowed = true; // a word wider than the box: break it, but try a smaller size first
            if (cluster_starts.empty())
                cluster_starts = grapheme_starts(text.text);
            line_begin = split_overlong(ruler, cluster_starts, segment, next, room, lines);
        }
        if (breaks[next] == LineBreak::Mandatory && next < text.text.size()) {
            lines.push_back({line_begin, next, false});
            line_begin = next;
        }
        segment = next;
    }
    lines.push_back({line_begin, text.text.size(), false});
    return lines;
}

// A stretch of one line at one bidi level in one style, in visual order.
struct VisualRun {
    std::string text; // logical order; starts with a direction mark when its own text would mislead
    TextStyle style;
    float width = 0;
};

// The direction a renderer finds in `text` by itself: its first strong character's, else left to right.
TextDirection direction_alone(std::u32string_view text) {
    return resolve_bidi_paragraph(text).direction;
}

std::vector<VisualRun> visual_runs(const StyledText& text, const BidiParagraph& bidi, const LineRange& range,
                                   const Ruler& ruler, TextMeasurer& measurer) {
    std::size_t end = ruler.visible_end(range.begin, range.end);
    std::u32string line(text.text.substr(range.begin, end - range.begin));
    std::vector<std::uint8_t> levels(bidi.levels.begin() + static_cast<std::ptrdiff_t>(range.begin),
                                     bidi.levels.begin() + static_cast<std::ptrdiff_t>(end));
    if (range.hyphenated && !line.empty() && line.back() == soft_hyphen)
        line.back() = shown_hyphen;
    const BidiLine reordered = reorder_bidi_line(line, levels, bidi.direction);
    std::vector<VisualRun> runs;
    for (std::size_t v = 0; v < line.size();) {
        const std::size_t first = reordered.visual_order[v];
        const std::uint8_t level = reordered.levels[first];
        const std::size_t span = text.span_of[range.begin + first];
        std::size_t lowest = first;
        std::size_t highest = first;
        std::size_t w = v + 1;
        for (; w < line.size(); ++w) {
            const std::size_t next = reordered.visual_order[w];
            const std::size_t previous = reordered.visual_order[w - 1];
            const bool adjacent = level % 2 == 0 ? next == previous + 1 : next + 1 == previous;
            if (!adjacent || reordered.levels[next] != level || text.span_of[range.begin + next] != span)
                break;
            lowest = std::min(lowest, next);
            highest = std::max(highest, next);
        }
        std::u32string run_text;
        for (std::size_t i = lowest; i <= highest; ++i)
            if (line[i] != soft_hyphen)
                run_text.push_back(line[i]);
        const TextDirection direction = direction_of_level(level);
        if (!run_text.empty() && direction_alone(run_text) != direction)
            run_text.insert(run_text.begin(), direction == TextDirection::RightToLeft ? right_to_left_mark
                                                                                      : left_to_right_mark);
        VisualRun run{encode_utf8(run_text), ruler.style_at(range.begin + first), 0};
        run.width = measurer.width_of(run.text, run.style);
        runs.push_back(std::move(run));
        v = w;
    }
    return runs;
}

} // namespace

std::vector<Paragraph> paragraphs_of(std::string_view text) {
    std::vector<Paragraph> paragraphs;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        paragraphs.push_back({.spans = parse_inline_markup(text.substr(start, end - start))});
        start = end + 1;
    }
    return paragraphs;
}

bool reads_right_to_left(const Paragraph& paragraph, ParagraphDirection direction) {
    return resolve_bidi_paragraph(hard_lines_of(paragraph).front().text, direction).direction ==
           TextDirection::RightToLeft;
}

FittedText set_text(const TextBlock& block, float px, TextMeasurer& measurer) {
    FittedText fitted;
    fitted.px = px;
    fitted.legible = px >= block.legible_px - 0.01f;
    const TextStyle plain = style_of(block, px, StyledSpan{});
    const float indent = std::round(px * 1.1f);
    const float gap = std::round(px * block.paragraph_gap_em);

    float y = 0;
    for (std::size_t p = 0; p < block.paragraphs.size(); ++p) {
        const Paragraph& paragraph = block.paragraphs[p];
        const float paragraph_px = paragraph.scale == 1 ? px : std::round(px * paragraph.scale);
        const float line_height = measurer.line_height(style_of(block, paragraph_px, StyledSpan{}));
        const float hang = paragraph.bulleted || paragraph.hangs ? indent : 0;
        const float room = block.box.w - hang;
        const Colour colour = paragraph.colour.value_or(block.colour);
        bool overflowed = false;
        bool first_line = true;
        if (p > 0)
            y += paragraph.scale == 1 ? gap : std::round(gap * paragraph.scale);
        for (const StyledText& text : hard_lines_of(paragraph)) {
            const BidiParagraph bidi =
                resolve_bidi_paragraph(text.text, paragraph.direction.value_or(block.direction));
            const bool rtl = bidi.direction == TextDirection::RightToLeft;
            const Ruler ruler(text, paragraph, block, paragraph_px, measurer);
            for (const LineRange& range : break_lines(text, ruler, room, overflowed)) {
                const std::vector<VisualRun> runs = visual_runs(text, bidi, range, ruler, measurer);
                float line_width = 0;
                for (const VisualRun& run : runs)
                    line_width += run.width;
                // A bullet's hang is on its mark's side; a second language's paragraph hangs on the side
                // of the bullet above it, whatever its own direction.
                const bool hang_right =
                    paragraph.hangs ? block.direction == ParagraphDirection::RightToLeft : rtl;
                const float left = block.box.x + (hang_right ? 0 : hang);
                float x = left;
                if (block.align == TextAlign::Centre)
                    x = left + (room - line_width) / 2;
                else if ((block.align == TextAlign::Start) == rtl)
                    x = left + room - line_width;
                if (!paragraph.hidden && paragraph.bulleted && first_line) {
                    const float mark_x = rtl ? block.box.x + block.box.w - indent * 0.6f : block.box.x;
                    fitted.runs.push_back({mark_x, y, std::string(bullet_mark), plain, block.bullet_colour});
                }
                // Runs left to right on screen; each is shaped by the renderer in its own direction.
                for (std::size_t k = 0; k < runs.size() && !paragraph.hidden; ++k) {
                    fitted.runs.push_back({x, y, runs[k].text, runs[k].style, colour, k > 0});
                    x += runs[k].width;
                }
                first_line = false;
                y += line_height;
            }
        }
        if (overflowed)
            fitted.height = block.box.h + 1; // forces a smaller size when one word is too wide
    }
    fitted.height = std::max(fitted.height, y);
    const float offset = block.vertical == VerticalAlign::Middle ? std::max(0.0f, (block.box.h - y) / 2) : 0;
    for (TextRun& run : fitted.runs)
        run.y += block.box.y + offset;
    return fitted;
}

FittedText fit_text(const TextBlock& block, TextMeasurer& measurer) {
    float px = block.base.px;
    FittedText fitted = set_text(block, px, measurer);
    while (fitted.height > block.box.h && px > smallest_px) {
        px = std::max(smallest_px, std::floor(px * shrink_step));
        fitted = set_text(block, px, measurer);
    }
    return fitted;
}

} // namespace lectern
