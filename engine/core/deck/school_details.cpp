#include "school_details.h"

#include "core/base/concat.h"
#include "deck_language.h"

#include <string>
#include <vector>

namespace lectern {

namespace {

// Replaces every marker in `text`; returns whether there was one.
bool fill(std::string& text, std::string_view value) {
    bool found = false;
    for (std::size_t at = text.find(safeguarding_lead_marker); at != std::string::npos;
         at = text.find(safeguarding_lead_marker, at + value.size())) {
        text.replace(at, safeguarding_lead_marker.size(), value);
        found = true;
    }
    return found;
}

struct TextField {
    std::string_view key; // as written in the deck, for the warning's position
    std::string* text;
};

std::vector<TextField> text_fields_of(Slide& slide) {
    std::vector<TextField> fields{{"title", &slide.title},     {"subtitle", &slide.subtitle},
                                  {"caption", &slide.caption}, {"text", &slide.quote},
                                  {"by", &slide.quote_by},     {"notes", &slide.notes}};
    for (std::string& bullet : slide.bullets)
        fields.push_back({"bullets", &bullet});
    for (Column* column : {&slide.left, &slide.right}) {
        const std::string_view key = column == &slide.left ? "left" : "right";
        fields.push_back({key, &column->heading});
        for (std::string& bullet : column->bullets)
            fields.push_back({key, &bullet});
    }
    if (slide.image)
        fields.push_back({"alt", &slide.image->alt});
    if (slide.question) {
        Question& q = *slide.question;
        fields.insert(fields.end(),
                      {{"question", &q.text}, {"explain", &q.explain}, {"low", &q.low}, {"high", &q.high}});
        for (std::string& option : q.options)
            fields.push_back({"options", &option});
    }
    // Every translation's words too: a help slide in Polish names the same lead.
    for (SlideTranslation& t : slide.translations) {
        for (const auto& [key, member] : translation_texts) {
            if (t.*member)
                fields.push_back({key, &*(t.*member)});
        }
        for (auto [key, list] : {std::pair{"bullets", &t.bullets}, std::pair{"options", &t.options}}) {
            if (*list) {
                for (std::string& item : **list)
                    fields.push_back({key, &item});
            }
        }
        for (auto [key, column] : {std::pair{"left", &t.left}, std::pair{"right", &t.right}}) {
            if (*column) {
                fields.push_back({key, &(*column)->heading});
                for (std::string& bullet : (*column)->bullets)
                    fields.push_back({key, &bullet});
            }
        }
    }
    return fields;
}

} // namespace

bool is_unfilled_placeholder(std::string_view value) {
    const std::size_t open = value.find('[');
    return open != std::string_view::npos && value.find(']', open + 1) != std::string_view::npos;
}

void fill_school_details(Deck& deck, DiagnosticSink& sink) {
    const std::string& lead = deck.info.safeguarding_lead;
    for (std::size_t i = 0; i < deck.slides.size(); ++i) {
        Slide& slide = deck.slides[i];
        for (const TextField& field : text_fields_of(slide)) {
            if (field.text->find(safeguarding_lead_marker) == std::string::npos)
                continue;
            if (lead.empty()) {
                sink.warning(slide.position_of(field.key),
                             concat("slide ", i + 1, " shows ", safeguarding_lead_marker, " in its ",
                                    field.key,
                                    ", but the [deck] table has no safeguarding_lead; add "
                                    "safeguarding_lead = \"...\" with the name of your school's "
                                    "designated safeguarding lead and how to reach them"));
                break;
            }
            fill(*field.text, lead);
        }
    }
}

} // namespace lectern
