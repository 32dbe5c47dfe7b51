#include "core/compose/slide_composer.h"
#include "core/deck/deck_loader.h"
#include "every_layout_deck.h"
#include "fake_text_measurer.h"
#include "test_files.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace lectern;

namespace {

// A copy, for tests that change it.
Deck every_layout() {
    return test::every_layout_deck();
}

std::vector<std::string> texts_of(const DisplayList& list) {
    std::vector<std::string> texts;
    for (const DisplayItem& item : list.items) {
        if (const auto* run = std::get_if<TextRun>(&item))
            texts.push_back(run->text);
    }
    return texts;
}

bool inside(const DisplayList& list, const Box& box) {
    return box.x >= -0.5f && box.y >= -0.5f && box.x + box.w <= list.width + 0.5f &&
           box.y + box.h <= list.height + 0.5f;
}

} // namespace

TEST_CASE("every layout composes inside the slide, at both aspects") {
    test::FakeTextMeasurer measurer;
    Deck deck = every_layout();
    for (Aspect aspect : {Aspect::Standard4x3, Aspect::Wide16x9}) {
        deck.info.aspect = aspect;
        for (const Slide& slide : deck.slides) {
            CAPTURE(slide.id);
            const ComposedSlide composed = compose_slide(deck, slide, 99, measurer);
            CHECK(composed.list.width == (aspect == Aspect::Standard4x3 ? 1440 : 1920));
            CHECK(composed.problems.empty());
            CHECK_FALSE(composed.list.items.empty());
            for (const DisplayItem& item : composed.list.items) {
                if (const auto* box = std::get_if<FilledBox>(&item))
                    CHECK(inside(composed.list, box->box));
                if (const auto* picture = std::get_if<Picture>(&item))
                    CHECK(inside(composed.list, picture->box));
                if (const auto* run = std::get_if<TextRun>(&item)) {
                    CHECK(run->x >= 0);
                    CHECK(run->y >= 0);
                    CHECK(run->y + run->style.px <= composed.list.height);
                }
            }
        }
    }
}

TEST_CASE("a build slide reveals one bullet per step and keeps the others' space") {
    test::FakeTextMeasurer measurer;
    const Deck deck = every_layout();
    const Slide& slide = deck.slides[2];
    REQUIRE(build_steps(slide) == 3);
    const auto first = texts_of(compose_slide(deck, slide, 0, measurer).list);
    const auto last = texts_of(compose_slide(deck, slide, 2, measurer).list);
    CHECK(std::ranges::count(first, std::string("\u2022")) == 1);
    CHECK(std::ranges::count(last, std::string("\u2022")) == 3);
}

TEST_CASE("a build columns slide shows the left column first, then both") {
    test::FakeTextMeasurer measurer;
    const Deck deck = every_layout();
    const Slide& slide = deck.slides[3];
    REQUIRE(build_steps(slide) == 2);
    const auto first = texts_of(compose_slide(deck, slide, 0, measurer).list);
    CHECK(std::ranges::find(first, std::string("Safe")) != first.end());
    CHECK(std::ranges::find(first, std::string("Risky")) == first.end());
    const auto both = texts_of(compose_slide(deck, slide, 1, measurer).list);
    CHECK(std::ranges::find(both, std::string("Risky")) != both.end());
}

TEST_CASE("slides without build have one step, and pictures are placed with their alt text") {
    test::FakeTextMeasurer measurer;
    const Deck deck = every_layout();
    CHECK(build_steps(deck.slides[0]) == 1);
    const ComposedSlide image = compose_slide(deck, deck.slides[4], 0, measurer);
    const auto picture = std::ranges::find_if(
        image.list.items, [](const DisplayItem& i) { return std::holds_alternative<Picture>(i); });
    REQUIRE(picture != image.list.items.end());
    CHECK(std::get<Picture>(*picture).alt.starts_with("A blue square"));
}

