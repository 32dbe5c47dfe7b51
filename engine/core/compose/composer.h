// Composer: the private toolkit of the slide composers (slide_composer.cpp for content slides,
// question_composer.cpp for polls, quizzes, scales and words): slide geometry in slide units, the
// theme, text blocks fitted through TextLayout, and the display list being built. Not part of the
// core's public interface. Pure.
//
// A deck whose language is written right to left (deck.info.language, see direction_of_language) is
// mirrored here, in one place: the composers lay slides out left to right, and every box they fill, picture
// and text block is placed mirrored (x from the right edge), its paragraphs set right to left. So bullets
// hang on the right, the first column is on the right, the QR code of the join strip on the left.
// Pictures and QR codes themselves are not flipped.
#pragma once

#include "core/text/text_layout.h"
#include "slide_composer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

namespace lectern::composing {

constexpr float margin_x = 96;
constexpr float margin_y = 72;
constexpr float header_h = 170;          // slide titles
constexpr float question_header_h = 250; // questions are longer than titles
constexpr float gap = 40;
constexpr std::array<std::string_view, 6> option_labels{"A", "B", "C", "D", "E", "F"};

// Black or white, whichever reads better on `background`.
inline Colour readable_on(Colour background) {
    const Colour black{0, 0, 0, 255};
    const Colour white{255, 255, 255, 255};
    return contrast_ratio(black, background) >= contrast_ratio(white, background) ? black : white;
}

// How much smaller a second language is than the room's (dual mode).
constexpr float second_language_scale = 0.62f;

class Composer {
public:
    Composer(const Deck& deck, const Slide& slide, TextMeasurer& measurer,
             const SecondLanguage* second = nullptr)
        : m_slide(slide), m_theme(deck.theme), m_measurer(measurer), m_bounds(slide_bounds(deck.info.aspect)),
          m_legible(legible_px(deck.info.room)),
          m_mirrored(direction_of_language(deck.info.language) == TextDirection::RightToLeft),
          m_second(second) {
        m_out.list.width = m_bounds.w;
        m_out.list.height = m_bounds.h;
        m_out.list.background = m_theme.background;
    }

    ComposedSlide take() { return std::move(m_out); }

    float width() const { return m_bounds.w; }
    float legible() const { return m_legible; }
    float height() const { return m_bounds.h; }
    const Theme& theme() const { return m_theme; }
    const Slide& slide() const { return m_slide; }

    TextBlock block(std::vector<Paragraph> paragraphs, Box box, FontRole role, bool bold, float px,
                    Colour colour) const {
        TextBlock block;
        block.paragraphs = std::move(paragraphs);
        block.box = box;
        block.base = {role, bold, false, px};
        block.legible_px = m_legible;
        block.colour = colour;
        block.bullet_colour = m_theme.accent;
        if (m_mirrored)
            block.direction = ParagraphDirection::RightToLeft;
        return block;
    }

    // Fits and draws a block; a size below the legible one is noted against `part`.
    FittedText text(const TextBlock& block, std::string_view part) {
        return place(fit_text(on_slide(block), m_measurer), part);
    }

    FittedText text_at(const TextBlock& block, float px, std::string_view part) {
        return place(set_text(on_slide(block), px, m_measurer), part);
    }

    float measure(std::string_view text, const TextStyle& style) { return m_measurer.width_of(text, style); }

    float fitted_px(const TextBlock& block) { return fit_text(block, m_measurer).px; }

    void fill(Box box, Colour colour, float radius = 0) { fill_on_slide(on_slide(box), colour, radius); }

    // Fills `box` exactly where it says, mirrored or not: for what must not be flipped (a QR code's modules).
    void fill_on_slide(Box box, Colour colour, float radius = 0) {
        m_out.list.items.emplace_back(FilledBox{box, colour, radius});
    }

    void picture(Box box, const ImageRef& image) {
        m_out.list.items.emplace_back(Picture{on_slide(box), image.resolved, image.alt});
    }

    // Where a box laid out left to right goes on the slide: mirrored in a right-to-left deck.
    Box on_slide(Box box) const {
        if (m_mirrored)
            box.x = m_bounds.w - box.x - box.w;
        return box;
    }

