// AnswerText: a written answer (words slides) made safe to store and show, and the form it is judged in.
// Pupils' devices can send anything: zero-width joiners inside a rude word, full-width letters, Cyrillic
// look-alikes, accents, digits of other scripts. What the teacher sees stays the pupil's text, minus the
// invisible characters; the checks (answer_screen.h) judge a normalised skeleton of it. Unicode data comes
// from ICU (NFKC with case folding, Unicode digit values, the confusables skeleton of UTS #39), never from
// tables written here. Pure: standard library and ICU only.
#pragma once

#include <string>
#include <string_view>

namespace lectern {

struct CleanedAnswer {
    std::string text;    // the answer to store and show, when it is not refused
    std::string refusal; // "" unless refused, e.g. "the answer is blank: write an answer first"

    bool ok() const { return refusal.empty(); }
};

// Removes control and format characters (BiDi controls, zero-width spaces and joiners, soft hyphens,
// fillers), turns every kind of space or line break into a plain space, and trims the ends. An answer with
// nothing visible left is refused. Invalid UTF-8 reads as U+FFFD. The voting server calls this first,
// then judges, stores and shows only `text`.
CleanedAnswer clean_written_answer(std::string_view answer);

// The form answers and word-filter entries are compared in: the cleaned text in NFKC with case folding,
// digits of every script as 0-9, accents removed, and letters of other scripts replaced by the Latin
// letters they look like (ICU uspoof skeleton). "ｆｕ\u200dсk" and "fück" both become "fuck".
std::string judged_form(std::string_view answer);

} // namespace lectern
