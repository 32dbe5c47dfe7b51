// The room's texture budgets, from the screen's size, the deck's views and the largest view drawn so far
// (issue 22).
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
constexpr std::size_t mib = std::size_t{1} << 20;

} // namespace

TEST_CASE("a deck's views count every build step once") {
    CHECK(deck_view_count(deck_of(0, 0)) == 0);
    CHECK(deck_view_count(deck_of(12, 0)) == 12);
    CHECK(deck_view_count(deck_of(3, 5)) == 7); // the first slide's 5 bullets, one a step
}

TEST_CASE("room for four views as large as the largest drawn, and a quarter more") {
    const TextureBudgets budgets = texture_budgets(1920, 1080, 40, {3 * mib, 8 * mib});
    CHECK(budgets.text == 15 * mib);     // 4 x 3 MiB + 3 MiB
    CHECK(budgets.pictures == 40 * mib); // 4 x 8 MiB + 8 MiB: pictures may overlap
}

TEST_CASE("before a view is drawn, and for small views, the text floor and four screens of pictures") {
    const TextureBudgets none = texture_budgets(1920, 1080, 40, {});
    CHECK(none.text == text_budget_floor_bytes);
    CHECK(none.pictures == 4 * full_hd_bytes); // the views ahead keep their pictures, however large
    const TextureBudgets small = texture_budgets(1920, 1080, 40, {100'000, 100'000});
    CHECK(small.text == text_budget_floor_bytes);
    CHECK(small.pictures == 4 * full_hd_bytes);
    CHECK(texture_budgets(320, 240, 40, {}).pictures == picture_budget_floor_bytes);
}

TEST_CASE("text never more than four screens; pictures never more than the ceiling") {
    const TextureBudgets huge = texture_budgets(1920, 1080, 40, {full_hd_bytes * 3, 200 * mib});
    CHECK(huge.text == 4 * full_hd_bytes); // 31.6 MiB: the fixed 64 MiB it replaced was twice that
    CHECK(huge.pictures == picture_budget_ceiling_bytes);
    CHECK(texture_budgets(1280, 720, 40, {full_hd_bytes, 0}).text == std::size_t{1280} * 720 * 4 * 4);
}

TEST_CASE("a deck of fewer views than four keeps only as many") {
    CHECK(texture_budgets(1920, 1080, 2, {4 * mib, 8 * mib}).text == 10 * mib);     // 2 x 4 + 2
    CHECK(texture_budgets(1920, 1080, 2, {4 * mib, 8 * mib}).pictures == 20 * mib); // 2 x 8 + 4
    CHECK(texture_budgets(1920, 1080, 0, {4 * mib, 0}).text == 5 * mib);            // an empty deck: one view
}

TEST_CASE("never below the floor, whatever the screen says") {
    CHECK(texture_budgets(0, 0, 0, {mib * 50, 0}).text == text_budget_floor_bytes);
    CHECK(texture_budgets(-5, 100, 3, {mib, 0}).text == text_budget_floor_bytes);
}

TEST_CASE("the largest view is the larger of each kind") {
    CHECK(largest_of({5, 1}, {2, 9}) == ViewTextureBytes{5, 9});
}
