// Voting in your own language (docs/vote-api.md, "Languages (version 3)"): the language a device is
// answered in, and the voter state in it, with the big screen's letters and colours. The attacks first:
// bogus and oversized tags and headers, languages the deck does not have.
#include "core/base/json.h"
#include "core/compose/composer.h"
#include "core/deck/deck_language.h"
#include "core/deck/deck_loader.h"
#include "core/polls/poll.h"
#include "core/voting/voter_language.h"
#include "core/voting/voter_state.h"
#include "test_files.h"

#include <doctest/doctest.h>

using namespace lectern;

namespace {

const Deck& translated_deck() {
    static const Deck deck = [] {
        const std::filesystem::path file = test::source_dir() / "tests/decks/valid/translated.toml";
        DeckLoadResult result = load_deck_text(test::read_text(file), "translated.toml", file.parent_path());
        REQUIRE(result.deck);
        return std::move(*result.deck);
    }();
    return deck;
}

const Slide& slide_with_id(const Deck& deck, std::string_view id) {
    for (const Slide& slide : deck.slides)
        if (slide.id == id)
            return slide;
    FAIL("no slide " << id);
    return deck.slides.front();
}

const Slide& slide_of_layout(const Deck& deck, SlideLayout layout) {
    for (const Slide& slide : deck.slides)
        if (slide.layout == layout)
            return slide;
    FAIL("no slide of that layout");
    return deck.slides.front();
}

JsonObject object_of(const std::string& json) {
    Expected<JsonValue> parsed = parse_json(json);
    REQUIRE(parsed);
    REQUIRE(parsed->object());
    return *parsed->object();
}

JsonObject poll_of(const JsonObject& state) {
    const JsonValue* poll = member_of(state, "poll");
    REQUIRE(poll);
    REQUIRE(poll->object());
    return *poll->object();
}

std::string text_of(const JsonObject& object, std::string_view key) {
    const JsonValue* value = member_of(object, key);
    REQUIRE(value);
    REQUIRE(value->string());
    return *value->string();
}

std::vector<std::string> strings_of(const JsonObject& object, std::string_view key) {
    const JsonValue* value = member_of(object, key);
    REQUIRE(value);
    REQUIRE(value->array());
    std::vector<std::string> out;
    for (const JsonValue& item : *value->array()) {
        REQUIRE(item.string());
        out.push_back(*item.string());
    }
    return out;
}

} // namespace

TEST_CASE("voter language: the page's choice, else Accept-Language, else the deck's own") {
    const DeckInfo& info = translated_deck().info;
    CHECK(voter_language(info, "", "") == "en-GB");
    CHECK(voter_language(info, "pl", "") == "pl");
    CHECK(voter_language(info, "pl", "ur") == "pl"); // the picker wins over the browser
    CHECK(voter_language(info, "", "ur-PK,ur;q=0.9,en;q=0.5") == "ur");
    CHECK(voter_language(info, "", "de-DE,de;q=0.9") == "en-GB"); // none of the deck's: its own
    CHECK(voter_language(info, "PL-pl", "") == "pl");
}

TEST_CASE("voter language: bogus and oversized tags and headers are ignored, never trusted") {
    const DeckInfo& info = translated_deck().info;
    CHECK(voter_language(info, "xx", "ur") == "ur"); // a tag the deck lacks: the browser's choice
    CHECK(voter_language(info, "../../etc/passwd", "") == "en-GB");
    CHECK(voter_language(info, "pl\"><script>", "") == "en-GB");
    CHECK(voter_language(info, std::string(100000, 'p'), "") == "en-GB");
    CHECK(voter_language(info, "pl" + std::string(longest_language_parameter, '-'), "ur") == "ur");
    std::string huge_header;
    for (int i = 0; i < 5000; ++i)
        huge_header += "xx-YY;q=0.9,";
    CHECK(voter_language(info, "", huge_header + "pl") == "en-GB"); // only the first few ranges are read
    CHECK(voter_language(info, "", std::string(100000, ',')) == "en-GB");
    CHECK(voter_language(info, "", "pl;q=banana, ur;q=2") == "en-GB");
    CHECK(voter_language(info, "", std::string("pl\0ur", 5)) == "en-GB");
}

TEST_CASE("language own name: each language named in itself, for a pupil's picker") {
    CHECK(language_own_name("pl") == "polski");
    CHECK(language_own_name("ur") == "اردو");
    CHECK(language_own_name("en") == "English");
    CHECK(language_own_name("en-GB") == "English"); // a language, not a country
    CHECK(language_own_name("pt-BR") == "português");
    CHECK(language_own_name("bn") == "বাংলা");
    CHECK(language_own_name("ar") == "العربية");
    CHECK(language_own_name("zh-Hans").starts_with("中文"));
}

