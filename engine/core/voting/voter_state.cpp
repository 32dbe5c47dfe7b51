#include "voter_state.h"

#include "core/base/concat.h"
#include "core/base/json.h"
#include "core/deck/deck_language.h"
#include "core/deck/slide_layout.h"
#include "core/polls/choice_labels.h"
#include "core/text/inline_markup.h"

namespace lectern {

namespace {

std::string string_list(const std::vector<std::string>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i)
        out += concat(i ? "," : "", json_string(plain_text_of(items[i])));
    return out + "]";
}

std::string number_list(const std::vector<int>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i)
        out += concat(i ? "," : "", items[i]);
    return out + "]";
}

bool asks_for_answers(const Slide* slide, const PollState* poll) {
    return slide && poll && slide->question;
}

// The poll's fields up to its closing brace (the caller closes it).
std::string poll_fields(const Slide& slide, const PollState& poll, const std::vector<int>* school) {
    const Question& q = *slide.question;
    std::string out =
        concat("{\"id\":", json_string(poll.id), ",\"layout\":", json_string(name_of(slide.layout)),
               ",\"question\":", json_string(plain_text_of(q.text)),
               ",\"options\":", string_list(choice_labels(q, slide.layout)),
               ",\"multiple\":", poll.multiple ? "true" : "false", ",\"open\":", poll.open ? "true" : "false",
               ",\"revealed\":", poll.revealed ? "true" : "false");
    if (slide.layout == SlideLayout::Scale)
        out += concat(",\"steps\":", q.steps, ",\"low\":", json_string(plain_text_of(q.low)),
                      ",\"high\":", json_string(plain_text_of(q.high)));
    if (slide.layout == SlideLayout::Words)
        out += concat(",\"max_chars\":", q.max_chars);
    if (poll.revealed) {
        if (slide.layout == SlideLayout::Words) {
            out += ",\"results\":[";
            const std::vector<WordCount> words = approved_words(poll);
            for (std::size_t i = 0; i < words.size(); ++i)
                out += concat(i ? "," : "", "{\"text\":", json_string(words[i].text),
                              ",\"count\":", words[i].count, '}');
            out += ']';
        } else {
            out += concat(",\"results\":", number_list(total_counts(poll)));
            if (school && school->size() == poll.choices)
                out += concat(",\"school\":", number_list(*school));
        }
        if (slide.layout == SlideLayout::Quiz)
            out += concat(",\"answer\":", q.answer, ",\"explain\":", json_string(plain_text_of(q.explain)));
    }
    return out;
}

// Each choice's mark and chip colour as the big screen draws them (core/compose/question_composer.cpp;
// a deck's questions have at most six options, A to F).
std::string marks_fields(const Slide& slide, const Theme& theme) {
    std::vector<std::string> letters;
    std::vector<std::string> colours;
    const Question& q = *slide.question;
    if (slide.layout == SlideLayout::Scale) {
        for (int step = 1; step <= q.steps; ++step) {
            letters.push_back(concat(step));
            colours.push_back(hex_of(theme.chart[0]));
        }
    } else if (slide.layout != SlideLayout::Words) {
        for (std::size_t i = 0; i < q.options.size(); ++i) {
            letters.emplace_back(1, static_cast<char>('A' + i)); // a test holds these to the composer's
            colours.push_back(hex_of(theme.chart[i % theme.chart.size()]));
        }
    }
    return concat(",\"letters\":", string_list(letters), ",\"colours\":", string_list(colours));
}

std::string languages_list(const DeckInfo& info) {
    std::string out = "[";
    for (std::size_t i = 0; i < info.languages.size(); ++i)
        out += concat(i ? "," : "", "{\"tag\":", json_string(info.languages[i]),
                      ",\"name\":", json_string(language_own_name(info.languages[i])), '}');
    return out + "]";
}

} // namespace

std::string voter_state_json(std::size_t slide_number, const Slide* slide, const PollState* poll,
                             const std::vector<int>* school) {
    if (!asks_for_answers(slide, poll))
        return concat("{\"slide\":", slide_number, ",\"poll\":null}");
    return concat("{\"slide\":", slide_number, ",\"poll\":", poll_fields(*slide, *poll, school), "}}");
}

std::string voter_state_json(const Deck& deck, std::string_view language, std::size_t slide_number,
                             const Slide* slide, const PollState* poll, const std::vector<int>* school) {
    // After "poll", so that a version 2 reader's view of the start of the state is unchanged.
    const std::string tail =
        concat(",\"language\":", json_string(language), ",\"languages\":", languages_list(deck.info), '}');
    const std::string head = concat("{\"slide\":", slide_number, ",\"poll\":");
    if (!asks_for_answers(slide, poll))
        return concat(head, "null", tail);
    const Slide translated = slide_in_language(*slide, language);
    return concat(head, poll_fields(translated, *poll, school), ",\"language\":", json_string(language),
                  marks_fields(translated, deck.theme), '}', tail);
}

} // namespace lectern
