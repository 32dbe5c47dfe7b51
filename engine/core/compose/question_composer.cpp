// Polls, quizzes, scales and words slides: the question, its choices, and the results when revealed:
// bars that grow to their counts with the option text, count and percentage on each; the quiz's correct
// option marked and its explanation; a scale's distribution and mean; approved words as a cloud.
#include "composer.h"
#include "core/base/concat.h"
#include "core/polls/poll.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace lectern::composing {

float join_strip_height(const Theme& theme) {
    return std::round(theme.small_px * 2.9f);
}

float bottom_of_content(const Composer& c, const JoinDetails* join) {
    return c.height() - margin_y - (join ? join_strip_height(c.theme()) + 16 : 0);
}

void compose_qr(Composer& c, const JoinDetails& join, Box logical_square, int quiet) {
    const Box square = c.on_slide(logical_square); // the code goes where the layout says, never flipped
    if (join.qr_size <= 0 || join.qr_modules.size() != static_cast<std::size_t>(join.qr_size * join.qr_size))
        return;
    const float module = std::floor(square.w / static_cast<float>(join.qr_size + 2 * quiet));
    if (module < 1)
        return;
    const float margin = module * static_cast<float>(quiet);
    const float side = module * static_cast<float>(join.qr_size) + 2 * margin;
    const float x0 = square.x + std::floor((square.w - side) / 2) + margin;
    const float y0 = square.y + std::floor((square.h - side) / 2) + margin;
    c.fill_on_slide({x0 - margin, y0 - margin, side, side}, Colour{255, 255, 255, 255});
    const auto size = static_cast<std::size_t>(join.qr_size);
    for (std::size_t row = 0; row < size; ++row) {
        // One box per run of dark modules on a row: a few hundred boxes for a whole code.
        for (std::size_t col = 0; col < size;) {
            if (!join.qr_modules[row * size + col]) {
                ++col;
                continue;
            }
            std::size_t end = col;
            while (end < size && join.qr_modules[row * size + end])
                ++end;
            c.fill_on_slide({x0 + module * static_cast<float>(col), y0 + module * static_cast<float>(row),
                             module * static_cast<float>(end - col), module},
                            Colour{0, 0, 0, 255});
            col = end;
        }
    }
}

void compose_join_strip(Composer& c, const JoinDetails* join) {
    if (!join)
        return;
    const Theme& t = c.theme();
    const float strip_h = join_strip_height(t);
    const Box strip{0, c.height() - strip_h - 24, c.width(), strip_h};
    c.fill(strip, t.panel);
    // The QR code at the strip's end, from its top to the slide's edge, with a narrower white margin
    // than the join slide's so its modules stay large enough for a phone in the front rows.
    const float qr_side = join->qr_size > 0 ? c.height() - strip.y : 0;
    if (qr_side > 0)
        compose_qr(c, *join, {c.width() - margin_x - qr_side, strip.y, qr_side, qr_side}, 2);
    // Two lines, so the room code never ends up alone, away from its label.
    c.text(Composer::with_vertical(
               Composer::with_align(c.block(paragraphs_of(concat("Vote at **", join->address,
                                                                 "**\nRoom code **", join->room_code, "**")),
                                            {margin_x, strip.y, c.width() - 2 * margin_x - qr_side, strip.h},
                                            FontRole::Body, false, t.small_px, t.text),
                                    TextAlign::Centre),
               VerticalAlign::Middle),
           "join");
}