    // The words `of` picks out of the slide (a string, or a list of them as bullets), each paragraph
    // followed in dual mode by the same words in the second language: smaller, muted, in its own
    // direction. Words the second language leaves as the original are not shown twice.
    template <class Of>
    std::vector<Paragraph> words(Of of) const {
        std::vector<Paragraph> first = paragraphs_of(of(m_slide));
        if (!m_second)
            return first;
        return with_second(std::move(first), paragraphs_of(of(m_second->slide)));
    }
    template <class Of>
    std::vector<Paragraph> bullets(Of of, std::size_t shown) const {
        std::vector<Paragraph> first = bullet_paragraphs(of(m_slide), shown);
        if (!m_second)
            return first;
        return with_second(std::move(first), bullet_paragraphs(of(m_second->slide), shown));
    }

    // A slide title across the top with an accent rule below; returns where content starts.
    float header(std::vector<Paragraph> title, float height, float px) {
        text(with_vertical(block(std::move(title), {margin_x, margin_y, width() - 2 * margin_x, height},
                                 FontRole::Heading, true, px, m_theme.heading),
                           VerticalAlign::Middle),
             "title");
        fill({margin_x, margin_y + height + 14, 160, 6}, m_theme.accent, 3);
        return margin_y + height + 14 + 6 + gap;
    }

    static TextBlock with_vertical(TextBlock block, VerticalAlign vertical) {
        block.vertical = vertical;
        return block;
    }
    static TextBlock with_align(TextBlock block, TextAlign align) {
        block.align = align;
        return block;
    }

private:
    static std::vector<Paragraph> bullet_paragraphs(const std::vector<std::string>& items,
                                                    std::size_t shown) {
        std::vector<Paragraph> paragraphs;
        for (std::size_t i = 0; i < items.size(); ++i)
            paragraphs.push_back(
                {.spans = parse_inline_markup(items[i]), .bulleted = true, .hidden = i >= shown});
        return paragraphs;
    }

    std::vector<Paragraph> with_second(std::vector<Paragraph> first, std::vector<Paragraph> second) const {
        const auto same_words = [](const Paragraph& a, const Paragraph& b) {
            if (a.spans.size() != b.spans.size())
                return false;
            for (std::size_t i = 0; i < a.spans.size(); ++i) {
                if (a.spans[i].text != b.spans[i].text)
                    return false;
            }
            return true;
        };
        const auto as_second = [&](Paragraph p, bool hidden) {
            p.hangs = p.bulleted;
            p.bulleted = false;
            p.hidden = hidden;
            p.scale = second_language_scale;
            p.colour = m_theme.muted;
            p.direction = m_second->direction == TextDirection::RightToLeft ? ParagraphDirection::RightToLeft
                                                                            : ParagraphDirection::LeftToRight;
            return p;
        };
        std::vector<Paragraph> out;
        if (first.size() == second.size()) {
            // Paragraph by paragraph, so each point is read beside its translation.
            for (std::size_t i = 0; i < first.size(); ++i) {
                const bool same = same_words(first[i], second[i]);
                const bool hidden = first[i].hidden;
                out.push_back(std::move(first[i]));
                if (!same)
                    out.push_back(as_second(std::move(second[i]), hidden));
            }
            return out;
        }
        const bool hidden = std::ranges::all_of(first, &Paragraph::hidden);
        out = std::move(first);
        for (Paragraph& p : second)
            out.push_back(as_second(std::move(p), hidden));
        return out;
    }

    TextBlock on_slide(TextBlock block) const {
        block.box = on_slide(block.box);
        return block;
    }

    FittedText place(FittedText fitted, std::string_view part) {
        if (!fitted.legible)
            m_out.problems.push_back({std::string(part), fitted.px, m_legible});
        for (TextRun& run : fitted.runs)
            m_out.list.items.emplace_back(std::move(run));
        fitted.runs.clear();
        return fitted;
    }

    const Slide& m_slide;
    const Theme& m_theme;
    TextMeasurer& m_measurer;
    Box m_bounds;
    float m_legible;
    bool m_mirrored;                // the deck's language is written right to left
    const SecondLanguage* m_second; // dual mode; null otherwise
    ComposedSlide m_out;
};

// How far down the content may go: above the voting strip when voting is on.
float bottom_of_content(const Composer& c, const JoinDetails* join);

// The join address as a QR code filling `square` (a white margin of `quiet` modules included), dark on
// white whatever the theme, so every phone camera reads it. The standard asks for 4 modules of margin.
void compose_qr(Composer& c, const JoinDetails& join, Box square, int quiet = 4);

// A poll, quiz, scale or words slide, with its results when `poll` says they are showing.
void compose_question(Composer& c, const JoinDetails* join, const PollView* poll);

} // namespace lectern::composing
