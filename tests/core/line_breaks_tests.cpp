#include "core/text/line_breaks.h"
#include "core/text/utf8.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace lectern;

namespace {

// The text split at every place a line may end.
std::vector<std::string> pieces(const char* utf8) {
    const std::u32string text = decode_utf8(utf8);
    const std::vector<LineBreak> breaks = line_breaks(text);
    std::vector<std::string> out(1);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i > 0 && breaks[i] != LineBreak::Prohibited)
            out.emplace_back();
        append_utf8(out.back(), text[i]);
    }
    return out;
}

} // namespace

TEST_CASE("line breaks: after spaces, keeping the spaces on the line before") {
    CHECK(pieces("Think before you post") == std::vector<std::string>{"Think ", "before ", "you ", "post"});
    CHECK(line_breaks(U"").size() == 1);
    CHECK(line_breaks(U"a\nb")[2] == LineBreak::Mandatory);
}

TEST_CASE("line breaks: kinsoku: no line starts with closing punctuation or ends with opening") {
    // 。，） and 」 stay with the character before them; （ and 「 with the one after.
    CHECK(pieces("你好。世界，（朋友）「好」") ==
          std::vector<std::string>{"你", "好。", "世", "界，", "（朋", "友）", "「好」"});
    // Small kana do not start a line either (UAX #14's default: class CJ as NS).
    CHECK(pieces("ちょっと") == std::vector<std::string>{"ちょっ", "と"});
}

TEST_CASE("line breaks: a URL breaks after a slash, never inside a name or before punctuation") {
    CHECK(pieces("https://www.childline.org.uk/get-support/") ==
          std::vector<std::string>{"https://", "www.childline.org.uk/", "get-", "support/"});
}

TEST_CASE("line breaks: a soft hyphen is a place to break") {
    CHECK(pieces("Ele\u00ADphant") == std::vector<std::string>{"Ele\u00AD", "phant"});
}

TEST_CASE("line breaks: Thai words come from ICU's dictionary, although Thai has no spaces") {
    // "สวัสดีครับ" is two words: hello + polite particle.
    CHECK(pieces("สวัสดีครับ") == std::vector<std::string>{"สวัสดี", "ครับ"});
}

TEST_CASE("line breaks: grapheme clusters keep a letter with its marks and a conjunct together") {
    const std::u32string text = decode_utf8("হ্যালো");
    const std::vector<bool> starts = grapheme_starts(text);
    REQUIRE(starts.size() == text.size() + 1);
    CHECK(starts[0]);
    CHECK_FALSE(starts[1]); // the virama joins the letter before it
    CHECK(starts[text.size()]);
}
