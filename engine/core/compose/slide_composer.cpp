#include "slide_composer.h"

#include "composer.h"
#include "core/base/concat.h"
#include "core/deck/deck_language.h"
#include "core/text/text_layout.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

namespace lectern {
namespace {

using namespace composing;

void compose_title(Composer& c, bool section) {
    const Theme& t = c.theme();
    const float w = c.width() - 2 * margin_x;
    const float h = c.height();
    if (section)
        c.fill({0, 0, 28, h}, t.accent);
    const TextAlign align = section ? TextAlign::Start : TextAlign::Centre;
    const float px = section ? t.title_px * 0.9f : t.title_px;
    const FittedText title = c.text(
        Composer::with_vertical(Composer::with_align(c.block(c.words([](const Slide& s) { return s.title; }),
                                                             {margin_x, h * 0.2f, w, h * 0.4f},
                                                             FontRole::Heading, true, px, t.heading),
                                                     align),
                                VerticalAlign::Middle),
        "title");
    const float rule_w = 240;
    c.fill({section ? margin_x : (c.width() - rule_w) / 2, h * 0.62f, rule_w, 8}, t.accent, 4);
    (void)title;
    if (!c.slide().subtitle.empty()) {
        c.text(Composer::with_align(c.block(c.words([](const Slide& s) { return s.subtitle; }),
                                            {margin_x, h * 0.62f + 40, w, h * 0.24f}, FontRole::Body, false,
                                            t.body_px, t.text),
                                    align),
               "subtitle");
    }
}

void compose_bullets(Composer& c, std::size_t step) {
    const Slide& s = c.slide();
    const Theme& t = c.theme();
    const float top = c.header(c.words([](const Slide& x) { return x.title; }), header_h, t.heading_px);
    Box body{margin_x, top, c.width() - 2 * margin_x, c.height() - margin_y - top};
    if (s.image) {
        const float text_w = std::round(body.w * 0.56f);
        c.picture({body.x + text_w + gap, body.y, body.w - text_w - gap, body.h}, *s.image);
        body.w = text_w;
    }
    const std::size_t shown = s.build ? step + 1 : s.bullets.size();
    c.text(c.block(c.bullets([](const Slide& x) { return x.bullets; }, shown), body, FontRole::Body, false,
                   t.body_px, t.text),
           "bullets");
}

void compose_columns(Composer& c, std::size_t step) {
    const Slide& s = c.slide();
    const Theme& t = c.theme();
    const float top = c.header(c.words([](const Slide& x) { return x.title; }), header_h, t.heading_px);
    const float column_w = (c.width() - 2 * margin_x - 2 * gap) / 2;
    const float heading_h = t.body_px * 1.8f;
    const float bullets_h = c.height() - margin_y - top - heading_h - gap / 2;
    constexpr std::array<Column Slide::*, 2> columns{&Slide::left, &Slide::right};
    std::array<TextBlock, 2> lists;
    std::array<TextBlock, 2> headings;
    float px = t.body_px;
    float heading_px = t.body_px * 1.05f;
    for (std::size_t i = 0; i < 2; ++i) {
        const float x = margin_x + static_cast<float>(i) * (column_w + 2 * gap);
        const bool hidden = s.build && step < i;
        const auto column = [&](const Slide& of) -> const Column& {
            return of.*columns[i];
        };
        std::vector<Paragraph> heading = c.words([&](const Slide& of) { return column(of).heading; });
        for (Paragraph& p : heading)
            p.hidden = hidden;
        headings[i] = Composer::with_vertical(c.block(std::move(heading), {x, top, column_w, heading_h},
                                                      FontRole::Heading, true, t.body_px * 1.05f, t.heading),
                                              VerticalAlign::Middle);
        lists[i] = c.block(c.bullets([&](const Slide& of) { return column(of).bullets; },
                                     hidden ? 0 : column(s).bullets.size()),
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
    const float top = s.title.empty()
                          ? margin_y
                          : c.header(c.words([](const Slide& x) { return x.title; }), header_h, t.heading_px);
    const float caption_h = s.caption.empty() ? 0 : t.small_px * 2.8f;
    if (!s.caption.empty()) {
        c.text(Composer::with_vertical(
                   Composer::with_align(c.block(c.words([](const Slide& x) { return x.caption; }),
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
        Composer::with_align(c.block(c.words([](const Slide& x) { return x.quote; }),
                                     {2 * margin_x, c.height() * 0.18f, w, c.height() * 0.52f},
                                     FontRole::Body, false, t.body_px * 1.25f, t.text),
                             TextAlign::Centre),
        VerticalAlign::Middle);
    quote.base.italic = true;
    c.text(quote, "text");
    if (!s.quote_by.empty()) {
        c.text(Composer::with_align(c.block(c.words([](const Slide& x) { return "\u2014 " + x.quote_by; }),
                                            {2 * margin_x, c.height() * 0.74f, w, t.small_px * 2.6f},
                                            FontRole::Body, false, t.small_px, t.muted),
                                    TextAlign::End),
               "by");
    }
}

// Room for the voting address on two lines if it needs them.
void compose_join(Composer& c, const JoinDetails* join) {
    const Theme& t = c.theme();
    const float w = c.width() - 2 * margin_x;
    const auto title = [](const Slide& x) {
        return x.title.empty() ? std::string("Join in") : x.title;
    };
    c.text(
        Composer::with_vertical(Composer::with_align(c.block(c.words(title), {margin_x, margin_y, w, 200},
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
    // The address across the whole slide, so it stays legible at 4:3; below it the room code, with the
    // QR code beside it in the lower right, as large as the space allows.
    const float qr_top = 600;
    const float qr_side = join->qr_size > 0 ? std::min(c.height() - qr_top - 36, w * 0.4f) : 0;
    const float code_w = qr_side > 0 ? w - qr_side - 60 : w;
    if (qr_side > 0)
        compose_qr(c, *join, {margin_x + w - qr_side, qr_top, qr_side, qr_side});
    c.text(Composer::with_align(c.block(paragraphs_of("Go to"), {margin_x, 330, w, t.body_px * 1.5f},
                                        FontRole::Body, false, t.body_px, t.muted),
                                TextAlign::Centre),
           "join");
    c.text(Composer::with_align(c.block(paragraphs_of(join->address), {margin_x, 420, w, t.heading_px * 2.2f},
                                        FontRole::Body, true, t.heading_px, t.text),
                                TextAlign::Centre),
           "join");
    c.text(Composer::with_align(c.block(paragraphs_of("Room code"), {margin_x, 640, code_w, t.body_px * 1.5f},
                                        FontRole::Body, false, t.body_px, t.muted),
                                TextAlign::Centre),
           "join");
    c.text(Composer::with_align(c.block(paragraphs_of(join->room_code),
                                        {margin_x, 720, code_w, t.title_px * 1.8f}, FontRole::Heading, true,
                                        t.title_px * 1.5f, t.accent),
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

DeckShape shape_of(const Deck& deck) {
    DeckShape shape;
    for (const Slide& slide : deck.slides)
        shape.steps.push_back(build_steps(slide));
    return shape;
}

SecondLanguage second_language(const Slide& original, std::string_view language) {
    return {slide_in_language(original, language), direction_of_language(language)};
}

ComposedSlide compose_slide(const Deck& deck, const Slide& slide, std::size_t step, TextMeasurer& measurer,
                            const JoinDetails* join, const PollView* poll, const SecondLanguage* second) {
    Composer c(deck, slide, measurer, second);
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
        compose_question(c, join, poll);
        break;
    case SlideLayout::Join:
        compose_join(c, join);
        break;
    }
    return c.take();
}

namespace {

// The part that needs the smallest size, as the key to shorten; none when everything is legible.
std::optional<std::pair<std::string, float>> worst_fit(const Slide& slide, const ComposedSlide& composed) {
    if (composed.problems.empty())
        return std::nullopt;
    float needed = 1e9f;
    std::string part;
    for (const FitProblem& problem : composed.problems) {
        if (problem.needed_px < needed) {
            needed = problem.needed_px;
            part = problem.part;
        }
    }
    constexpr std::array<std::string_view, 11> keys{"bullets", "title", "subtitle", "caption", "text", "by",
                                                    "options", "left",  "right",    "low",     "high"};
    if (std::ranges::find(keys, part) == keys.end())
        part = slide.question ? "question" : "title";
    return std::pair{part, needed};
}

} // namespace

std::vector<Diagnostic> check_text_fits(const Deck& deck, const std::string& display_name,
                                        TextMeasurer& measurer) {
    std::vector<Diagnostic> warnings;
    // As wide as a real address gets, with a QR code the size the real one has (33 modules).
    const JoinDetails example{"http://192.168.100.100:8750/?room=WWWW", "WWWW", 33,
                              std::vector<std::uint8_t>(33 * 33, 0)};
    const std::vector<std::string>& languages = deck.info.languages;
    // Each language alone, then (dual mode) each language with each other one beneath: any pair a teacher
    // can choose with --lang and --dual or on the panel.
    struct Showing {
        std::string language;
        std::string second; // "" when one language is shown
    };
    std::vector<Showing> showings;
    for (const std::string& language : languages)
        showings.push_back({language, ""});
    for (const std::string& room : languages) {
        for (const std::string& second : languages) {
            if (second != room)
                showings.push_back({room, second});
        }
    }
    if (showings.empty())
        showings.push_back({deck.info.language, ""});
    for (const Showing& showing : showings) {
        const Deck shown = deck_in_language(deck, showing.language);
        for (std::size_t i = 0; i < shown.slides.size(); ++i) {
            const Slide& slide = shown.slides[i];
            const std::optional<SecondLanguage> second =
                showing.second.empty() ? std::nullopt
                                       : std::optional(second_language(deck.slides[i], showing.second));
            // The last build step shows everything; the join strip takes the most room.
            const std::optional<std::pair<std::string, float>> worst =
                worst_fit(slide, compose_slide(shown, slide, build_steps(slide) - 1, measurer, &example,
                                               nullptr, second ? &*second : nullptr));
            if (!worst)
                continue;
            const std::string in_language =
                !showing.second.empty()
                    ? (showing.language == languages.front()
                           ? concat(" with ", in_quotes(showing.second), " beneath (--dual ", showing.second,
                                    ")")
                           : concat(" in ", in_quotes(showing.language), " with ", in_quotes(showing.second),
                                    " beneath (--lang ", showing.language, " --dual ", showing.second, ")"))
                    : (languages.size() > 1 ? concat(" in ", in_quotes(showing.language)) : std::string());
            warnings.push_back(
                {display_name, slide.position_of(worst->first), Severity::Warning,
                 concat("slide ", i + 1, " text", in_language, " needs ", static_cast<int>(worst->second),
                        " px to fit, below the ", static_cast<int>(legible_px(deck.info.room)),
                        " px legible in a ", name_of(deck.info.room), "; shorten the ", worst->first,
                        " or split the slide")});
        }
    }
    return warnings;
}

} // namespace lectern
