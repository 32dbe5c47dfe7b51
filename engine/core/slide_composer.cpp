#include "slide_composer.h"

#include "concat.h"
#include "text_layout.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace lectern {

namespace {

constexpr float margin_x = 96;
constexpr float margin_y = 72;
constexpr float header_h = 170;          // slide titles
constexpr float question_header_h = 250; // questions are longer than titles
constexpr float gap = 40;
constexpr std::array<std::string_view, 6> option_labels{"A", "B", "C", "D", "E", "F"};

// Black or white, whichever reads better on `background`.
Colour readable_on(Colour background) {
    const Colour black{0, 0, 0, 255};
    const Colour white{255, 255, 255, 255};
    return contrast_ratio(black, background) >= contrast_ratio(white, background) ? black : white;
}

class Composer {
public:
    Composer(const Deck& deck, const Slide& slide, TextMeasurer& measurer)
        : m_deck(deck), m_slide(slide), m_theme(deck.theme), m_measurer(measurer),
          m_bounds(slide_bounds(deck.info.aspect)), m_legible(legible_px(deck.info.room)) {
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
        return block;
    }

    // Fits and draws a block; a size below the legible one is noted against `part`.
    FittedText text(const TextBlock& block, std::string_view part) {
        return place(fit_text(block, m_measurer), part);
    }

    FittedText text_at(const TextBlock& block, float px, std::string_view part) {
        return place(set_text(block, px, m_measurer), part);
    }

    float fitted_px(const TextBlock& block) { return fit_text(block, m_measurer).px; }

    void fill(Box box, Colour colour, float radius = 0) {
        m_out.list.items.emplace_back(FilledBox{box, colour, radius});
    }

    void picture(Box box, const ImageRef& image) {
        m_out.list.items.emplace_back(Picture{box, image.resolved, image.alt});
    }