TEST_CASE("a join slide shows the address and room code when voting is on, and says so when it is off") {
    test::FakeTextMeasurer measurer;
    const Deck deck = every_layout();
    const Slide& join = deck.slides[7];
    const JoinDetails details{"http://10.0.0.5:8750/?room=K7QP", "K7QP", 0, {}};
    const auto on = texts_of(compose_slide(deck, join, 0, measurer, &details).list);
    CHECK(std::ranges::find(on, std::string("K7QP")) != on.end());
    const auto off = texts_of(compose_slide(deck, join, 0, measurer).list);
    CHECK(std::ranges::any_of(
        off, [](const std::string& t) { return t.find("show of hands") != std::string::npos; }));
}

TEST_CASE("poll options are labelled with letters beside their text") {
    test::FakeTextMeasurer measurer;
    const Deck deck = every_layout();
    const auto texts = texts_of(compose_slide(deck, deck.slides[8], 0, measurer).list);
    for (const char* label : {"A", "B", "C", "D"})
        CHECK(std::ranges::find(texts, std::string(label)) != texts.end());
    CHECK(std::ranges::find(texts, std::string("Neither")) != texts.end());
}

TEST_CASE("check_text_fits warns, at the crowded key, when text fits only below the legible size") {
    test::FakeTextMeasurer measurer;
    std::string deck_text =
        "[deck]\ntitle = \"T\"\n\n[[slides]]\nlayout = \"bullets\"\ntitle = \"Crowded\"\nbullets = [";
    std::string many_words;
    for (int word = 0; word < 60; ++word)
        many_words += "word ";
    for (int i = 0; i < 8; ++i)
        deck_text += "\"" + many_words + "\", ";
    deck_text += "]\n";
    DeckLoadResult result = load_deck_text(deck_text, "crowded.toml", ".");
    REQUIRE(result.ok());
    const std::vector<Diagnostic> warnings = check_text_fits(*result.deck, "crowded.toml", measurer);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].severity == Severity::Warning);
    CHECK(warnings[0].position == SourcePosition{7, 11});
    CHECK(warnings[0].message.starts_with("slide 1 text needs "));
    CHECK(warnings[0].message.ends_with(
        " px to fit, below the 28 px legible in a classroom; shorten the bullets or "
        "split the slide"));
}

TEST_CASE("a deck in a right-to-left language is mirrored: bullets on the right, columns swapped") {
    test::FakeTextMeasurer measurer;
    Deck deck = every_layout();
    const Deck left_to_right = deck;
    deck.info.language = "ur";
    const JoinDetails join{"http://192.168.1.20:8750/?room=K7QP", "K7QP", 21,
                           std::vector<std::uint8_t>(21 * 21, 1)};
    const auto x_of = [](const DisplayList& list, const std::string& text) {
        for (const DisplayItem& item : list.items)
            if (const auto* run = std::get_if<TextRun>(&item); run && run->text == text)
                return run->x;
        return -1.0f;
    };
    const DisplayList bullets = compose_slide(deck, deck.slides[2], 2, measurer).list;
    CHECK(x_of(bullets, "\u2022") > bullets.width / 2);
    const DisplayList columns = compose_slide(deck, deck.slides[3], 1, measurer).list;
    CHECK(x_of(columns, "Safe") > columns.width / 2); // the first column is read first: on the right
    CHECK(x_of(columns, "Risky") < columns.width / 2);
    CHECK(x_of(columns, "Risky") >= 0);
    // Every box and picture is where the left-to-right slide has it, mirrored; the join strip's QR code
    // (on the left now) is not flipped.
    for (std::size_t i = 0; i < deck.slides.size(); ++i) {
        CAPTURE(deck.slides[i].id);
        const DisplayList mirrored = compose_slide(deck, deck.slides[i], 99, measurer, &join).list;
        const DisplayList plain = compose_slide(left_to_right, deck.slides[i], 99, measurer, &join).list;
        const auto boxes_of = [](const DisplayList& list) {
            std::vector<Box> boxes;
            for (const DisplayItem& item : list.items) {
                const auto* box = std::get_if<FilledBox>(&item);
                const bool qr_module =
                    box && (box->colour == Colour{0, 0, 0, 255} || box->colour == Colour{255, 255, 255, 255});
                if (box && !qr_module)
                    boxes.push_back(box->box);
                if (const auto* picture = std::get_if<Picture>(&item))
                    boxes.push_back(picture->box);
            }
            return boxes;
        };
        const std::vector<Box> flipped = boxes_of(mirrored);
        const std::vector<Box> boxes = boxes_of(plain);
        REQUIRE(flipped.size() == boxes.size());
        for (std::size_t k = 0; k < boxes.size(); ++k) {
            CHECK(flipped[k].x == doctest::Approx(plain.width - boxes[k].x - boxes[k].w));
            CHECK(flipped[k].y == doctest::Approx(boxes[k].y));
        }
    }
}

