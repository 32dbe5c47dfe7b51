#include "text_layout.h"

#include "bidi_levels.h"
#include "utf8.h"

#include <algorithm>
#include <cmath>

namespace lectern {

namespace {

constexpr float smallest_px = 10; // below this nothing is readable at all; stop shrinking
constexpr float shrink_step = 0.96f;
constexpr std::string_view bullet_mark = "\u2022";

// A unit the line breaker will not split, unless it is wider than the line on its own.
struct Token {
    std::string text; // including trailing spaces
    bool bold = false;
    bool italic = false;
    bool line_break = false; // a "\n"
};

std::vector<Token> tokens_of(const Paragraph& paragraph) {
    std::vector<Token> tokens;
    for (const StyledSpan& span : paragraph.spans) {
        std::size_t at = 0;
        std::string current;
        bool in_spaces = false;
        auto flush = [&] {
            if (!current.empty())
                tokens.push_back({std::move(current), span.bold, span.italic, false});
            current.clear();
            in_spaces = false;
        };
        while (at < span.text.size()) {
            const std::size_t start = at;
            const char32_t c = next_code_point(span.text, at);
            const std::string_view bytes = std::string_view(span.text).substr(start, at - start);
            if (c == '\n') {
                flush();
                tokens.push_back({{}, span.bold, span.italic, true});
            } else if (c == ' ' || c == '\t') {
                current += ' ';
                in_spaces = true;
            } else if (is_break_anywhere_script(c)) {
                flush();
                current = bytes;
                in_spaces = true; // a break may follow any CJK character
            } else {
                if (in_spaces)
                    flush();
                current += bytes;
            }
        }
        flush();
    }
    return tokens;
}

std::string_view without_trailing_spaces(std::string_view text) {
    while (!text.empty() && text.back() == ' ')
        text.remove_suffix(1);
    return text;
}

struct Piece {
    std::string text;
    bool bold = false;
    bool italic = false;
};

using Line = std::vector<Piece>;

TextStyle style_of(const TextBlock& block, float px, bool bold, bool italic) {
    TextStyle style = block.base;
    style.px = px;
    style.bold = block.base.bold || bold;
    style.italic = block.base.italic || italic;
    return style;
}

// Splits a token wider than the line into pieces that fit, at character boundaries.
std::vector<std::string> split_overlong(const std::string& text, const TextStyle& style, float width,
                                        TextMeasurer& measurer) {
    std::vector<std::string> parts;
    std::string current;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t start = at;
        next_code_point(text, at);
        std::string candidate = current + text.substr(start, at - start);
        if (!current.empty() && measurer.width_of(candidate, style) > width) {
            parts.push_back(std::move(current));
            current = text.substr(start, at - start);
        } else {
            current = std::move(candidate);
        }
    }
    if (!current.empty())
        parts.push_back(std::move(current));
    return parts;
}

std::vector<Line> break_lines(const Paragraph& paragraph, const TextBlock& block, float px, float width,
                              TextMeasurer& measurer, bool& overflowed) {
    std::vector<Line> lines(1);
    float line_width = 0;
    auto place = [&](const std::string& text, bool bold, bool italic) {
        Line& line = lines.back();
        if (!line.empty() && line.back().bold == bold && line.back().italic == italic)
            line.back().text += text;
        else
            line.push_back({text, bold, italic});
    };
    for (const Token& token : tokens_of(paragraph)) {
        if (token.line_break) {
            lines.emplace_back();
            line_width = 0;
            continue;
        }
        const TextStyle style = style_of(block, px, token.bold, token.italic);
        const float visible = measurer.width_of(without_trailing_spaces(token.text), style);
        const float full = measurer.width_of(token.text, style);
        if (line_width > 0 && line_width + visible > width) {
            lines.emplace_back();
            line_width = 0;
            if (token.text.find_first_not_of(' ') == std::string::npos)
                continue; // spaces at the start of a wrapped line vanish
        }
        if (visible > width) {
            overflowed = true; // a single word wider than the box: break it, but try a smaller size first
            for (const std::string& part : split_overlong(token.text, style, width, measurer)) {
                if (line_width > 0) {
                    lines.emplace_back();
                    line_width = 0;
                }
                place(part, token.bold, token.italic);
                line_width = measurer.width_of(part, style);
            }
            continue;
        }
        place(token.text, token.bold, token.italic);
        line_width += full;
    }
    return lines;
}

} // namespace

std::vector<Paragraph> paragraphs_of(std::string_view text) {
    std::vector<Paragraph> paragraphs;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        paragraphs.push_back({parse_inline_markup(text.substr(start, end - start)), false, false});
        start = end + 1;
    }
    return paragraphs;
}

bool reads_right_to_left(const Paragraph& paragraph) {
    std::string text;
    for (const StyledSpan& span : paragraph.spans)
        text += span.text;
    return resolve_bidi_levels(decode_utf8(text)).paragraph == TextDirection::RightToLeft;
}

FittedText set_text(const TextBlock& block, float px, TextMeasurer& measurer) {
    FittedText fitted;
    fitted.px = px;
    fitted.legible = px >= block.legible_px - 0.01f;
    const TextStyle plain = style_of(block, px, false, false);
    const float line_height = measurer.line_height(plain);
    const float indent = std::round(px * 1.1f);
    const float gap = std::round(px * block.paragraph_gap_em);

    float y = 0;
    for (std::size_t p = 0; p < block.paragraphs.size(); ++p) {
        const Paragraph& paragraph = block.paragraphs[p];
        const bool rtl = reads_right_to_left(paragraph);
        const float hang = paragraph.bulleted ? indent : 0;
        bool overflowed = false;
        const std::vector<Line> lines =
            break_lines(paragraph, block, px, block.box.w - hang, measurer, overflowed);
        if (p > 0)
            y += gap;
        for (std::size_t l = 0; l < lines.size(); ++l) {
            const Line& line = lines[l];
            std::vector<float> widths;
            float line_width = 0;
            for (std::size_t i = 0; i < line.size(); ++i) {
                const std::string_view text = i + 1 == line.size() ? without_trailing_spaces(line[i].text)
                                                                   : std::string_view(line[i].text);
                widths.push_back(measurer.width_of(text, style_of(block, px, line[i].bold, line[i].italic)));
                line_width += widths.back();
            }
            const float left = block.box.x + (rtl ? 0 : hang);
            const float room = block.box.w - hang;
            float x = left;
            const TextAlign align = block.align;
            if (align == TextAlign::Centre)
                x = left + (room - line_width) / 2;
            else if ((align == TextAlign::Start) == rtl)
                x = left + room - line_width;
            if (!paragraph.hidden) {
                if (paragraph.bulleted && l == 0) {
                    const float mark_x = rtl ? block.box.x + block.box.w - indent * 0.6f : block.box.x;
                    fitted.runs.push_back({mark_x, y, std::string(bullet_mark), plain, block.bullet_colour});
                }
                // Right-to-left lines place their runs from the right; each run is shaped by the renderer.
                for (std::size_t k = 0; k < line.size(); ++k) {
                    const std::size_t i = rtl ? line.size() - 1 - k : k;
                    const std::string text(i + 1 == line.size() ? without_trailing_spaces(line[i].text)
                                                                : std::string_view(line[i].text));
                    if (!text.empty())
                        fitted.runs.push_back({x, y, text, style_of(block, px, line[i].bold, line[i].italic),
                                               block.colour, k > 0 && !rtl});
                    x += widths[i];
                }
            }
            y += line_height;
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
