// Unit tests of the deck loader: the model it builds, and the rules that are easier to state in code.
#include "core/deck/deck_loader.h"
#include "core/deck/deck_schema.h"
#include "core/deck/school_details.h"
#include "test_files.h"

#include <doctest/doctest.h>

using namespace lectern;

namespace {

DeckLoadResult load(const std::string& text) {
    return load_deck_text(text, "test.toml", test::source_dir() / "tests/decks/valid");
}

const std::string header = "[deck]\ntitle = \"T\"\n";

} // namespace

TEST_CASE("every-layout.toml loads into the model with every value") {
    const DeckLoadResult result = load_deck_file(test::source_dir() / "tests/decks/valid/every-layout.toml");
    REQUIRE(result.ok());
    const Deck& deck = *result.deck;
    CHECK(deck.info.title == "Every layout");
    CHECK(deck.info.language == "en-GB");
    CHECK(deck.info.aspect == Aspect::Standard4x3);
    CHECK(deck.info.theme == "high-contrast");
    CHECK(deck.info.duration_minutes == 30);
    CHECK(deck.info.room == Room::Hall);
    CHECK(deck.info.transition == Transition::None);
    REQUIRE(deck.kiosk);
    CHECK(deck.kiosk->slide_seconds == doctest::Approx(12.5));
    CHECK_FALSE(deck.kiosk->loop);
    CHECK(deck.kiosk->resume_after_seconds == doctest::Approx(90));
    REQUIRE(deck.slides.size() == 13);

    const Slide& title = deck.slides[0];
    CHECK(title.id == "welcome");
    CHECK(title.id_given);
    CHECK(title.position == SourcePosition{18, 1});
    CHECK(title.notes.find("- Ask who") != std::string::npos);
    CHECK(deck.seconds_for(title) == doctest::Approx(20));
    CHECK(deck.seconds_for(deck.slides[1]) == doctest::Approx(12.5));

    const Slide& bullets = deck.slides[2];
    CHECK(bullets.layout == SlideLayout::Bullets);
    CHECK(bullets.id == "adding-friends");
    CHECK(bullets.bullets.size() == 3);
    CHECK(bullets.build);
    REQUIRE(bullets.image);
    CHECK(bullets.image->resolved.filename() == "square.png");
    CHECK(bullets.image->alt.starts_with("A blue square"));

    const Slide& columns = deck.slides[3];
    CHECK(columns.left.heading == "Safe");
    CHECK(columns.right.bullets == std::vector<std::string>{"Your full name", "Your school's name"});

    const Slide& quote = deck.slides[6];
    CHECK(quote.quote == "Think before you post.");
    CHECK(quote.quote_by == "A Year 8 pupil");

    const Slide& poll = deck.slides[8];
    REQUIRE(poll.question);
    CHECK(poll.question->multiple);
    CHECK(poll.question->reveal == Reveal::Live);
    CHECK(poll.question->options.size() == 4);

    const Slide& quiz = deck.slides[9];
    CHECK(quiz.id == "phone-number");
    CHECK(quiz.question->answer == 2);
    CHECK(quiz.question->reveal == Reveal::OnCommand);

    CHECK(deck.slides[10].question->steps == 7);
    CHECK(deck.slides[10].question->low == "Not at all");
    CHECK(deck.slides[11].question->max_chars == 20);
    CHECK(deck.slides[7].id == "join-the-poll");
    CHECK(deck.slides[12].id == "join");
}