TEST_CASE("check_text_fits checks each language alone and, for dual mode, each pair of them") {
    test::FakeTextMeasurer measurer;
    std::string long_polish;
    for (int word = 0; word < 300; ++word)
        long_polish += "słowo ";
    const std::string deck_text =
        "[deck]\ntitle = \"T\"\nlanguages = [\"en\", \"pl\"]\n\n[[slides]]\nlayout = "
        "\"bullets\"\ntitle = \"Tips\"\nbullets = [\"One\", \"Two\", \"Three\", \"Four\", "
        "\"Five\", \"Six\"]\n[slides.lang.pl]\ntitle = \"Wskazówki\"\nbullets = [\"" +
        long_polish + "\", \"" + long_polish + "\", \"" + long_polish + "\", \"" + long_polish + "\", \"" +
        long_polish + "\", \"" + long_polish + "\"]\n";
    DeckLoadResult result = load_deck_text(deck_text, "languages.toml", ".");
    REQUIRE(result.ok());
    const std::vector<Diagnostic> warnings = check_text_fits(*result.deck, "languages.toml", measurer);
    REQUIRE(warnings.size() == 3);
    CHECK(warnings[0].message.starts_with("slide 1 text in \"pl\" needs "));
    CHECK(warnings[1].message.starts_with("slide 1 text with \"pl\" beneath (--dual pl) needs "));
    CHECK(warnings[2].message.starts_with(
        "slide 1 text in \"pl\" with \"en\" beneath (--lang pl --dual en) needs "));
    for (const Diagnostic& warning : warnings)
        CHECK(warning.message.ends_with("shorten the bullets or split the slide"));
}

TEST_CASE("dual mode puts each paragraph's translation beneath it, and leaves out words not translated") {
    test::FakeTextMeasurer measurer;
    const std::string deck_text =
        "[deck]\ntitle = \"T\"\nlanguages = [\"en\", \"pl\"]\n\n[[slides]]\nlayout = \"bullets\"\ntitle = "
        "\"Tips\"\nbullets = [\"One\", \"Two\"]\n[slides.lang.pl]\nbullets = [\"Jeden\", \"Dwa\"]\n";
    DeckLoadResult result = load_deck_text(deck_text, "dual.toml", ".");
    REQUIRE(result.deck);
    const Deck& deck = *result.deck;
    const SecondLanguage second = second_language(deck.slides[0], "pl");
    const auto texts =
        texts_of(compose_slide(deck, deck.slides[0], 0, measurer, nullptr, nullptr, &second).list);
    const auto at = [&](const char* text) {
        return std::ranges::find(texts, std::string(text)) - texts.begin();
    };
    CHECK(at("One") < at("Jeden"));
    CHECK(at("Jeden") < at("Two"));
    CHECK(at("Two") < at("Dwa"));
    CHECK(std::ranges::count(texts, std::string("Tips")) == 1); // the title has no Polish: shown once
}
