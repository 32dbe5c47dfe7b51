// A deck in several languages: translations read from [slides.lang.TAG], the slide shown in a language
// with the original wherever a translation leaves a key out, and the choice of language from a teacher's
// tag or a phone's Accept-Language.
#include "core/deck/deck_language.h"
#include "core/deck/deck_loader.h"
#include "test_files.h"

#include <doctest/doctest.h>

using namespace lectern;

namespace {

Deck translated_deck() {
    const std::filesystem::path file = test::source_dir() / "tests/decks/valid/translated.toml";
    DeckLoadResult result = load_deck_text(test::read_text(file), "translated.toml", file.parent_path());
    REQUIRE(result.deck);
    return std::move(*result.deck);
}

Deck deck_of(const std::string& text) {
    DeckLoadResult result = load_deck_text(text, "deck.toml", test::source_dir() / "tests/decks/valid");
    REQUIRE(result.deck);
    return std::move(*result.deck);
}

} // namespace

TEST_CASE("languages: the first is the deck's language; without the key the deck has just its own") {
    const Deck deck = translated_deck();
    CHECK(deck.info.languages == std::vector<std::string>{"en-GB", "pl", "ur"});
    CHECK(deck.info.language == "en-GB");
    CHECK(deck.info.translation_note == "Test translations; not reviewed by a native speaker.");
    const Deck plain = deck_of("[deck]\ntitle = \"One\"\nlanguage = \"cy\"\n[[slides]]\nlayout = \"join\"\n");
    CHECK(plain.info.languages == std::vector<std::string>{"cy"});
    const Deck listed = deck_of("[deck]\ntitle = \"One\"\nlanguages = [\"pl\", \"en\"]\n[[slides]]\nlayout = "
                                "\"join\"\n");
    CHECK(listed.info.language == "pl");
}

TEST_CASE("every layout's words are translated, and the rest of the slide is the original") {
    const Deck deck = translated_deck();
    const Deck polish = deck_in_language(deck, "pl");
    CHECK(polish.info.language == "pl");
    REQUIRE(polish.slides.size() == deck.slides.size());
    CHECK(polish.slides[0].title == "Bezpieczeństwo w sieci");
    CHECK(polish.slides[0].subtitle == "Konta prywatne");
    CHECK(polish.slides[0].notes == "Przywitaj się.");
    CHECK(polish.slides[2].bullets.size() == 3);
    CHECK(polish.slides[2].bullets[1] == "Dodawaj tylko znajomych");
    CHECK(polish.slides[2].build);
    REQUIRE(polish.slides[2].image);
    CHECK(polish.slides[2].image->alt == "Zielony kwadrat");
    CHECK(polish.slides[2].image->path == "images/square.png");
    CHECK(polish.slides[3].left.heading == "Bezpieczniej");
    CHECK(polish.slides[3].right.bullets[1] == "Podawanie nazwy szkoły");
    CHECK(polish.slides[4].caption == "Zdjęcia można udostępnić dalej");
    CHECK(polish.slides[5].quote == "Pomyśl, zanim opublikujesz.");
    CHECK(polish.slides[5].quote_by == "Uczeń");
    REQUIRE(polish.slides[7].question);
    CHECK(polish.slides[7].question->options[0] == "Konto prywatne");
    CHECK(polish.slides[7].question->answer == 1);
    CHECK(polish.slides[7].question->explain == "Konto prywatne widzą tylko zaakceptowane osoby.");
    CHECK(polish.slides[8].question->low == "Niepewny");
    CHECK(polish.slides[8].question->high == "Bardzo pewny");
    CHECK(polish.slides[9].question->text == "Jedno słowo o bezpieczeństwie w sieci");
    CHECK(polish.slides[10].title == "Dołącz");
    for (std::size_t i = 0; i < deck.slides.size(); ++i) {
        CAPTURE(i);
        CHECK(polish.slides[i].id == deck.slides[i].id); // polls keep their results across languages
        CHECK(polish.slides[i].layout == deck.slides[i].layout);
    }
}

TEST_CASE("a key a translation leaves out shows the original, never nothing") {
    const Deck deck = translated_deck();
    const Deck urdu = deck_in_language(deck, "ur");
    CHECK(urdu.slides[0].notes == "Say hello."); // the notes were not translated into Urdu
    CHECK(urdu.slides[0].title == "آن لائن محفوظ رہیں");
    const Deck english = deck_in_language(deck, "en-GB");
    CHECK(english.slides[0].title == "Staying safe online");
    const Deck unknown = deck_in_language(deck, "de");
    CHECK(unknown.slides[2].bullets == deck.slides[2].bullets);
}

