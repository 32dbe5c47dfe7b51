#include "core/text/text_layout.h"
#include "fake_text_measurer.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace lectern;

namespace {

TextBlock block_of(std::string_view text, Box box, float px) {
    TextBlock block;
    block.paragraphs = paragraphs_of(text);
    block.box = box;
    block.base.px = px;
    block.legible_px = 28;
    return block;
}

float right_edge(const TextRun& run, float px) {
    return run.x + static_cast<float>(run.text.size()) * px * 0.5f;
}

} // namespace

TEST_CASE("text that fits keeps its size and its runs stay inside the box") {
    test::FakeTextMeasurer measurer;
    const FittedText fitted = fit_text(block_of("Think before you post", {100, 50, 1000, 200}, 40), measurer);
    CHECK(fitted.px == 40);
    CHECK(fitted.legible);
    REQUIRE(fitted.runs.size() == 1);
    CHECK(fitted.runs[0].x == 100);
    CHECK(fitted.runs[0].y == 50);
    CHECK(fitted.height == doctest::Approx(50));
}

TEST_CASE("lines break at spaces, never inside a word that fits") {
    test::FakeTextMeasurer measurer;
    // 20 px per character: "aaaa bbbb cccc" is 280 wide, the box 200.
    const FittedText fitted = set_text(block_of("aaaa bbbb cccc", {0, 0, 200, 1000}, 40), 40, measurer);
    REQUIRE(fitted.runs.size() == 2);
    CHECK(fitted.runs[0].text == "aaaa bbbb");
    CHECK(fitted.runs[1].text == "cccc");
    CHECK(fitted.runs[1].y == doctest::Approx(50));
    for (const TextRun& run : fitted.runs)
        CHECK(right_edge(run, 40) <= 200);
}

TEST_CASE("text too big for its box shrinks until it fits, and says when that is below legible") {
    test::FakeTextMeasurer measurer;
    const std::string long_text(400, 'x');
    const FittedText small =
        fit_text(block_of("a few words that need to wrap over lines", {0, 0, 400, 130}, 60), measurer);
    CHECK(small.px < 60);
    CHECK(small.height <= 130);
    CHECK(small.legible);

    const FittedText tiny = fit_text(
        block_of("so many words " + std::string(40, 'w') + " in a very small box here", {0, 0, 300, 60}, 60),
        measurer);
    CHECK(tiny.px < 28);
    CHECK_FALSE(tiny.legible);
}

TEST_CASE("a word wider than the box is broken between characters rather than cut off") {
    test::FakeTextMeasurer measurer;
    const FittedText fitted = set_text(block_of("abcdefghij", {0, 0, 100, 1000}, 40), 40, measurer);
    REQUIRE(fitted.runs.size() == 2);
    CHECK(fitted.runs[0].text == "abcde");
    CHECK(fitted.runs[1].text == "fghij");
}

TEST_CASE("Chinese text breaks between characters") {
    test::FakeTextMeasurer measurer;
    const FittedText fitted = set_text(block_of("你好世界你好世界", {0, 0, 80, 1000}, 40), 40, measurer);
    REQUIRE(fitted.runs.size() == 2);
    CHECK(fitted.runs[0].text == "你好世界");
}

TEST_CASE("bullets hang: the mark at the left edge, the text indented, wrapped lines aligned with the text") {
    test::FakeTextMeasurer measurer;
    TextBlock block = block_of("", {0, 0, 150, 1000}, 20);
    block.paragraphs = {{parse_inline_markup("one two three four five six"), true, false}};
    const FittedText fitted = set_text(block, 20, measurer);
    REQUIRE(fitted.runs.size() >= 3);
    CHECK(fitted.runs[0].text == "\u2022");
    CHECK(fitted.runs[0].x == 0);
    CHECK(fitted.runs[1].x == 22);
    CHECK(fitted.runs[2].x == 22);
}

TEST_CASE("hidden paragraphs keep their space but draw nothing") {
    test::FakeTextMeasurer measurer;
    TextBlock block = block_of("", {0, 0, 1000, 1000}, 20);
    block.paragraphs = {{parse_inline_markup("shown"), true, false},
                        {parse_inline_markup("hidden"), true, true}};
    const FittedText fitted = set_text(block, 20, measurer);
    CHECK(std::ranges::none_of(fitted.runs, [](const TextRun& r) { return r.text == "hidden"; }));
    CHECK(fitted.height > 25 * 2 - 1);
}

TEST_CASE("bold spans are their own runs, placed after the plain text before them") {
    test::FakeTextMeasurer measurer;
    const FittedText fitted = set_text(block_of("keep **it** safe", {0, 0, 1000, 100}, 20), 20, measurer);
    REQUIRE(fitted.runs.size() == 3);
    CHECK(fitted.runs[1].text == "it");
    CHECK(fitted.runs[1].style.bold);
    CHECK(fitted.runs[1].x == doctest::Approx(50));
    CHECK(fitted.runs[2].x == doctest::Approx(50 + 24));
}

TEST_CASE("right-to-left paragraphs align to the right") {
    test::FakeTextMeasurer measurer;
    const FittedText fitted = set_text(block_of("مرحبا", {0, 0, 1000, 100}, 20), 20, measurer);
    REQUIRE(fitted.runs.size() == 1);
    CHECK(fitted.runs[0].x == doctest::Approx(1000 - 50));
    CHECK(reads_right_to_left(paragraphs_of("مرحبا world")[0]));
    CHECK_FALSE(reads_right_to_left(paragraphs_of("Hello مرحبا")[0]));
}

TEST_CASE("centred and middle-aligned text sits in the middle of its box") {
    test::FakeTextMeasurer measurer;
    TextBlock block = block_of("abcd", {0, 0, 1000, 500}, 20);
    block.align = TextAlign::Centre;
    block.vertical = VerticalAlign::Middle;
    const FittedText fitted = set_text(block, 20, measurer);
    CHECK(fitted.runs[0].x == doctest::Approx(480));
    CHECK(fitted.runs[0].y == doctest::Approx(237.5));
}
