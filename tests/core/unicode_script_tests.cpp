#include "core/text/unicode_script.h"
#include "core/text/utf8.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace lectern;

namespace {

std::vector<std::string> tags_of(const char* utf8) {
    std::vector<std::string> tags;
    for (const Script script : resolve_scripts(decode_utf8(utf8)))
        tags.push_back(script.tag());
    return tags;
}

} // namespace

TEST_CASE("unicode script: letters get their script from HarfBuzz, as four-letter codes") {
    CHECK(script_of(U'a').tag() == "Latn");
    CHECK(script_of(U'ł').tag() == "Latn");
    CHECK(script_of(U'中').tag() == "Hani");
    CHECK(script_of(U'の').tag() == "Hira");
    CHECK(script_of(U'テ').tag() == "Kana");
    CHECK(script_of(U'한').tag() == "Hang");
    CHECK(script_of(U'ے').tag() == "Arab");
    CHECK(script_of(0xFEFB).tag() == "Arab"); // presentation form of lam-alef
    CHECK(script_of(U'ש').tag() == "Hebr");
    CHECK(script_of(U'ਸ').tag() == "Guru");
    CHECK(script_of(U'হ').tag() == "Beng");
    CHECK(script_of(U'ሰ').tag() == "Ethi"); // Tigrinya
    CHECK(script_of(U'،') == common_script);
    CHECK(script_of(0x064E) == inherited_script); // fatha
    CHECK(script_of(0x20000).tag() == "Hani");
    CHECK(Script::of_code("Latn") == script_of(U'z'));
    CHECK(is_right_to_left(script_of(U'ے')));
    CHECK(is_right_to_left(script_of(U'ש')));
    CHECK_FALSE(is_right_to_left(script_of(U'中')));
    CHECK(is_chinese_or_japanese(script_of(U'の')));
    CHECK_FALSE(is_chinese_or_japanese(script_of(U'한')));
    CHECK(is_default_ignorable(0x200D));
    CHECK(is_default_ignorable(0x00AD));
    CHECK_FALSE(is_default_ignorable(U'a'));
    CHECK(is_white_space(0x3000));
    CHECK_FALSE(is_white_space(0x00A0 + 1));
}

TEST_CASE("unicode script: marks, spaces, digits and punctuation take the script of their neighbours") {
    // A virama and a vowel sign are Inherited; they stay with their Bengali letters.
    CHECK(tags_of("হ্যা") == std::vector<std::string>(4, "Beng"));
    // Leading punctuation takes the first letter's script; spaces and digits the script before them.
    CHECK(tags_of("«Hi 12 שלום»") == std::vector<std::string>{"Latn", "Latn", "Latn", "Latn", "Latn", "Latn",
                                                              "Latn", "Hebr", "Hebr", "Hebr", "Hebr",
                                                              "Hebr"});
    // A closing bracket takes the script of its opening one, not of the word before it.
    CHECK(tags_of("a (ש) b") ==
          std::vector<std::string>{"Latn", "Latn", "Latn", "Hebr", "Latn", "Latn", "Latn"});
    CHECK(tags_of("123 !") == std::vector<std::string>(5, "Zyyy"));
    CHECK(resolve_scripts(U"").empty());
}
