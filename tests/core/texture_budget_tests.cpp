// The room's text texture budget, from the screen's size and the deck's views (issue 22).
#include "core/show/texture_budget.h"

#include <doctest/doctest.h>

using namespace lectern;

namespace {

Deck deck_of(std::size_t slides, std::size_t built_bullets) {
    Deck deck;
    for (std::size_t i = 0; i < slides; ++i) {
        Slide slide;
        slide.id = "s" + std::to_string(i);
        deck.slides.push_back(slide);
    }
    if (built_bullets > 0 && !deck.slides.empty()) {
        Slide& built = deck.slides.front();
        built.layout = SlideLayout::Bullets;
        built.build = true;
        built.bullets.resize(built_bullets);
    }
    return deck;
}

constexpr std::size_t full_hd_bytes = std::size_t{1920} * 1080 * 4;

} // namespace

TEST_CASE("a deck's views count every build step once") {
    CHECK(deck_view_count(deck_of(0, 0)) == 0);
    CHECK(deck_view_count(deck_of(12, 0)) == 12);
    CHECK(deck_view_count(deck_of(3, 5)) == 7); // the first slide's 5 bullets, one a step
}

TEST_CASE("the budget is four screens at most: the slide shown, before, after and its next step") {
    CHECK(text_texture_budget_bytes(1920, 1080, 12) == 4 * full_hd_bytes);
    CHECK(text_texture_budget_bytes(1920, 1080, 1000) == 4 * full_hd_bytes);
    CHECK(text_texture_budget_bytes(1920, 1080, 4) == 4 * full_hd_bytes);
    CHECK(4 * full_hd_bytes < (std::size_t{64} << 20)); // below the fixed budget it replaces
}

TEST_CASE("a smaller screen or a deck of fewer views keeps less") {
    CHECK(text_texture_budget_bytes(1920, 1080, 2) == 2 * full_hd_bytes);
    CHECK(text_texture_budget_bytes(1280, 720, 12) == std::size_t{1280} * 720 * 4 * 4);
    CHECK(text_texture_budget_bytes(3840, 2160, 12) == 4 * full_hd_bytes * 4); // 4K: four times HD
}

TEST_CASE("never below the floor, whatever the screen or deck says") {
    CHECK(text_texture_budget_bytes(0, 0, 0) == text_budget_floor_bytes);
    CHECK(text_texture_budget_bytes(-5, 100, 3) == text_budget_floor_bytes);
    CHECK(text_texture_budget_bytes(320, 240, 0) == text_budget_floor_bytes);
    CHECK(text_texture_budget_bytes(1920, 1080, 0) == full_hd_bytes); // an empty deck keeps one screen
}
