#include "core/text/text_layout.h"
#include "fake_text_measurer.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

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

// The text of each line (runs joined), top to bottom.
std::vector<std::string> lines_of(const FittedText& fitted) {
    std::vector<std::string> lines;
    float y = -1;
    for (const TextRun& run : fitted.runs) {
        if (lines.empty() || run.y != y)
            lines.emplace_back();
        y = run.y;
        lines.back() += run.text;
    }
    return lines;
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
    block.paragraphs = {
        {.spans = parse_inline_markup("one two three four five six"), .bulleted = true, .hidden = false}};
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
    block.paragraphs = {{.spans = parse_inline_markup("shown"), .bulleted = true, .hidden = false},
                        {.spans = parse_inline_markup("hidden"), .bulleted = true, .hidden = true}};
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

TEST_CASE("kinsoku: a line never starts with 。 or ， and never ends with （") {
    test::FakeTextMeasurer measurer;
    // 20 px a character, 4 to a line: "你好世界" fills the first line, but "。" may not start the next, so
    // "界" goes down with it.
    CHECK(lines_of(set_text(block_of("你好世界。你好", {0, 0, 80, 1000}, 40), 40, measurer)) ==
          std::vector<std::string>{"你好世", "界。你好"});
    // "我们喜欢（" would fill a line of 5, but "（" may not end it.
    CHECK(lines_of(set_text(block_of("我们喜欢（学习）", {0, 0, 100, 1000}, 40), 40, measurer)) ==
          std::vector<std::string>{"我们喜欢", "（学习）"});
    CHECK(lines_of(set_text(block_of("你好，世界", {0, 0, 40, 1000}, 40), 40, measurer)) ==
          std::vector<std::string>{"你", "好，", "世界"});
}

TEST_CASE("a URL wraps after a slash, never inside a name") {
    test::FakeTextMeasurer measurer;
    // 10 px a character: 24 characters to a line.
    const FittedText fitted = set_text(
        block_of("Go to https://www.childline.org.uk/get-support/", {0, 0, 240, 1000}, 20), 20, measurer);
    CHECK(lines_of(fitted) ==
          std::vector<std::string>{"Go to https://", "www.childline.org.uk/", "get-support/"});
}

TEST_CASE("a soft hyphen shows a hyphen where the line breaks at it, and nothing elsewhere") {
    test::FakeTextMeasurer measurer;
    // 7 characters to a line: "big Ele-" would need 8, so "Ele-" goes on a line of its own.
    CHECK(lines_of(set_text(block_of("big Ele\u00ADphant", {0, 0, 140, 1000}, 40), 40, measurer)) ==
          std::vector<std::string>{"big", "Ele-", "phant"});
    CHECK(lines_of(set_text(block_of("big Ele\u00ADphant", {0, 0, 1000, 1000}, 40), 40, measurer)) ==
          std::vector<std::string>{"big Elephant"});
}

TEST_CASE("right to left: runs come out left to right on screen, brackets marked to be mirrored") {
    test::FakeTextMeasurer measurer;
    const FittedText fitted = set_text(block_of("مرحبا (world)", {0, 0, 1000, 100}, 20), 20, measurer);
    // On screen: "(world) ابحرم". The ")" is the leftmost glyph; alone it would read left to right, so it
    // carries a right-to-left mark and the renderer draws it mirrored, as "(".
    REQUIRE(fitted.runs.size() == 3);
    CHECK(fitted.runs[0].text == "\u200F)");
    CHECK(fitted.runs[1].text == "world");
    CHECK(fitted.runs[2].text == "مرحبا (");
    CHECK(fitted.runs[0].x == doctest::Approx(1000 - 13 * 10));
    CHECK(fitted.runs[1].follows_previous);
    CHECK(fitted.runs[2].x + 7 * 10 == doctest::Approx(1000));
}

TEST_CASE("right to left: an Urdu line with numbers keeps each number left to right, in its place") {
    test::FakeTextMeasurer measurer;
    // "کلاس 7 میں 30 بچے ہیں" (class 7 has 30 children): right to left, the numbers read left to right.
    const FittedText fitted =
        set_text(block_of("کلاس 7 میں 30 بچے ہیں", {0, 0, 1000, 100}, 20), 20, measurer);
    std::vector<std::string> texts;
    for (const TextRun& run : fitted.runs)
        texts.push_back(run.text);
    CHECK(texts == std::vector<std::string>{" بچے ہیں", "30", " میں ", "7", "کلاس "});
    for (std::size_t i = 1; i < fitted.runs.size(); ++i)
        CHECK(fitted.runs[i].x > fitted.runs[i - 1].x);
}

TEST_CASE("right to left: a deck's language makes every paragraph right to left, bullets on the right") {
    test::FakeTextMeasurer measurer;
    TextBlock block = block_of("", {0, 0, 1000, 1000}, 20);
    block.paragraphs = {{.spans = parse_inline_markup("iPhone پر"), .bulleted = true, .hidden = false}};
    block.direction = ParagraphDirection::RightToLeft;
    const FittedText fitted = set_text(block, 20, measurer);
    REQUIRE(fitted.runs.size() >= 2);
    CHECK(fitted.runs[0].text == "\u2022");
    CHECK(fitted.runs[0].x > 900);
    // "iPhone" is read first, so it is on the right, and "پر" on the left of it; the line ends at the indent.
    REQUIRE(fitted.runs.size() == 3);
    CHECK(fitted.runs[1].text.find("پر") != std::string::npos);
    CHECK(fitted.runs[2].text == "iPhone");
    CHECK(fitted.runs[2].x + 60 == doctest::Approx(1000 - 22));
    CHECK(reads_right_to_left(block.paragraphs[0], ParagraphDirection::RightToLeft));
    CHECK_FALSE(reads_right_to_left(block.paragraphs[0]));
}

TEST_CASE(
    "a second language's paragraph is smaller, in its own colour and direction, hanging under the bullet") {
    test::FakeTextMeasurer measurer;
    TextBlock block = block_of("", {0, 0, 1000, 1000}, 20);
    Paragraph second{.spans = parse_inline_markup("دو")};
    second.scale = 0.5f;
    second.hangs = true;
    second.colour = Colour{1, 2, 3, 255};
    second.direction = ParagraphDirection::RightToLeft;
    block.paragraphs = {{.spans = parse_inline_markup("two"), .bulleted = true}, second};
    const FittedText fitted = set_text(block, 20, measurer);
    const auto run = [&](std::string_view text) {
        const auto found =
            std::ranges::find_if(fitted.runs, [&](const TextRun& r) { return r.text.ends_with(text); });
        REQUIRE(found != fitted.runs.end());
        return *found;
    };
    CHECK(run("two").style.px == 20);
    CHECK(run("دو").style.px == 10);
    CHECK(run("دو").colour == Colour{1, 2, 3, 255});
    CHECK(run("two").colour == block.colour);
    // Right to left: its line ends at the right edge of the box, where the first paragraph's text starts at
    // the bullet's hang on the left.
    CHECK(run("دو").x + measurer.width_of("دو", run("دو").style) == doctest::Approx(1000));
    CHECK(run("two").x == doctest::Approx(22));
    CHECK(run("دو").y > run("two").y);
    CHECK(std::ranges::count(fitted.runs, std::string("\u2022"), &TextRun::text) == 1); // no second bullet
}