namespace {

std::string count_label(float count, int responses) {
    const int shown = static_cast<int>(std::lround(count));
    if (responses <= 0)
        return std::to_string(shown);
    const int percent = static_cast<int>(std::lround(100.0f * count / static_cast<float>(responses)));
    return concat(shown, " \u00B7 ", percent, "%");
}

// "12 answers so far" in the corner while a poll is open, so the teacher and the room see it filling.
void compose_response_count(Composer& c, const PollView* poll, float bottom) {
    if (!poll || poll->revealed)
        return;
    const Theme& t = c.theme();
    const std::string text =
        poll->responses == 1 ? "1 answer so far" : concat(poll->responses, " answers so far");
    c.text(Composer::with_align(c.block(paragraphs_of(poll->open ? text : text + " (voting closed)"),
                                        {margin_x, bottom + 4, c.width() - 2 * margin_x, t.small_px * 1.4f},
                                        FontRole::Body, false, t.small_px, t.muted),
                                TextAlign::End),
           "question");
}

void compose_options(Composer& c, const Question& q, float top, float bottom, const PollView* poll,
                     bool quiz) {
    const Theme& t = c.theme();
    const bool results = poll && poll->revealed;
    const float row_gap = 20;
    const std::size_t n = q.options.size();
    const float row_h =
        std::min(132.0f, (bottom - top - row_gap * static_cast<float>(n - 1)) / static_cast<float>(n));
    const float chip = row_h - 24;
    const float label_px =
        std::min(chip * 0.8f, std::max(chip * 0.6f, c.legible())); // a letter the back row can read
    const float w = c.width() - 2 * margin_x;
    const float count_w = results ? 300 : 0; // "120 · 100%" at the right of each bar
    std::vector<TextBlock> blocks;
    float px = t.body_px;
    for (std::size_t i = 0; i < n; ++i) {
        const float y = top + static_cast<float>(i) * (row_h + row_gap);
        const bool correct = results && quiz && static_cast<int>(i) + 1 == q.answer;
        blocks.push_back(
            Composer::with_vertical(c.block(c.words([&](const Slide& x) {
                const std::string& option = x.question->options[i];
                return correct ? "\u2714 " + option : option;
            }),
                                            {margin_x + chip + 48, y, w - chip - 72 - count_w, row_h},
                                            FontRole::Body, correct, t.body_px, t.text),
                                    VerticalAlign::Middle));
        px = std::min(px, c.fitted_px(blocks.back()));
    }
    float largest = 1;
    if (results) {
        for (float count : poll->counts)
            largest = std::max(largest, count);
    }
    for (std::size_t i = 0; i < n; ++i) {
        const float y = top + static_cast<float>(i) * (row_h + row_gap);
        const Colour chip_colour = t.chart[i % t.chart.size()];
        const bool correct = results && quiz && static_cast<int>(i) + 1 == q.answer;
        if (correct)
            c.fill({margin_x - 6, y - 6, w + 12, row_h + 12}, t.accent, 20); // the right answer stands out
        c.fill({margin_x, y, w, row_h}, t.panel, 16);
        if (results && i < poll->counts.size()) {
            // The bar grows from the chip across the row, in the option's colour, faded so text stays
            // readable.
            const float share = poll->counts[i] / largest;
            const float bar_w = (w - chip - 36 - count_w) * share;
            if (bar_w > 1)
                c.fill({margin_x + chip + 24, y + 10, bar_w, row_h - 20},
                       {chip_colour.r, chip_colour.g, chip_colour.b, 110}, 10);
            c.text(
                Composer::with_vertical(
                    Composer::with_align(c.block(paragraphs_of(count_label(poll->counts[i], poll->responses)),
                                                 {margin_x + w - count_w - 16, y, count_w, row_h},
                                                 FontRole::Body, true, t.body_px, t.text),
                                         TextAlign::End),
                    VerticalAlign::Middle),
                "options");
        }
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

void compose_explanation(Composer& c, float top, float bottom) {
    const Theme& t = c.theme();
    c.text(Composer::with_vertical(c.block(c.words([](const Slide& x) { return x.question->explain; }),
                                           {margin_x, top, c.width() - 2 * margin_x, bottom - top},
                                           FontRole::Body, false, t.body_px * 0.85f, t.text),
                                   VerticalAlign::Middle),
           "explain");
}

void compose_scale(Composer& c, const Question& q, float top, float bottom, const PollView* poll) {
    const Theme& t = c.theme();
    const bool results = poll && poll->revealed;
    const float w = c.width() - 2 * margin_x;
    const auto steps = static_cast<float>(q.steps);
    const float box_gap = 24;
    const float box = std::min(results ? 120.0f : 180.0f, (w - box_gap * (steps - 1)) / steps);
    const float row_w = box * steps + box_gap * (steps - 1);
    const float x0 = margin_x + (w - row_w) / 2;
    const float labels_h = t.small_px * 3;
    // With results, the distribution stands above the numbered boxes.
    const float y = results ? bottom - labels_h - box : top + (bottom - top - box - labels_h) / 2;
    float largest = 1;
    int total = 0;
    if (results) {
        for (float count : poll->counts) {
            largest = std::max(largest, count);
            total += static_cast<int>(std::lround(count));
        }
    }
    for (int i = 0; i < q.steps; ++i) {
        const float x = x0 + static_cast<float>(i) * (box + box_gap);
        c.fill({x, y, box, box}, t.panel, 16);
        c.text_at(Composer::with_vertical(
                      Composer::with_align(c.block(paragraphs_of(std::to_string(i + 1)), {x, y, box, box},
                                                   FontRole::Heading, true, box * 0.45f, t.text),
                                           TextAlign::Centre),
                      VerticalAlign::Middle),
                  box * 0.45f, "scale");
        if (results && static_cast<std::size_t>(i) < poll->counts.size()) {
            const float room = y - top - t.small_px * 1.6f - t.body_px * 1.5f;
            const float bar_h = std::max(0.0f, room * poll->counts[static_cast<std::size_t>(i)] / largest);
            c.fill({x + box * 0.15f, y - 12 - bar_h, box * 0.7f, bar_h}, t.chart[0], 8);
            c.text(Composer::with_align(c.block(paragraphs_of(std::to_string(static_cast<int>(
                                                    std::lround(poll->counts[static_cast<std::size_t>(i)])))),
                                                {x - box_gap / 2, y - 12 - bar_h - t.small_px * 1.4f,
                                                 box + box_gap, t.small_px * 1.4f},
                                                FontRole::Body, true, t.small_px, t.text),
                                        TextAlign::Centre),
                   "scale");
        }
    }
    const float label_w = std::max(row_w / 2 - box_gap, box * 2);
    const float label_y = y + box + 20;
    c.text(c.block(c.words([](const Slide& x) { return x.question->low; }), {x0, label_y, label_w, labels_h},
                   FontRole::Body, false, t.small_px, t.text),
           "low");
    c.text(Composer::with_align(c.block(c.words([](const Slide& x) { return x.question->high; }),
                                        {x0 + row_w - label_w, label_y, label_w, labels_h}, FontRole::Body,
                                        false, t.small_px, t.text),
                                TextAlign::End),
           "high");
    if (results) {
        std::vector<int> counts;
        for (float count : poll->counts)
            counts.push_back(static_cast<int>(std::lround(count)));
        char mean[64];
        std::snprintf(mean, sizeof mean, "%.1f", scale_mean(counts));
        c.text(Composer::with_align(
                   c.block(paragraphs_of(total == 0
                                             ? std::string("No answers yet")
                                             : concat("Average **", mean, "** out of ", q.steps, ", from ",
                                                      total, total == 1 ? " answer" : " answers")),
                           {margin_x, top, w, t.body_px * 1.5f}, FontRole::Body, false, t.body_px, t.text),
                   TextAlign::Centre),
               "scale");
    }
}

// Approved answers as a cloud: the more often an answer was given, the larger it is drawn.
void compose_word_cloud(Composer& c, const PollView& poll, float top, float bottom) {
    const Theme& t = c.theme();
    if (poll.words.empty()) {
        c.text(Composer::with_vertical(
                   Composer::with_align(c.block(paragraphs_of("No answers approved yet."),
                                                {margin_x, top, c.width() - 2 * margin_x, bottom - top},
                                                FontRole::Body, false, t.body_px, t.muted),
                                        TextAlign::Centre),
                   VerticalAlign::Middle),
               "question");
        return;
    }
    int most = 1;
    for (const auto& [text, count] : poll.words)
        most = std::max(most, count);
    // Words flow in centred lines; sizes go from body size to twice it by frequency, all shrunk together
    // until the cloud fits its box.
    const Box area{margin_x, top, c.width() - 2 * margin_x, bottom - top};
    for (float scale = 1.0f; scale > 0.3f; scale *= 0.9f) {
        struct Placed {
            std::string text;
            float px;
            float w;
            Colour colour;
        };
        std::vector<std::vector<Placed>> lines(1);
        std::vector<float> widths(1, 0), heights(1, 0);
        for (std::size_t i = 0; i < poll.words.size(); ++i) {
            const auto& [text, count] = poll.words[i];
            const float px =
                std::max(c.legible(), scale * t.body_px *
                                          (1.0f + static_cast<float>(count - 1) /
                                                      static_cast<float>(std::max(1, most - 1))));
            const float w = c.measure(text, {FontRole::Heading, true, false, px});
            const float space = px * 0.6f;
            if (!lines.back().empty() && widths.back() + space + w > area.w) {
                lines.emplace_back();
                widths.push_back(0);
                heights.push_back(0);
            }
            widths.back() += (lines.back().empty() ? 0 : space) + w;
            heights.back() = std::max(heights.back(), px * 1.3f);
            lines.back().push_back({text, px, w, t.chart[i % t.chart.size()]});
        }
        float total_h = 0;
        for (float h : heights)
            total_h += h;
        if (total_h > area.h && scale > 0.35f)
            continue;
        float y = area.y + std::max(0.0f, (area.h - total_h) / 2);
        for (std::size_t l = 0; l < lines.size(); ++l) {
            float x = area.x + (area.w - widths[l]) / 2;
            for (const Placed& word : lines[l]) {
                c.text_at(c.block(paragraphs_of(word.text),
                                  {x, y + (heights[l] - word.px * 1.3f) / 2, word.w + 4, word.px * 1.4f},
                                  FontRole::Heading, true, word.px, word.colour),
                          word.px, "words");
                x += word.w + word.px * 0.6f;
            }
            y += heights[l];
        }
        return;
    }
}

} // namespace

void compose_question(Composer& c, const JoinDetails* join, const PollView* poll) {
    const Slide& s = c.slide();
    const Theme& t = c.theme();
    const Question& q = *s.question;
    const bool results = poll && poll->revealed;
    const float top =
        c.header(c.words([](const Slide& x) { return x.question->text; }), question_header_h, t.heading_px);
    float bottom = bottom_of_content(c, join) - (poll && !results ? t.small_px * 1.6f : 0);
    switch (s.layout) {
    case SlideLayout::Poll:
    case SlideLayout::Quiz: {
        const bool explain = results && s.layout == SlideLayout::Quiz && !q.explain.empty();
        const float explain_h = explain ? std::round(t.body_px * 2.6f) : 0;
        compose_options(c, q, top, bottom - explain_h, poll, s.layout == SlideLayout::Quiz);
        if (explain)
            compose_explanation(c, bottom - explain_h + 16, bottom);
        break;
    }
    case SlideLayout::Scale:
        compose_scale(c, q, top, bottom, poll);
        break;
    default:
        if (results) {
            compose_word_cloud(c, *poll, top, bottom);
            break;
        }
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
    compose_response_count(c, poll, bottom);
    compose_join_strip(c, join);
}

} // namespace lectern::composing
