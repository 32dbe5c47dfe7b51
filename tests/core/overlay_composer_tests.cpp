#include "core/compose/overlay_composer.h"
#include "fake_text_measurer.h"

#include <doctest/doctest.h>

#include <string>
#include <variant>

using namespace lectern;

namespace {

std::string text_of(const DisplayList& list) {
    std::string text;
    for (const DisplayItem& item : list.items) {
        if (const auto* run = std::get_if<TextRun>(&item))
            text += (text.empty() || run->follows_previous ? "" : " ") + run->text;
    }
    return text;
}

} // namespace

TEST_CASE("the hint says what the next press does: quit first, then the slide number being typed") {
    CHECK(overlay_hint(true, "12", "Esc", "Enter") == "Press Esc again to quit");
    CHECK(overlay_hint(false, "12", "Esc", "Enter") == "Go to slide 12 (Enter)");
    CHECK(overlay_hint(false, "", "Esc", "Enter").empty());
}

TEST_CASE("nothing is drawn over the slide without a hint or a badge") {
    test::FakeTextMeasurer measurer;
    CHECK_FALSE(compose_overlay({}, Aspect::Wide16x9, measurer));
}

TEST_CASE("a hint is white text on a dark box near the bottom right of the slide") {
    test::FakeTextMeasurer measurer;
    const std::optional<DisplayList> list =
        compose_overlay({"Press Esc again to quit", false}, Aspect::Standard4x3, measurer);
    REQUIRE(list);
    CHECK(list->width == 1440);
    CHECK(list->height == 1080);
    const auto* box = std::get_if<FilledBox>(&list->items.front());
    REQUIRE(box);
    CHECK(box->box.x == 1440 - 760);
    CHECK(box->box.y == 1080 - 110);
    CHECK(box->box.w == 720);
    CHECK(box->box.h == 70);
    CHECK(box->colour.a == 200);
    CHECK(text_of(*list) == "Press Esc again to quit");
    for (const DisplayItem& item : list->items) {
        if (const auto* run = std::get_if<TextRun>(&item)) {
            CHECK(run->colour.r == 255);
            CHECK(run->y >= box->box.y);
            CHECK(run->y < box->box.y + box->box.h);
        }
    }
}

TEST_CASE("a kiosk's problem badge is an amber disc with a \"!\" in the corner, and a hint wins over it") {
    test::FakeTextMeasurer measurer;
    const std::optional<DisplayList> badge = compose_overlay({"", true}, Aspect::Wide16x9, measurer);
    REQUIRE(badge);
    const auto* disc = std::get_if<FilledBox>(&badge->items.front());
    REQUIRE(disc);
    CHECK(disc->box.x == 1920 - 64);
    CHECK(disc->box.y == 1080 - 64);
    CHECK(disc->colour.r == 230);
    CHECK(disc->corner_radius == 20);
    CHECK(text_of(*badge) == "!");

    const std::optional<DisplayList> hint =
        compose_overlay({"Go to slide 3 (Enter)", true}, Aspect::Wide16x9, measurer);
    REQUIRE(hint);
    CHECK(text_of(*hint) == "Go to slide 3 (Enter)");
}