TEST_CASE("voter state in a language: the poll's words translated, its letters and colours the screen's") {
    const Deck& deck = translated_deck();
    const Slide& slide = slide_with_id(deck, "used-qq");
    PollState poll = poll_for(slide);
    poll.open = true;
    const JsonObject state = object_of(voter_state_json(deck, "pl", 7, &slide, &poll));
    CHECK(text_of(state, "language") == "pl");
    const JsonObject p = poll_of(state);
    CHECK(text_of(p, "question") == "Czy używasz QQ?");
    CHECK(strings_of(p, "options") == std::vector<std::string>{"Tak", "Nie", "Nie wiem"});
    CHECK(text_of(p, "language") == "pl");
    CHECK(text_of(p, "id") == "used-qq"); // votes name the poll by id and options by number: one poll
    const std::vector<std::string> letters = strings_of(p, "letters");
    REQUIRE(letters.size() == 3);
    for (std::size_t i = 0; i < letters.size(); ++i)
        CHECK(letters[i] == composing::option_labels[i]); // as the composer labels the big screen
    const std::vector<std::string> colours = strings_of(p, "colours");
    REQUIRE(colours.size() == 3);
    for (std::size_t i = 0; i < colours.size(); ++i)
        CHECK(colours[i] == hex_of(deck.theme.chart[i % deck.theme.chart.size()]));

    const JsonValue* languages = member_of(state, "languages");
    REQUIRE(languages);
    REQUIRE(languages->array());
    REQUIRE(languages->array()->size() == 3);
    const JsonObject& polish = *(*languages->array())[1].object();
    CHECK(text_of(polish, "tag") == "pl");
    CHECK(text_of(polish, "name") == "polski");
}

TEST_CASE("voter state in a language: a key the translation leaves out shows the original") {
    Deck deck = translated_deck();
    Slide& slide =
        deck.slides[static_cast<std::size_t>(&slide_with_id(deck, "used-qq") - deck.slides.data())];
    for (SlideTranslation& translation : slide.translations)
        if (translation.language == "pl")
            translation.options.reset();
    PollState poll = poll_for(slide);
    const JsonObject p = poll_of(object_of(voter_state_json(deck, "pl", 7, &slide, &poll)));
    CHECK(text_of(p, "question") == "Czy używasz QQ?");
    CHECK(strings_of(p, "options") == std::vector<std::string>{"Yes", "No", "Not sure"});
}

TEST_CASE("voter state in a language: quiz explanation and scale ends translated, steps keep numbers") {
    const Deck& deck = translated_deck();
    const Slide& quiz = slide_of_layout(deck, SlideLayout::Quiz);
    PollState quiz_poll = poll_for(quiz);
    quiz_poll.revealed = true;
    const JsonObject q = poll_of(object_of(voter_state_json(deck, "ur", 8, &quiz, &quiz_poll)));
    CHECK(text_of(q, "explain") == "نجی اکاؤنٹ صرف وہی دیکھتے ہیں جنہیں آپ قبول کریں۔");
    CHECK(strings_of(q, "letters") == std::vector<std::string>{"A", "B"});

    const Slide& scale = slide_of_layout(deck, SlideLayout::Scale);
    PollState scale_poll = poll_for(scale);
    const JsonObject s = poll_of(object_of(voter_state_json(deck, "pl", 9, &scale, &scale_poll)));
    CHECK(text_of(s, "low") == "Niepewny");
    CHECK(text_of(s, "high") == "Bardzo pewny");
    const std::vector<std::string> steps = strings_of(s, "letters");
    REQUIRE(steps.size() == static_cast<std::size_t>(scale.question->steps));
    CHECK(steps.front() == "1");
    CHECK(steps.back() == std::to_string(scale.question->steps));

    const Slide& words = slide_of_layout(deck, SlideLayout::Words);
    PollState words_poll = poll_for(words);
    const JsonObject w = poll_of(object_of(voter_state_json(deck, "ur", 10, &words, &words_poll)));
    CHECK(text_of(w, "question") == "آن لائن حفاظت کے لیے ایک لفظ");
    CHECK(strings_of(w, "letters").empty());
}

TEST_CASE("voter state in a language: between questions, the language and the picker's list only") {
    const Deck& deck = translated_deck();
    const JsonObject state = object_of(voter_state_json(deck, "ur", 2, nullptr, nullptr));
    CHECK(member_of(state, "poll")->is_null());
    CHECK(text_of(state, "language") == "ur");
    CHECK(member_of(state, "languages")->array()->size() == 3);
    // Version 2's state is unchanged for anything that still asks for it.
    CHECK(voter_state_json(2, nullptr, nullptr) == R"({"slide":2,"poll":null})");
}

TEST_CASE("voter state in a language: never who voted, nor in which language") {
    const Deck& deck = translated_deck();
    const Slide& slide = slide_with_id(deck, "used-qq");
    PollState poll = poll_for(slide);
    poll.open = true;
    cast_vote(poll, "device-pl", {1});
    cast_vote(poll, "device-ur", {1});
    cast_vote(poll, "device-en", {2});
    poll.revealed = true;
    const std::string polish = voter_state_json(deck, "pl", 7, &slide, &poll);
    const std::string urdu = voter_state_json(deck, "ur", 7, &slide, &poll);
    CHECK(polish.find("device-") == std::string::npos);
    const auto results = [](const std::string& json) {
        const JsonObject p = poll_of(object_of(json));
        const JsonValue* value = member_of(p, "results");
        REQUIRE(value);
        REQUIRE(value->array());
        std::vector<double> counts;
        for (const JsonValue& count : *value->array())
            counts.push_back(*count.number());
        return counts;
    };
    CHECK(results(polish) == std::vector<double>{2, 1, 0}); // one set of results, whatever the language
    CHECK(results(urdu) == results(polish));
}