TEST_CASE("a tag or an Accept-Language header chooses among the deck's languages") {
    DeckInfo info;
    info.languages = {"en-GB", "pl", "ur", "bn", "zh-Hans", "ar"};
    CHECK(match_language(info, "pl") == "pl");
    CHECK(match_language(info, "PL-pl") == "pl");
    CHECK(match_language(info, "en") == "en-GB");
    CHECK(match_language(info, "en-US") == "en-GB");
    CHECK(match_language(info, "zh-CN") == "zh-Hans");
    CHECK(match_language(info, "zh-TW") == "zh-Hans"); // the other script, rather than English
    CHECK(match_language(info, "de") == std::nullopt);
    CHECK(match_language(info, "") == std::nullopt);
    CHECK(language_for_header(info, "pl-PL,pl;q=0.9,en;q=0.8") == "pl");
    CHECK(language_for_header(info, "de-DE,de;q=0.9,ur;q=0.5") == "ur");
    CHECK(language_for_header(info, "en;q=0.4, bn;q=0.8") == "bn");
    CHECK(language_for_header(info, "de, fr") == "en-GB");
    CHECK(language_for_header(info, "") == "en-GB");
    CHECK(language_for_header(info, ";;;,,q=,pl;q=abc,*") == "en-GB");
    CHECK(language_for_header(info, "ar;q=0") == "en-GB"); // q=0 means "not this one"
    CHECK(language_for_header(info, "ar;q=nan, ur;q=inf, bn;q=-0.5, pl;q=1e9") == "en-GB");
    std::string long_header;
    for (int i = 0; i < 10000; ++i)
        long_header += "xx,";
    CHECK(language_for_header(info, long_header + "pl") == "en-GB"); // only the first ranges are read
}

TEST_CASE("L cycles through the deck's languages and comes back round") {
    DeckInfo info;
    info.languages = {"en", "pl", "ur"};
    CHECK(next_language(info, "en") == "pl");
    CHECK(next_language(info, "pl") == "ur");
    CHECK(next_language(info, "ur") == "en");
    CHECK(next_language(info, "xx") == "en");
}

TEST_CASE("a language's name for the teacher comes from ICU, or is the tag itself") {
    CHECK(language_name("pl") == "Polish");
    CHECK(language_name("ur") == "Urdu");
    CHECK(language_name("en-GB") == "English (United Kingdom)");
    CHECK(language_name("zh-Hans") == "Chinese (Simplified)");
    CHECK(language_name("not a tag!") == "not a tag!");
}

TEST_CASE("--lang and --dual choose among the deck's languages, and say which there are when they cannot") {
    DeckInfo info;
    info.language = "en-GB";
    info.languages = {"en-GB", "pl", "ur"};
    const Expected<LanguageChoice> plain = choose_languages(info, "", "");
    REQUIRE(plain);
    CHECK(plain->language == "en-GB");
    CHECK(plain->second.empty());
    const Expected<LanguageChoice> both = choose_languages(info, "pl-PL", "ur");
    REQUIRE(both);
    CHECK(both->language == "pl");
    CHECK(both->second == "ur");
    const Expected<LanguageChoice> german = choose_languages(info, "de", "");
    REQUIRE(!german);
    CHECK(german.error() == "--lang de: this deck is in en-GB, pl, ur; give one of those");
    const Expected<LanguageChoice> same = choose_languages(info, "", "en");
    REQUIRE(!same);
    CHECK(same.error() == "--dual en is the language already shown; give another of en-GB, pl, ur");
    DeckInfo single;
    single.language = "en";
    single.languages = {"en"};
    const Expected<LanguageChoice> none = choose_languages(single, "pl", "");
    REQUIRE(!none);
    CHECK(none.error() ==
          "--lang pl: this deck is in en; it has no translations (a deck lists its languages in "
          "[deck] with languages = [...])");
}

TEST_CASE("a translation names the school's safeguarding lead where it says {safeguarding_lead}") {
    const Deck deck =
        deck_of("[deck]\ntitle = \"Help\"\nlanguages = [\"en\", \"pl\"]\nsafeguarding_lead = \"Ms "
                "Rahman, Room 12\"\n[[slides]]\nlayout = \"bullets\"\ntitle = \"Help\"\nbullets = "
                "[\"In school: {safeguarding_lead}\"]\n[slides.lang.pl]\ntitle = \"Pomoc\"\nbullets = "
                "[\"W szkole: {safeguarding_lead}\"]\n");
    CHECK(deck_in_language(deck, "pl").slides[0].bullets[0] == "W szkole: Ms Rahman, Room 12");
    CHECK(deck.slides[0].bullets[0] == "In school: Ms Rahman, Room 12");
}