TEST_CASE("defaults apply when optional keys are left out") {
    const DeckLoadResult result =
        load(header + "[[slides]]\nlayout = \"scale\"\nquestion = \"Q\"\nlow = \"a\"\n"
                      "high = \"b\"\n[[slides]]\nlayout = \"words\"\nquestion = \"W\"\n");
    REQUIRE(result.ok());
    const Deck& deck = *result.deck;
    CHECK(deck.info.language == "en");
    CHECK(deck.info.aspect == Aspect::Wide16x9);
    CHECK(deck.info.theme == "classroom");
    CHECK(deck.info.room == Room::Classroom);
    CHECK_FALSE(deck.info.duration_minutes);
    CHECK_FALSE(deck.kiosk);
    CHECK(deck.seconds_for(deck.slides[0]) == doctest::Approx(15));
    CHECK(deck.slides[0].question->steps == 5);
    CHECK(deck.slides[0].question->reveal == Reveal::OnCommand);
    CHECK(deck.slides[1].question->max_chars == 24);
}

TEST_CASE("derived ids come from the slide's text, avoid given ids, and fall back to the slide number") {
    const DeckLoadResult result = load_deck_file(test::source_dir() / "tests/decks/valid/derived-ids.toml");
    REQUIRE(result.ok());
    const auto& slides = result.deck->slides;
    CHECK(slides[0].id == "quiz-time");
    CHECK(slides[1].id == "quiz-time-2");
    CHECK(slides[2].id == "quiz-time-3");
    CHECK(slides[3].id == "slide-4");
    CHECK_FALSE(slides[0].id_given);
}

TEST_CASE("a deck with errors is never returned, but its warnings are") {
    const DeckLoadResult broken = load(header + "[[slides]]\nlayout = \"title\"\n");
    CHECK_FALSE(broken.ok());
    CHECK(has_errors(broken.diagnostics));

    const DeckLoadResult warned =
        load(header + "[[slides]]\nlayout = \"poll\"\nquestion = \"Q\"\noptions = [\"a\", \"a\"]\n");
    CHECK(warned.ok());
    CHECK(count_of(warned.diagnostics, Severity::Warning) == 1);
}

TEST_CASE("all problems of a deck are reported in one pass, in file order") {
    const DeckLoadResult result = load(
        "[deck]\ntitle = 5\nroom = \"gym\"\n[[slides]]\nlayout = \"nope\"\n[[slides]]\nlayout = \"title\"\n");
    REQUIRE(result.diagnostics.size() == 4);
    CHECK(result.diagnostics[0].position == SourcePosition{2, 9});
    CHECK(result.diagnostics[1].position == SourcePosition{3, 8});
    CHECK(result.diagnostics[2].position == SourcePosition{5, 1});
    CHECK(result.diagnostics[3].position == SourcePosition{6, 1});
}

TEST_CASE("a missing deck file is an error naming the file, without a position") {
    const DeckLoadResult result = load_deck_file("no/such/deck.toml");
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(format_diagnostic(result.diagnostics[0])
              .starts_with("no/such/deck.toml: error: cannot read this deck"));
}

TEST_CASE("an image checker given in the options replaces the built-in probe, and runs once per file") {
    int calls = 0;
    DeckLoadOptions options;
    options.check_image = [&calls](const std::filesystem::path&) {
        ++calls;
        return std::string("the decoder said no");
    };
    const std::string slide = "[[slides]]\nlayout = \"image\"\nimage = \"images/square.png\"\nalt = \"x\"\n";
    const DeckLoadResult result =
        load_deck_text(header + slide + slide, "t.toml", test::source_dir() / "tests/decks/valid", options);
    CHECK(calls == 1);
    REQUIRE(result.diagnostics.size() == 2);
    CHECK(result.diagnostics[0].message.find("the decoder said no") != std::string::npos);
}

TEST_CASE("every required key of every table says how to add it") {
    for (std::size_t i = 0; i < slide_layout_names.size(); ++i) {
        for (std::string_view key : slide_schema(static_cast<SlideLayout>(i)).required) {
            CAPTURE(key);
            CHECK_FALSE(how_to_add(key).empty());
        }
    }
    for (std::string_view key : deck_table_schema.required)
        CHECK_FALSE(how_to_add(key).empty());
    for (std::string_view key : column_table_schema.required)
        CHECK_FALSE(how_to_add(key).empty());
}

