// The panel's language part in bare ImGui frames (bare_frame.h): the room's language and the one beneath
// it by name, the deck's note on its translations, and a click choosing a second language.
#include "bare_frame.h"
#include "panel/panel_parts.h"

#include <doctest/doctest.h>

#include <string>

using namespace lectern;

namespace {

Deck deck_in(std::vector<std::string> languages, std::string note = "") {
    Deck deck;
    deck.info.language = languages.front();
    deck.info.languages = std::move(languages);
    deck.info.translation_note = std::move(note);
    return deck;
}

} // namespace

TEST_CASE("a deck in one language shows no language part") {
    const Deck deck = deck_in({"en"});
    PanelView view;
    view.deck = &deck;
    view.language = "en";
    CHECK(test::text_of_part([&](PanelActions& actions) { draw_language_part(view, actions); }).empty());
}

TEST_CASE(
    "the panel names the deck's languages, the one on screen and the one beneath, and the translation note") {
    const Deck deck = deck_in({"en-GB", "pl", "ur"}, "Machine-assisted; to be checked by native speakers.");
    PanelView view;
    view.deck = &deck;
    view.language = "pl";
    const std::string text =
        test::text_of_part([&](PanelActions& actions) { draw_language_part(view, actions); });
    CHECK(text.find("Language on the screen (L)") != std::string::npos);
    CHECK(text.find("English (United Kingdom) (en-GB)") != std::string::npos);
    CHECK(text.find("Polish (pl)") != std::string::npos);
    CHECK(text.find("Urdu (ur)") != std::string::npos);
    CHECK(text.find("Beneath it, smaller") != std::string::npos);
    CHECK(text.find("None") != std::string::npos);
    CHECK(text.find("Translations: Machine-assisted; to be checked by native speakers.") !=
          std::string::npos);
}

TEST_CASE("clicking a language beneath asks for dual mode in it") {
    const Deck deck = deck_in({"en", "pl"});
    PanelView view;
    view.deck = &deck;
    view.language = "en";
    test::BareFrames frames;
    const auto draw = [&](PanelActions& actions) {
        draw_language_part(view, actions);
    };
    frames.frame(draw);
    const ImVec2 polish_beneath = frames.last_item_centre(); // the last button: Polish, beneath
    frames.frame(draw, polish_beneath, false);
    frames.frame(draw, polish_beneath, true);
    const PanelActions released = frames.frame(draw, polish_beneath, false).second;
    REQUIRE(released.second_language);
    CHECK(*released.second_language == "pl");
    CHECK_FALSE(released.language);
}
