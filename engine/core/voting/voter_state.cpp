#include "voter_state.h"

#include "core/base/concat.h"
#include "core/base/json.h"
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

} // namespace

std::string voter_state_json(std::size_t slide_number, const Slide* slide, const PollState* poll,
                             const std::vector<int>* school) {
    if (!slide || !poll || !slide->question)
        return concat("{\"slide\":", slide_number, ",\"poll\":null}");
    const Question& q = *slide->question;
    std::string out = concat("{\"slide\":", slide_number, ",\"poll\":{\"id\":", json_string(poll->id),
                             ",\"layout\":", json_string(name_of(slide->layout)),
                             ",\"question\":", json_string(plain_text_of(q.text)),
                             ",\"options\":", string_list(choice_labels(q, slide->layout)),
                             ",\"multiple\":", poll->multiple ? "true" : "false",
                             ",\"open\":", poll->open ? "true" : "false",
                             ",\"revealed\":", poll->revealed ? "true" : "false");
    if (slide->layout == SlideLayout::Scale)
        out += concat(",\"steps\":", q.steps, ",\"low\":", json_string(plain_text_of(q.low)),
                      ",\"high\":", json_string(plain_text_of(q.high)));
    if (slide->layout == SlideLayout::Words)
        out += concat(",\"max_chars\":", q.max_chars);
    if (poll->revealed) {
        if (slide->layout == SlideLayout::Words) {
            out += ",\"results\":[";
            const std::vector<WordCount> words = approved_words(*poll);
            for (std::size_t i = 0; i < words.size(); ++i)
                out += concat(i ? "," : "", "{\"text\":", json_string(words[i].text),
                              ",\"count\":", words[i].count, '}');
            out += ']';
        } else {
            out += concat(",\"results\":", number_list(total_counts(*poll)));
            if (school && school->size() == poll->choices)
                out += concat(",\"school\":", number_list(*school));
        }
        if (slide->layout == SlideLayout::Quiz)
            out += concat(",\"answer\":", q.answer, ",\"explain\":", json_string(plain_text_of(q.explain)));
    }
    return out + "}}";
}

} // namespace lectern
