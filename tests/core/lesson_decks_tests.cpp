// The QZone and QQ lessons Lectern ships: what each deck must contain, and that every point of the
// source guidance is covered by slides that exist (tests/guidance/coverage.toml).
#include "lesson_decks.h"

#include <toml++/toml.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

using namespace lectern;
using test::load_shipped;
using test::words_in;

namespace {

std::size_t count_layout(const Deck& deck, SlideLayout layout) {
    return static_cast<std::size_t>(
        std::ranges::count_if(deck.slides, [layout](const Slide& s) { return s.layout == layout; }));
}

// Readable from the back of a hall: at most 6 bullets a slide and about 12 words a bullet.
void check_readable(const Deck& deck) {
    for (const Slide& slide : deck.slides) {
        CAPTURE(slide.id);
        CHECK(slide.bullets.size() <= 6);
        for (const std::string& bullet : slide.bullets)
            CHECK(words_in(bullet) <= 14);
        for (const Column* column : {&slide.left, &slide.right}) {
            CHECK(column->bullets.size() <= 6);
            for (const std::string& bullet : column->bullets)
                CHECK(words_in(bullet) <= 14);
        }
    }
}

void check_every_slide_has_notes(const Deck& deck) {
    for (const Slide& slide : deck.slides) {
        CAPTURE(slide.id);
        CHECK(words_in(slide.notes) >= 25);
    }
}

// Interactive slides need the room to have joined first.
void check_join_comes_first(const Deck& deck) {
    const auto first_interactive =
        std::ranges::find_if(deck.slides, [](const Slide& s) { return is_interactive(s.layout); });
    REQUIRE(first_interactive != deck.slides.end());
    const auto join =
        std::ranges::find_if(deck.slides, [](const Slide& s) { return s.layout == SlideLayout::Join; });
    CHECK(join < first_interactive);
}

std::set<std::string> ids_of(const Deck& deck) {
    std::set<std::string> ids;
    for (const Slide& slide : deck.slides)
        ids.insert(slide.id);
    return ids;
}

// The "• " bullets of the guidance, without the bullet mark.
std::vector<std::string> guidance_bullets(const std::string& guidance) {
    std::vector<std::string> bullets;
    for (const std::string& line : test::lines_of(guidance)) {
        if (line.starts_with("\u2022 "))
            bullets.push_back(line.substr(std::string("\u2022 ").size()));
    }
    return bullets;
}

} // namespace

TEST_CASE("the pupils' deck: 20 to 32 slides, every kind of question, a join slide first, notes everywhere") {
    const Deck deck = load_shipped("qzone-pupils.toml");
    CHECK(deck.slides.size() >= 20);
    CHECK(deck.slides.size() <= 32); // three parts, each with a section slide, between objectives and summary
    CHECK(count_layout(deck, SlideLayout::Poll) >= 4);
    CHECK(count_layout(deck, SlideLayout::Quiz) >= 4);
    CHECK(count_layout(deck, SlideLayout::Scale) >= 1);
    CHECK(count_layout(deck, SlideLayout::Words) >= 1);
    for (const Slide& slide : deck.slides) {
        if (slide.layout == SlideLayout::Quiz)
            CHECK_MESSAGE(!slide.question->explain.empty(), slide.id << " explains its answer");
    }
    check_join_comes_first(deck);
    check_every_slide_has_notes(deck);
    check_readable(deck);
    CHECK(deck.info.language == "en-GB");
    REQUIRE(deck.info.duration_minutes);
    CHECK(*deck.info.duration_minutes >= static_cast<int>(deck.slides.size()));
    CHECK(ids_of(deck).contains("get-help"));
    CHECK(count_layout(deck, SlideLayout::Section) >= 3);
    // Learning objectives near the start, and a summary of the same objectives near the end.
    REQUIRE(ids_of(deck).contains("objectives"));
    REQUIRE(ids_of(deck).contains("summary"));
    const auto position = [&](std::string_view id) {
        return std::ranges::find_if(deck.slides, [&](const Slide& s) { return s.id == id; }) -
               deck.slides.begin();
    };
    CHECK(position("objectives") < 4);
    CHECK(position("summary") >= static_cast<std::ptrdiff_t>(deck.slides.size()) - 4);
}

TEST_CASE("the parents' deck: 15 to 25 slides, polls and a scale after a join slide, notes everywhere") {
    const Deck deck = load_shipped("qzone-parents.toml");
    CHECK(deck.slides.size() >= 15);
    CHECK(deck.slides.size() <= 25);
    CHECK(count_layout(deck, SlideLayout::Poll) >= 2);
    CHECK(count_layout(deck, SlideLayout::Scale) >= 1);
    check_join_comes_first(deck);
    check_every_slide_has_notes(deck);
    check_readable(deck);
    REQUIRE(deck.info.duration_minutes);
}

TEST_CASE("the corridor deck: 8 to 12 slides on a kiosk loop, each with its own time, nothing to vote on") {
    const Deck deck = load_shipped("qzone-corridor.toml");
    CHECK(deck.slides.size() >= 8);
    CHECK(deck.slides.size() <= 12);
    REQUIRE(deck.kiosk);
    CHECK(deck.kiosk->loop);
    for (const Slide& slide : deck.slides) {
        CAPTURE(slide.id);
        CHECK(slide.seconds.has_value());
        CHECK_FALSE(is_interactive(slide.layout));
    }
    check_readable(deck);
}

