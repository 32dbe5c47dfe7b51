// What makes the shipped lessons fit to teach, beyond loading: each slide keeps to its room's word
// budget (the table in slides/README.md, read from there so the two cannot drift), quizzes vary where
// the right answer is, no picture repeats within a deck, and what a safeguarding lead asked for in
// issue 16 stays in the decks.
#include "lesson_decks.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

using namespace lectern;
using test::load_shipped;
using test::words_in;

namespace {

enum BudgetColumn { ClassroomColumn, HallColumn, KioskColumn };

struct WordBudgets {
    std::map<std::string, std::array<std::size_t, 3>, std::less<>> by_layout; // and "explain"
};

std::vector<std::string> cells_of(const std::string& row) {
    std::vector<std::string> cells;
    std::size_t start = row.find('|') + 1;
    for (std::size_t bar = row.find('|', start); bar != std::string::npos; bar = row.find('|', start)) {
        cells.push_back(row.substr(start, bar - start));
        start = bar + 1;
    }
    return cells;
}

// The table under "### How many words a slide holds" in the format guide.
WordBudgets budgets_from_format_guide() {
    const std::string guide = test::read_text(test::source_dir() / "slides/README.md");
    const std::vector<std::string> lines = test::lines_of(guide);
    auto line = std::ranges::find(lines, std::string("### How many words a slide holds"));
    REQUIRE(line != lines.end());
    WordBudgets budgets;
    for (++line; line != lines.end() && !line->starts_with("#"); ++line) {
        if (!line->starts_with("| `"))
            continue;
        const std::vector<std::string> cells = cells_of(*line);
        REQUIRE(cells.size() == 4);
        std::array<std::size_t, 3> limits{};
        for (std::size_t i = 0; i < 3; ++i)
            limits[i] = std::stoul(cells[i + 1]);
        for (std::size_t open = cells[0].find('`'); open != std::string::npos;
             open = cells[0].find('`', cells[0].find('`', open + 1) + 1)) {
            const std::size_t close = cells[0].find('`', open + 1);
            budgets.by_layout[cells[0].substr(open + 1, close - open - 1)] = limits;
        }
    }
    return budgets;
}

// Every word the room sees at once (a build slide at its last step), but a quiz's explain.
std::size_t words_on_screen(const Slide& slide) {
    std::size_t words = words_in(slide.title) + words_in(slide.subtitle) + words_in(slide.caption) +
                        words_in(slide.quote) + words_in(slide.quote_by);
    for (const std::string& bullet : slide.bullets)
        words += words_in(bullet);
    for (const Column* column : {&slide.left, &slide.right}) {
        words += words_in(column->heading);
        for (const std::string& bullet : column->bullets)
            words += words_in(bullet);
    }
    if (slide.question) {
        words +=
            words_in(slide.question->text) + words_in(slide.question->low) + words_in(slide.question->high);
        for (const std::string& option : slide.question->options)
            words += words_in(option);
    }
    return words;
}

BudgetColumn column_of(const Deck& deck) {
    if (deck.kiosk)
        return KioskColumn;
    return deck.info.room == Room::Hall ? HallColumn : ClassroomColumn;
}

std::string lowercase(std::string text) {
    std::ranges::transform(text, text.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// Everything a deck says, on screen and in its notes, in lower case.
std::string all_text_of(const Deck& deck) {
    std::string text;
    for (const Slide& slide : deck.slides) {
        text += slide.title + "\n" + slide.subtitle + "\n" + slide.caption + "\n" + slide.quote + "\n" +
                slide.notes + "\n";
        for (const std::string& bullet : slide.bullets)
            text += bullet + "\n";
        for (const Column* column : {&slide.left, &slide.right}) {
            for (const std::string& bullet : column->bullets)
                text += bullet + "\n";
        }
        if (slide.question) {
            text += slide.question->text + "\n" + slide.question->explain + "\n";
            for (const std::string& option : slide.question->options)
                text += option + "\n";
        }
    }
    return lowercase(text);
}

const Slide& slide_with_id(const Deck& deck, std::string_view id) {
    const auto slide = std::ranges::find_if(deck.slides, [&](const Slide& s) { return s.id == id; });
    REQUIRE_MESSAGE(slide != deck.slides.end(), "no slide " << id);
    return *slide;
}

std::string bullets_of(const Slide& slide) {
    std::string text;
    for (const std::string& bullet : slide.bullets)
        text += lowercase(bullet) + "\n";
    return text;
}

} // namespace

TEST_CASE("the word budgets in the format guide cover every layout") {
    const WordBudgets budgets = budgets_from_format_guide();
    for (std::string_view layout : slide_layout_names)
        CHECK_MESSAGE(budgets.by_layout.contains(layout), layout);
    CHECK(budgets.by_layout.contains("explain"));
}

TEST_CASE("no slide of a shipped lesson says more than its room's word budget") {
    const WordBudgets budgets = budgets_from_format_guide();
    for (const char* name : test::lesson_deck_names) {
        const Deck deck = load_shipped(name);
        const BudgetColumn column = column_of(deck);
        for (std::size_t i = 0; i < deck.slides.size(); ++i) {
            const Slide& slide = deck.slides[i];
            CAPTURE(name);
            CAPTURE(i + 1);
            CAPTURE(slide.id);
            const auto budget = budgets.by_layout.find(name_of(slide.layout));
            REQUIRE(budget != budgets.by_layout.end());
            CHECK(words_on_screen(slide) <= budget->second[column]);
            if (slide.question)
                CHECK(words_in(slide.question->explain) <= budgets.by_layout.at("explain")[column]);
        }
    }
}

TEST_CASE("a lesson's quizzes put the right answer in different places, and not always the longest") {
    for (const char* name : test::lesson_deck_names) {
        CAPTURE(name);
        std::map<int, std::size_t> answers_at; // option number -> quizzes answered there
        std::size_t quizzes = 0;
        std::size_t longest = 0; // quizzes whose right answer is their longest option
        for (const Slide& slide : load_shipped(name).slides) {
            if (slide.layout != SlideLayout::Quiz)
                continue;
            const Question& quiz = *slide.question;
            ++quizzes;
            ++answers_at[quiz.answer];
            const std::size_t right_length = quiz.options[static_cast<std::size_t>(quiz.answer - 1)].size();
            if (std::ranges::all_of(quiz.options,
                                    [&](const std::string& o) { return o.size() <= right_length; }))
                ++longest;
        }
        if (quizzes < 2)
            continue;
        CHECK_MESSAGE(answers_at.size() >= 2,
                      "the right answers are all option " << answers_at.begin()->first);
        for (const auto& [option, count] : answers_at) {
            CAPTURE(option);
            CHECK(count * 2 <= quizzes); // no place holds more than half of them
        }
        CHECK(longest < quizzes);
    }
}

TEST_CASE("no picture repeats within a lesson") {
    for (const char* name : test::lesson_deck_names) {
        CAPTURE(name);
        std::set<std::string> seen;
        for (const Slide& slide : load_shipped(name).slides) {
            if (!slide.image)
                continue;
            CAPTURE(slide.id);
            CHECK(seen.insert(slide.image->resolved.lexically_normal().string()).second);
        }
    }
}

TEST_CASE("the first slide's notes brief the teacher on the safeguarding lead and on disclosures") {
    for (const char* name : test::lesson_deck_names) {
        CAPTURE(name);
        const Deck deck = load_shipped(name);
        const std::string notes = lowercase(deck.slides.front().notes);
        CHECK(notes.find("designated safeguarding lead") != std::string::npos);
        CHECK(notes.find("listen") != std::string::npos);
        CHECK((notes.find("secret") != std::string::npos || notes.find("confidential") != std::string::npos));
        CHECK(notes.find("same day") != std::string::npos);
        if (!deck.kiosk) // a corridor loop teaches nothing about the app's age rules
            CHECK(notes.find("current terms") != std::string::npos);
    }
}

TEST_CASE("no lesson says what issue 16 found wrong, promises too much, or uses idioms") {
    for (const char* name : test::lesson_deck_names) {
        CAPTURE(name);
        const std::string text = all_text_of(load_shipped(name));
        for (const char* phrase : {"anonymous", "until everyone has voted", "reveal each pair",
                                   "app's own description", "without the risks", "on the planet", "billed as",
                                   "steer clear", "do your homework", "delete your posts at any time"}) {
            CAPTURE(phrase);
            CHECK(text.find(phrase) == std::string::npos);
        }
    }
}

TEST_CASE("the pupils learn the warning signs of grooming, that it is never their fault, and who to tell") {
    for (const char* name : {"qzone-pupils.toml", "qzone-assembly.toml"}) {
        CAPTURE(name);
        const Deck deck = load_shipped(name);
        const std::string signs = bullets_of(slide_with_id(deck, "warning-signs"));
        for (const char* sign :
             {"photos", "secrets", "gifts", "credit", "meet", "private app", "never your fault"})
            CHECK_MESSAGE(signs.find(sign) != std::string::npos, sign);
        const Slide& help = slide_with_id(deck, "get-help");
        const std::string shown = lowercase(help.title) + bullets_of(help);
        CHECK(shown.find("0800\u00A01111") != std::string::npos);
        CHECK(shown.find("ceop.police.uk") != std::string::npos);
        CHECK(shown.find(lowercase(deck.info.safeguarding_lead)) != std::string::npos);
    }
    const Deck pupils = load_shipped("qzone-pupils.toml");
    CHECK(lowercase(slide_with_id(pupils, "adding-friends").notes).find("family abroad") !=
          std::string::npos);
    const Question& first_tip = *slide_with_id(pupils, "poll-first-tip").question;
    CHECK(std::ranges::find(first_tip.options, "I don't use apps like this") != first_tip.options.end());
}

TEST_CASE("the parents learn how to respond if a nude image is shared, and what to say and set up") {
    const Deck deck = load_shipped("qzone-parents.toml");
    const Slide& shared = slide_with_id(deck, "if-image-shared");
    const std::string steps = bullets_of(shared);
    for (const char* step :
         {"calm", "blame", "view, copy, forward or save", "safeguarding lead", "victim", "report remove"})
        CHECK_MESSAGE(steps.find(step) != std::string::npos, step);
    for (const char* fact : {"Outcome 21", "Internet Watch Foundation", "Childline"})
        CHECK_MESSAGE(shared.notes.find(fact) != std::string::npos, fact);
    CHECK(slide_with_id(deck, "conversation-starters").bullets.size() >= 3);
    const std::string controls = bullets_of(slide_with_id(deck, "device-controls"));
    for (const char* control : {"screen time", "family link", "location", "block", "report"})
        CHECK_MESSAGE(controls.find(control) != std::string::npos, control);
    const std::string help = bullets_of(slide_with_id(deck, "get-help"));
    CHECK(help.find(lowercase(deck.info.safeguarding_lead)) != std::string::npos);
    CHECK(help.find("0808\u00A0800\u00A05000") != std::string::npos);
}

TEST_CASE("the corridor says deleted posts can live on in screenshots") {
    const Deck deck = load_shipped("qzone-corridor.toml");
    const Slide& posting = slide_with_id(deck, "think-before-posting");
    CHECK(lowercase(posting.title + bullets_of(posting)).find("screenshot") != std::string::npos);
}
