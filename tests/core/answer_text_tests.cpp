// Written answers are normalised before anything judges or shows them (issue 14). Every answer listed
// here passed the filter, or looked blank, before; the ordinary answers must keep passing.
#include "core/polls/answer_screen.h"
#include "core/polls/answer_text.h"
#include "core/polls/poll.h"
#include "test_files.h"

#include <doctest/doctest.h>

using namespace lectern;

namespace {

const WordFilter& school_filter() {
    // A few lines of assets/word-filter.txt, enough for every case below.
    static const WordFilter filter =
        parse_word_filter("ass\nfuck\nshit\nnob\nkill yourself\nnobody likes you\n");
    return filter;
}

struct Example {
    const char* answer;
    const char* held_because; // "" when the answer goes to the teacher unmarked
};

} // namespace

TEST_CASE("invisible characters are removed from what the teacher sees, the pupil's text stays") {
    CHECK(clean_written_answer("be kind").text == "be kind");
    CHECK(clean_written_answer("  Be\u00a0Kind \n").text == "Be Kind");
    CHECK(clean_written_answer("fu\u200dck").text == "fuck");
    CHECK(clean_written_answer("\u202eabc\u202c").text == "abc"); // BiDi override and pop
    CHECK(clean_written_answer("ring \a the \x1b[31m bell").text == "ring  the [31m bell");
    CHECK(clean_written_answer("ｆｕｌｌ width").text == "ｆｕｌｌ width"); // shown as written
    CHECK(clean_written_answer("❤\ufe0f").text == "❤\ufe0f");               // emoji style stays
    CHECK(clean_written_answer("Zoë").text == "Zoë");
}

TEST_CASE("answers that are blank once invisible characters are gone are refused") {
    for (const char* blank : {"", "   ", "\u200b\u200b", "\u00a0\u00a0", "\u200d\u200c\ufeff", "\u2060\u3164",
                              "\u202e\u202c", "\t\r\n"}) {
        CAPTURE(std::string(blank));
        const CleanedAnswer cleaned = clean_written_answer(blank);
        CHECK_FALSE(cleaned.ok());
        CHECK(cleaned.refusal == "the answer is blank: write an answer first");
    }
    PollState poll;
    poll.layout = SlideLayout::Words;
    poll.open = true;
    CHECK(submit_answer(poll, "\u200b\u00a0", 80, "").message ==
          "the answer is blank: write an answer first");
    CHECK(poll.answers.empty());
    // What is kept, and shown to the teacher, is the cleaned text.
    CHECK(submit_answer(poll, "\u202ebe\u200b kind\u202c", 80, "").outcome == VoteOutcome::Counted);
    REQUIRE(poll.answers.size() == 1);
    CHECK(poll.answers[0].text == "be kind");
}

TEST_CASE("the judged form folds width, case, accents, other scripts' digits and look-alike letters") {
    CHECK(judged_form("ＦＵＣＫ") == "fuck");
    CHECK(judged_form("fück") == "fuck");
    CHECK(judged_form("fuсk") == "fuck"); // Cyrillic es
    CHECK(judged_form("fu\u200dck") == "fuck");
    CHECK(judged_form("٠٧٧٠٠ ٩٠٠١٢٣") == "07700 900123");
    CHECK(judged_form("０７７００") == "07700");
    CHECK(judged_form("Zoë's café") == "zoe's cafe");
}

TEST_CASE("every example of the issue is held back, with its reason") {
    const std::vector<Example> examples = {
        {"ＦＵＣＫ", "matches the word filter"},                  // full-width letters
        {"what the fuсk", "matches the word filter"},             // Cyrillic look-alike
        {"fück", "matches the word filter"},                      // accent
        {"fu\u200dck off", "matches the word filter"},            // zero-width joiner inside the word
        {"f*ck", "matches the word filter"},                      // masked
        {"sh#t", "matches the word filter"},                      // masked
        {"fuuuck", "matches the word filter"},                    // repeated letters
        {"asssss", "matches the word filter"},                    // repeated letters
        {"kill yourssself", "matches the word filter"},           // a phrase, repeated letters
        {"٠٧٧٠٠ ٩٠٠١٢٣", "looks like a phone number"},            // Arabic-Indic digits
        {"０７７００ ９００１２３", "looks like a phone number"}, // full-width digits
        {"07700/900/123", "looks like a phone number"},
        {"07700,900,123", "looks like a phone number"},
        {"bob at example dot com", "looks like an email address"},
        {"bob (at) example (dot) co (dot) uk", "looks like an email address"},
        {"ｂｏｂ＠ｅｘａｍｐｌｅ．ｃｏｍ", "looks like an email address"},
        {"SW1A1AA", "looks like a postcode"},
        {"my postcode is m11ae", "looks like a postcode"},
        {"add me @sam_2012", "looks like a social-media handle"},
        {"@qzone.fan", "looks like a social-media handle"},
    };
    for (const Example& example : examples) {
        CAPTURE(std::string(example.answer));
        CHECK(held_because(example.answer, school_filter()) == example.held_because);
    }
}

TEST_CASE("ordinary answers still pass: no false positives from the new folding") {
    for (const char* answer : {"class",
                               "as good as new",
                               "pass the ball",
                               "assembly",
                               "noob",
                               "good",
                               "shiitake",
                               "I feel safe",
                               "a million is 1,000,000",
                               "born 12/05/2013",
                               "meet at the park",
                               "at home @ 5",
                               "I love it!!!",
                               "stay safe ***",
                               "Zoë",
                               "привет",
                               "你好，朋友",
                               "top 10 tips",
                               "year 7 rocks",
                               "be kind @ school",
                               "email a trusted adult",
                               "ask mum at tea time"}) {
        CAPTURE(std::string(answer));
        CHECK(held_because(answer, school_filter()) == "");
    }
}

TEST_CASE("with the word filter Lectern ships, the examples are caught and ordinary answers are not") {
    const WordFilter shipped =
        parse_word_filter(test::read_text(test::source_dir() / "assets/word-filter.txt"));
    REQUIRE(shipped.phrases.size() > 50);
    for (const char* rude :
         {"ＦＵＣＫ", "fück", "fuсk", "fu\u200dck", "f*ck", "fuuuck", "sh!t", "b1tch", "b i t c h"}) {
        CAPTURE(std::string(rude));
        CHECK(held_because(rude, shipped) == "matches the word filter");
    }
    for (const char* answer : {"class",
                               "classic",
                               "assembly",
                               "passion",
                               "as good as new",
                               "noob",
                               "title",
                               "cocktail",
                               "Scunthorpe",
                               "analysis",
                               "shiitake",
                               "Sussex",
                               "I feel safe and happy",
                               "tell a trusted adult",
                               "be kind online",
                               "kindness",
                               "it is fun",
                               "stay safe!!!",
                               "I don't know",
                               "sometimes",
                               "not sure",
                               "great assembly"}) {
        CAPTURE(std::string(answer));
        CHECK(held_because(answer, shipped) == "");
    }
}

TEST_CASE("characters that grow many times in NFKC cannot hide the rest of an answer from the checks") {
    // U+FDFA is 18 letters once normalised: two of them used to overflow the judged form to nothing.
    const WordFilter filter = parse_word_filter("arse\n");
    CHECK(held_because("arse \xEF\xB7\xBA\xEF\xB7\xBA", filter) == "matches the word filter");
    CHECK(held_because("call 07700 900123 \xEF\xB7\xBA\xEF\xB7\xBA\xEF\xB7\xBA\xEF\xB7\xBA", filter) ==
          "looks like a phone number");
}