TEST_CASE("a byte order mark and Windows line endings are accepted") {
    const DeckLoadResult result =
        load("\xEF\xBB\xBF[deck]\r\ntitle = \"T\"\r\n[[slides]]\r\nlayout = \"title\"\r\n"
             "title = \"x\"\r\n");
    CHECK(result.ok());
}

TEST_CASE("the safeguarding lead written in [deck] shows wherever a slide says {safeguarding_lead}") {
    const DeckLoadResult result =
        load_deck_file(test::source_dir() / "tests/decks/valid/safeguarding-lead.toml");
    REQUIRE(result.ok());
    const Deck& deck = *result.deck;
    CHECK(deck.info.safeguarding_lead == "Ms Rahman, in the pastoral office");
    CHECK(deck.slides[0].bullets[1] == "In school: Ms Rahman, in the pastoral office");
    CHECK(deck.slides[0].notes == "Tell pupils they can always go to Ms Rahman, in the pastoral office.");
    CHECK(deck.slides[1].left.bullets[0] == "Ms Rahman, in the pastoral office");
}

TEST_CASE("a safeguarding lead is a placeholder while it has a [part in square brackets]") {
    CHECK(is_unfilled_placeholder("[Name], [where to find them]"));
    CHECK(is_unfilled_placeholder("Mr [surname], Room 4"));
    CHECK_FALSE(is_unfilled_placeholder("Ms Rahman, in the pastoral office"));
    CHECK_FALSE(is_unfilled_placeholder("Room ]4["));
    CHECK_FALSE(is_unfilled_placeholder(""));
    // Each marker is replaced once, even when the value itself contains the marker's text.
    const DeckLoadResult result = load("[deck]\ntitle = \"T\"\nsafeguarding_lead = \"{safeguarding_lead}!\"\n"
                                       "[[slides]]\nlayout = \"title\"\n"
                                       "title = \"{safeguarding_lead} and {safeguarding_lead}\"\n");
    REQUIRE(result.ok());
    CHECK(result.deck->slides[0].title == "{safeguarding_lead}! and {safeguarding_lead}!");
}

TEST_CASE("filling in the safeguarding lead never changes a slide's id, so poll results stay with it") {
    const auto id_with = [](const std::string& lead) {
        const DeckLoadResult result =
            load("[deck]\ntitle = \"T\"\nsafeguarding_lead = \"" + lead +
                 "\"\n[[slides]]\nlayout = \"title\"\ntitle = \"Ask {safeguarding_lead}\"\n");
        REQUIRE(result.ok());
        return result.deck->slides[0].id;
    };
    CHECK(id_with("[Name], [room]") == id_with("Ms Rahman, Room 12"));
}

TEST_CASE("[deck] id names the deck in a school's show, and must be usable as one") {
    const DeckLoadResult named = load(R"([deck]
title = "Assembly"
id = "qzone-assembly"

[[slides]]
layout = "title"
title = "Hello"
)");
    REQUIRE(named.ok());
    CHECK(named.deck->info.id == "qzone-assembly");

    const DeckLoadResult unnamed =
        load("[deck]\ntitle = \"A\"\n\n[[slides]]\nlayout = \"title\"\ntitle = \"B\"\n");
    REQUIRE(unnamed.ok());
    CHECK(unnamed.deck->info.id.empty()); // the file name is used

    const DeckLoadResult bad = load(R"([deck]
title = "Assembly"
id = "Year 7/assembly #2"

[[slides]]
layout = "title"
title = "Hello"
)");
    CHECK_FALSE(bad.ok());
    REQUIRE(bad.diagnostics.size() == 1);
    CHECK(bad.diagnostics[0].position.line == 3);
    CHECK(bad.diagnostics[0].message.find("id = \"Year 7/assembly #2\" in the [deck] table may use only") ==
          0);
    CHECK(bad.diagnostics[0].message.find("for example id = \"year-7-assembly-2\"") != std::string::npos);
}