    // A slide title across the top with an accent rule below; returns where content starts.
    float header(std::string_view title, float height, float px) {
        text(with_vertical(block(paragraphs_of(title), {margin_x, margin_y, width() - 2 * margin_x, height},
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
    FittedText place(FittedText fitted, std::string_view part) {
        if (!fitted.legible)
            m_out.problems.push_back({std::string(part), fitted.px, m_legible});
        for (TextRun& run : fitted.runs)
            m_out.list.items.emplace_back(std::move(run));
        fitted.runs.clear();
        return fitted;
    }

    const Deck& m_deck;
    const Slide& m_slide;
    const Theme& m_theme;
    TextMeasurer& m_measurer;
    Box m_bounds;
    float m_legible;
    ComposedSlide m_out;
};

std::vector<Paragraph> bullet_paragraphs(const std::vector<std::string>& bullets, std::size_t shown) {
    std::vector<Paragraph> paragraphs;
    for (std::size_t i = 0; i < bullets.size(); ++i)
        paragraphs.push_back({parse_inline_markup(bullets[i]), true, i >= shown});
    return paragraphs;
}

void compose_title(Composer& c, bool section) {
    const Theme& t = c.theme();
    const float w = c.width() - 2 * margin_x;
    const float h = c.height();
    if (section)
        c.fill({0, 0, 28, h}, t.accent);
    const TextAlign align = section ? TextAlign::Start : TextAlign::Centre;
    const float px = section ? t.title_px * 0.9f : t.title_px;
    const FittedText title =
        c.text(Composer::with_vertical(Composer::with_align(c.block(paragraphs_of(c.slide().title),
                                                                    {margin_x, h * 0.2f, w, h * 0.4f},
                                                                    FontRole::Heading, true, px, t.heading),
                                                            align),
                                       VerticalAlign::Middle),
               "title");
    const float rule_w = 240;
    c.fill({section ? margin_x : (c.width() - rule_w) / 2, h * 0.62f, rule_w, 8}, t.accent, 4);
    (void)title;
    if (!c.slide().subtitle.empty()) {
        c.text(Composer::with_align(c.block(paragraphs_of(c.slide().subtitle),
                                            {margin_x, h * 0.62f + 40, w, h * 0.24f}, FontRole::Body, false,
                                            t.body_px, t.text),
                                    align),
               "subtitle");
    }
}

void compose_bullets(Composer& c, std::size_t step) {
    const Slide& s = c.slide();
    const Theme& t = c.theme();
    const float top = c.header(s.title, header_h, t.heading_px);
    Box body{margin_x, top, c.width() - 2 * margin_x, c.height() - margin_y - top};
    if (s.image) {
        const float text_w = std::round(body.w * 0.56f);
        c.picture({body.x + text_w + gap, body.y, body.w - text_w - gap, body.h}, *s.image);
        body.w = text_w;
    }
    const std::size_t shown = s.build ? step + 1 : s.bullets.size();
    c.text(c.block(bullet_paragraphs(s.bullets, shown), body, FontRole::Body, false, t.body_px, t.text),
           "bullets");
}

void compose_columns(Composer& c, std::size_t step) {
    const Slide& s = c.slide();
    const Theme& t = c.theme();
    const float top = c.header(s.title, header_h, t.heading_px);
    const float column_w = (c.width() - 2 * margin_x - 2 * gap) / 2;
    const float heading_h = t.body_px * 1.8f;
    const float bullets_h = c.height() - margin_y - top - heading_h - gap / 2;
    const std::array<const Column*, 2> columns{&s.left, &s.right};
    std::array<TextBlock, 2> lists;
    std::array<TextBlock, 2> headings;
    float px = t.body_px;
    float heading_px = t.body_px * 1.05f;
    for (std::size_t i = 0; i < 2; ++i) {
        const float x = margin_x + static_cast<float>(i) * (column_w + 2 * gap);
        const bool hidden = s.build && step < i;
        std::vector<Paragraph> heading = paragraphs_of(columns[i]->heading);
        for (Paragraph& p : heading)
            p.hidden = hidden;
        headings[i] = Composer::with_vertical(c.block(std::move(heading), {x, top, column_w, heading_h},
                                                      FontRole::Heading, true, t.body_px * 1.05f, t.heading),
                                              VerticalAlign::Middle);
        lists[i] = c.block(bullet_paragraphs(columns[i]->bullets, hidden ? 0 : columns[i]->bullets.size()),
                           {x, top + heading_h + gap / 2, column_w, bullets_h}, FontRole::Body, false,
                           t.body_px, t.text);
        px = std::min(px, c.fitted_px(lists[i]));
        heading_px = std::min(heading_px, c.fitted_px(headings[i]));
    }
    // Both columns at one size, so neither looks more important.
    for (std::size_t i = 0; i < 2; ++i) {
        c.text_at(headings[i], heading_px, i == 0 ? "left" : "right");
        c.text_at(lists[i], px, i == 0 ? "left" : "right");
    }
    if (!s.build || step >= 1)
        c.fill({c.width() / 2 - 2, top, 4, c.height() - margin_y - top}, t.panel);
}

void compose_image(Composer& c) {
    const Slide& s = c.slide();
    const Theme& t = c.theme();
    const float top = s.title.empty() ? margin_y : c.header(s.title, header_h, t.heading_px);
    const float caption_h = s.caption.empty() ? 0 : t.small_px * 2.8f;
    if (!s.caption.empty()) {
        c.text(
            Composer::with_vertical(Composer::with_align(c.block(paragraphs_of(s.caption),
                                                                 {margin_x, c.height() - margin_y - caption_h,
                                                                  c.width() - 2 * margin_x, caption_h},
                                                                 FontRole::Body, false, t.small_px, t.muted),
                                                         TextAlign::Centre),
                                    VerticalAlign::Middle),
            "caption");
    }
    c.picture({margin_x, top, c.width() - 2 * margin_x,
               c.height() - margin_y - top - caption_h - (caption_h > 0 ? 16 : 0)},
              *s.image);
}

void compose_quote(Composer& c) {
    const Slide& s = c.slide();
    const Theme& t = c.theme();
    const float w = c.width() - 4 * margin_x;
    c.text(c.block(paragraphs_of("\u201C"), {margin_x, margin_y, 200, t.title_px * 2}, FontRole::Heading,
                   true, t.title_px * 1.6f, t.accent),
           "text");
    TextBlock quote = Composer::with_vertical(
        Composer::with_align(c.block(paragraphs_of(s.quote),
                                     {2 * margin_x, c.height() * 0.18f, w, c.height() * 0.52f},
                                     FontRole::Body, false, t.body_px * 1.25f, t.text),
                             TextAlign::Centre),
        VerticalAlign::Middle);
    quote.base.italic = true;
    c.text(quote, "text");
    if (!s.quote_by.empty()) {
        c.text(Composer::with_align(c.block(paragraphs_of("\u2014 " + s.quote_by),
                                            {2 * margin_x, c.height() * 0.74f, w, t.small_px * 2.6f},
                                            FontRole::Body, false, t.small_px, t.muted),
                                    TextAlign::End),
               "by");
    }
}

// Room for the voting address on two lines if it needs them.
float join_strip_height(const Theme& theme) {
    return std::round(theme.small_px * 2.9f);
}

float bottom_of_content(const Composer& c, const JoinDetails* join) {
    return c.height() - margin_y - (join ? join_strip_height(c.theme()) + 16 : 0);
}

void compose_join_strip(Composer& c, const JoinDetails* join) {
    if (!join)
        return;
    const Theme& t = c.theme();
    const float strip_h = join_strip_height(t);
    const Box strip{0, c.height() - strip_h - 24, c.width(), strip_h};
    c.fill(strip, t.panel);
    // Two lines, so the room code never ends up alone, away from its label.
    c.text(Composer::with_vertical(
               Composer::with_align(c.block(paragraphs_of(concat("Vote at **", join->address,
                                                                 "**\nRoom code **", join->room_code, "**")),
                                            {margin_x, strip.y, c.width() - 2 * margin_x, strip.h},
                                            FontRole::Body, false, t.small_px, t.text),
                                    TextAlign::Centre),
               VerticalAlign::Middle),
           "join");
}

void compose_options(Composer& c, const Question& q, float top, float bottom) {
    const Theme& t = c.theme();
    const float row_gap = 20;
    const std::size_t n = q.options.size();
    const float row_h =
        std::min(132.0f, (bottom - top - row_gap * static_cast<float>(n - 1)) / static_cast<float>(n));
    const float chip = row_h - 24;
    const float label_px =
        std::min(chip * 0.8f, std::max(chip * 0.6f, c.legible())); // a letter the back row can read
    const float w = c.width() - 2 * margin_x;
    std::vector<TextBlock> blocks;
    float px = t.body_px;
    for (std::size_t i = 0; i < n; ++i) {
        const float y = top + static_cast<float>(i) * (row_h + row_gap);
        blocks.push_back(Composer::with_vertical(c.block(paragraphs_of(q.options[i]),
                                                         {margin_x + chip + 48, y, w - chip - 72, row_h},
                                                         FontRole::Body, false, t.body_px, t.text),
                                                 VerticalAlign::Middle));
        px = std::min(px, c.fitted_px(blocks.back()));
    }
    for (std::size_t i = 0; i < n; ++i) {
        const float y = top + static_cast<float>(i) * (row_h + row_gap);
        c.fill({margin_x, y, w, row_h}, t.panel, 16);
        const Colour chip_colour = t.chart[i % t.chart.size()];
        c.fill({margin_x + 12, y + 12, chip, chip}, chip_colour, 12);
        c.text_at(Composer::with_vertical(
                      Composer::with_align(c.block(paragraphs_of(option_labels[i]),
                                                   {margin_x + 12, y + 12, chip, chip}, FontRole::Heading,
                                                   true, label_px, readable_on(chip_colour)),
                                           TextAlign::Centre),
                      VerticalAlign::Middle),
                  label_px, "options");
        c.text_at(blocks[i], px, "options");
    }
}

void compose_scale(Composer& c, const Question& q, float top, float bottom) {
    const Theme& t = c.theme();
    const float w = c.width() - 2 * margin_x;
    const auto steps = static_cast<float>(q.steps);
    const float box_gap = 24;
    const float box = std::min(180.0f, (w - box_gap * (steps - 1)) / steps);
    const float row_w = box * steps + box_gap * (steps - 1);
    const float x0 = margin_x + (w - row_w) / 2;
    const float y = top + (bottom - top - box - t.small_px * 3) / 2;
    for (int i = 0; i < q.steps; ++i) {
        const float x = x0 + static_cast<float>(i) * (box + box_gap);
        c.fill({x, y, box, box}, t.panel, 16);
        c.text_at(Composer::with_vertical(
                      Composer::with_align(c.block(paragraphs_of(std::to_string(i + 1)), {x, y, box, box},
                                                   FontRole::Heading, true, box * 0.45f, t.text),
                                           TextAlign::Centre),
                      VerticalAlign::Middle),
                  box * 0.45f, "scale");
    }
    const float label_w = std::max(row_w / 2 - box_gap, box * 2);
    const float label_y = y + box + 20;
    c.text(c.block(paragraphs_of(q.low), {x0, label_y, label_w, t.small_px * 3}, FontRole::Body, false,
                   t.small_px, t.text),
           "low");
    c.text(Composer::with_align(c.block(paragraphs_of(q.high),
                                        {x0 + row_w - label_w, label_y, label_w, t.small_px * 3},
                                        FontRole::Body, false, t.small_px, t.text),
                                TextAlign::End),
           "high");
}

void compose_question(Composer& c, const JoinDetails* join) {
    const Slide& s = c.slide();
    const Theme& t = c.theme();
    const Question& q = *s.question;
    const float top = c.header(q.text, question_header_h, t.heading_px);
    const float bottom = bottom_of_content(c, join);
    switch (s.layout) {
    case SlideLayout::Poll:
    case SlideLayout::Quiz:
        compose_options(c, q, top, bottom);
        break;
    case SlideLayout::Scale:
        compose_scale(c, q, top, bottom);
        break;
    default:
        c.text(Composer::with_vertical(
                   Composer::with_align(
                       c.block(paragraphs_of(join ? "Type a short answer on your device.\nAnswers "
                                                    "appear here once your teacher approves them."
                                                  : "Answers appear here once your teacher "
                                                    "approves them."),
                               {margin_x, top, c.width() - 2 * margin_x, bottom - top}, FontRole::Body, false,
                               t.body_px, t.muted),
                       TextAlign::Centre),
                   VerticalAlign::Middle),
               "question");
        break;
    }
    compose_join_strip(c, join);
}

void compose_join(Composer& c, const JoinDetails* join) {
    const Slide& s = c.slide();
    const Theme& t = c.theme();
    const float w = c.width() - 2 * margin_x;
    const std::string title = s.title.empty() ? "Join in" : s.title;
    c.text(Composer::with_vertical(
               Composer::with_align(c.block(paragraphs_of(title), {margin_x, margin_y, w, 200},
                                            FontRole::Heading, true, t.title_px, t.heading),
                                    TextAlign::Centre),
               VerticalAlign::Middle),
           "title");
    if (!join) {
        c.text(Composer::with_vertical(
                   Composer::with_align(c.block(paragraphs_of("Voting from devices is off for "
                                                              "this presentation.\nYour teacher "
                                                              "will count a show of hands."),
                                                {margin_x, 340, w, c.height() - 340 - margin_y},
                                                FontRole::Body, false, t.body_px, t.text),
                                        TextAlign::Centre),
                   VerticalAlign::Middle),
               "join");
        return;
    }
    c.text(Composer::with_align(c.block(paragraphs_of("Go to"), {margin_x, 330, w, t.body_px * 1.5f},
                                        FontRole::Body, false, t.body_px, t.muted),
                                TextAlign::Centre),
           "join");
    c.text(Composer::with_align(c.block(paragraphs_of(join->address), {margin_x, 420, w, t.heading_px * 2.6f},
                                        FontRole::Body, true, t.heading_px, t.text),
                                TextAlign::Centre),
           "join");
    c.text(Composer::with_align(c.block(paragraphs_of("Room code"), {margin_x, 640, w, t.body_px * 1.5f},
                                        FontRole::Body, false, t.body_px, t.muted),
                                TextAlign::Centre),
           "join");
    c.text(Composer::with_align(c.block(paragraphs_of(join->room_code), {margin_x, 720, w, t.title_px * 1.8f},
                                        FontRole::Heading, true, t.title_px * 1.5f, t.accent),
                                TextAlign::Centre),
           "join");
}

} // namespace

Box slide_bounds(Aspect aspect) {
    return {0, 0, aspect == Aspect::Standard4x3 ? 1440.0f : 1920.0f, 1080.0f};
}

std::size_t build_steps(const Slide& slide) {
    if (!slide.build)
        return 1;
    if (slide.layout == SlideLayout::Bullets)
        return std::max<std::size_t>(1, slide.bullets.size());
    if (slide.layout == SlideLayout::Columns)
        return 2;
    return 1;
}

ComposedSlide compose_slide(const Deck& deck, const Slide& slide, std::size_t step, TextMeasurer& measurer,
                            const JoinDetails* join) {
    Composer c(deck, slide, measurer);
    step = std::min(step, build_steps(slide) - 1);
    switch (slide.layout) {
    case SlideLayout::Title:
        compose_title(c, false);
        break;
    case SlideLayout::Section:
        compose_title(c, true);
        break;
    case SlideLayout::Bullets:
        compose_bullets(c, step);
        break;
    case SlideLayout::Columns:
        compose_columns(c, step);
        break;
    case SlideLayout::Image:
        compose_image(c);
        break;
    case SlideLayout::Quote:
        compose_quote(c);
        break;
    case SlideLayout::Poll:
    case SlideLayout::Quiz:
    case SlideLayout::Scale:
    case SlideLayout::Words:
        compose_question(c, join);
        break;
    case SlideLayout::Join:
        compose_join(c, join);
        break;
    }
    return c.take();
}

std::vector<Diagnostic> check_text_fits(const Deck& deck, const std::string& display_name,
                                        TextMeasurer& measurer) {
    std::vector<Diagnostic> warnings;
    const JoinDetails example{"http://192.168.100.100:8750/?room=WWWW", "WWWW"};
    for (std::size_t i = 0; i < deck.slides.size(); ++i) {
        const Slide& slide = deck.slides[i];
        // The last build step shows everything; the join strip takes the most room.
        const ComposedSlide composed = compose_slide(deck, slide, build_steps(slide) - 1, measurer, &example);
        float needed = 1e9f;
        std::string part;
        for (const FitProblem& problem : composed.problems) {
            if (problem.needed_px < needed) {
                needed = problem.needed_px;
                part = problem.part;
            }
        }
        if (composed.problems.empty())
            continue;
        const std::string key = part == "bullets" || part == "title" || part == "subtitle" ||
                                        part == "caption" || part == "text" || part == "by" ||
                                        part == "options" || part == "left" || part == "right" ||
                                        part == "low" || part == "high"
                                    ? part
                                    : std::string(slide.question ? "question" : "title");
        warnings.push_back(
            {display_name, slide.position_of(key), Severity::Warning,
             concat("slide ", i + 1, " text needs ", static_cast<int>(needed), " px to fit, below the ",
                    static_cast<int>(legible_px(deck.info.room)), " px legible in a ",
                    name_of(deck.info.room), "; shorten the ", key, " or split the slide")});
    }
    return warnings;
}

} // namespace lectern