TEST_CASE(
    "the assembly: 12 to 15 slides in a hall, planned slide by slide to 20 minutes, answered by hands") {
    const Deck deck = load_shipped("qzone-assembly.toml");
    CHECK(deck.slides.size() >= 12);
    CHECK(deck.slides.size() <= 15);
    CHECK(deck.info.room == Room::Hall);
    REQUIRE(deck.info.duration_minutes);
    CHECK(*deck.info.duration_minutes == 20);
    // Each slide's `seconds` is its planned time, and its notes open with the same plan.
    double planned_seconds = 0;
    for (const Slide& slide : deck.slides) {
        CAPTURE(slide.id);
        REQUIRE(slide.seconds.has_value());
        planned_seconds += *slide.seconds;
        REQUIRE(slide.notes.starts_with("**About "));
        std::istringstream said(slide.notes.substr(std::string("**About ").size()));
        double amount = 0;
        std::string unit;
        said >> amount >> unit;
        CHECK(amount * (unit.starts_with("minute") ? 60 : 1) == doctest::Approx(*slide.seconds));
        CHECK(words_in(slide.notes) >= 25);
    }
    CHECK(planned_seconds >= 0.9 * 20 * 60);
    CHECK(planned_seconds <= 1.1 * 20 * 60);
    // One poll and one quiz, each with few short options a hall can answer by raising hands.
    CHECK(count_layout(deck, SlideLayout::Poll) == 1);
    CHECK(count_layout(deck, SlideLayout::Quiz) == 1);
    for (const Slide& slide : deck.slides) {
        if (slide.question && !slide.question->options.empty()) {
            CAPTURE(slide.id);
            CHECK(slide.question->options.size() <= 4);
        }
    }
    for (const char* id : {"objectives", "warning-signs", "leave-and-tell", "get-help", "summary"})
        CHECK_MESSAGE(ids_of(deck).contains(id), id);
    check_readable(deck);
}

TEST_CASE("the corridor loop shows the Childline help card twice, large, about half a loop apart") {
    const Deck deck = load_shipped("qzone-corridor.toml");
    double loop_seconds = 0;
    std::vector<double> help_starts;
    for (const Slide& slide : deck.slides) {
        // In the title, the largest text of the slide.
        if (slide.title.find("0800\u00A01111") != std::string::npos)
            help_starts.push_back(loop_seconds);
        loop_seconds += deck.seconds_for(slide);
    }
    REQUIRE(help_starts.size() == 2);
    const double gap = help_starts[1] - help_starts[0];
    CHECK(gap >= 0.4 * loop_seconds);
    CHECK(gap <= 0.6 * loop_seconds);
}

TEST_CASE("every image in the lessons has alt text of a few words") {
    for (const char* name : test::lesson_deck_names) {
        for (const Slide& slide : load_shipped(name).slides) {
            if (slide.image) {
                CAPTURE(slide.id);
                CHECK(words_in(slide.image->alt) >= 4);
            }
        }
    }
}

TEST_CASE("the guidance copy in tests/guidance matches the shared source, when it is beside the checkout") {
    const auto shared = test::source_dir().parent_path() / "shared/source/qzone-guidance.txt";
    if (!std::filesystem::exists(shared)) {
        MESSAGE("../shared/source/qzone-guidance.txt is not beside this checkout; skipped");
        return;
    }
    CHECK(test::read_text(shared) ==
          test::read_text(test::source_dir() / "tests/guidance/qzone-guidance.txt"));
}

TEST_CASE("every point of the guidance is covered by slides that exist") {
    const std::string guidance = test::read_text(test::source_dir() / "tests/guidance/qzone-guidance.txt");
    const toml::table map = toml::parse_file((test::source_dir() / "tests/guidance/coverage.toml").string());
    const std::map<std::string, std::set<std::string>> deck_ids{
        {"pupils", ids_of(load_shipped("qzone-pupils.toml"))},
        {"parents", ids_of(load_shipped("qzone-parents.toml"))},
        {"corridor", ids_of(load_shipped("qzone-corridor.toml"))},
        {"assembly", ids_of(load_shipped("qzone-assembly.toml"))},
    };

    std::vector<std::string> sources;
    const toml::array* points = map["point"].as_array();
    REQUIRE(points);
    for (const toml::node& node : *points) {
        const toml::table& point = *node.as_table();
        const std::string source = point["source"].value_or(std::string());
        CAPTURE(source);
        CHECK_MESSAGE(guidance.find(source) != std::string::npos,
                      "source is quoted exactly from the guidance");
        std::size_t covering = 0;
        for (const auto& [deck, ids] : deck_ids) {
            const toml::array* listed = point[deck].as_array();
            REQUIRE_MESSAGE(listed, "the point lists " << deck << " slides (or [])");
            for (const toml::node& id : *listed) {
                CHECK_MESSAGE(ids.contains(id.value_or(std::string())),
                              "slide id " << id.value_or(std::string()) << " exists in the " << deck
                                          << " deck");
                ++covering;
            }
        }
        CHECK_MESSAGE(covering > 0, "the point is covered by at least one slide");
        sources.push_back(source);
    }

    const std::vector<std::string> bullets = guidance_bullets(guidance);
    CHECK(bullets.size() >= 25);
    for (const std::string& bullet : bullets) {
        CAPTURE(bullet);
        CHECK(std::ranges::any_of(sources, [&](const std::string& s) { return bullet.starts_with(s); }));
    }
}
