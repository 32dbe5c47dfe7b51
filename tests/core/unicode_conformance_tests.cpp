// The Unicode conformance files of Debian's unicode-data package (Unicode 15.0), run against our own text
// path: BidiTest.txt and BidiCharacterTest.txt through bidi_levels.h (levels and visual order),
// LineBreakTest.txt through line_breaks.h, Scripts.txt through unicode_script.h. Each prints its pass
// rate. Every case that fails is listed with its reason where its file is run: a failure not listed, or a
// listed case that now passes, fails the test, so the list and the rates in the README stay true.
// A test executable of its own (unicode_conformance_tests), built optimised and run with short allocation
// stacks under AddressSanitizer: FriBidi allocates for every one of BidiTest's 770,241 cases, and ASan's
// stack trace per allocation would make the run a minute long instead of seconds.
#include "core/text/bidi_levels.h"
#include "core/text/line_breaks.h"
#include "core/text/unicode_script.h"
#include "test_files.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

using namespace lectern;

namespace {

const std::filesystem::path unicode_data = "/usr/share/unicode";

struct KnownFailures {
    std::string_view reason;
    std::vector<int> lines; // line numbers in the file
};

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t at = 0; at <= text.size(); ++at) {
        if (at == text.size() || text[at] == separator) {
            parts.push_back(text.substr(start, at - start));
            start = at + 1;
        }
    }
    return parts;
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
        text.remove_suffix(1);
    return text;
}

// Space-separated numbers in `base`; "x" (a character rule X9 removes) becomes -1.
std::vector<int> numbers_of(std::string_view text, int base = 10) {
    std::vector<int> numbers;
    for (std::string_view word : split(trimmed(text), ' ')) {
        word = trimmed(word);
        if (word.empty())
            continue;
        int value = -1;
        if (word != "x")
            std::from_chars(word.data(), word.data() + word.size(), value, base);
        numbers.push_back(value);
    }
    return numbers;
}

// The levels and visual order our wrapper gives, in the files' terms: levels of characters rule X9 removes
// are not compared, and those characters are left out of the order.
bool bidi_matches(const std::u32string& text, ParagraphDirection direction, const std::vector<int>& levels,
                  const std::vector<int>& order, int paragraph_level = -1) {
    const BidiParagraph paragraph = resolve_bidi_paragraph(text, direction);
    if (paragraph_level >= 0 && (paragraph.direction == TextDirection::RightToLeft) != (paragraph_level == 1))
        return false;
    const BidiLine line = reorder_bidi_line(text, paragraph.levels, paragraph.direction);
    for (std::size_t i = 0; i < text.size(); ++i)
        if (levels[i] >= 0 && line.levels[i] != levels[i])
            return false;
    std::vector<int> shown;
    for (const std::size_t i : line.visual_order)
        if (levels[i] >= 0)
            shown.push_back(static_cast<int>(i));
    return shown == order;
}

// Cases run and the lines of those that failed.
struct Tally {
    int cases = 0;
    int failed = 0;
    std::set<int> failing_lines;

    void count(bool passed, std::size_t line_index) {
        ++cases;
        if (!passed) {
            ++failed;
            failing_lines.insert(static_cast<int>(line_index + 1));
        }
    }
};

// Calls `each(line, index)` for every line of a Unicode data file with its comment cut off, empty ones
// left out.
template <typename Each>
void for_each_data_line(const std::filesystem::path& file, Each each) {
    const std::vector<std::string> lines = test::lines_of(test::read_text(file));
    REQUIRE_FALSE(lines.empty());
    for (std::size_t n = 0; n < lines.size(); ++n) {
        const std::string_view line = trimmed(std::string_view(lines[n]).substr(0, lines[n].find('#')));
        if (!line.empty())
            each(line, n);
    }
}

// Checks the failing lines against the known ones and prints the pass rate.
void report(std::string_view file, const Tally& tally, const std::vector<KnownFailures>& known) {
    const int cases = tally.cases;
    const int failed = tally.failed;
    const std::set<int>& failing = tally.failing_lines;
    std::set<int> listed;
    for (const KnownFailures& group : known)
        listed.insert(group.lines.begin(), group.lines.end());
    for (const int line : failing) {
        CAPTURE(line);
        CHECK_MESSAGE(listed.count(line) == 1, file, ":", line, " fails and is not a known failure");
    }
    for (const int line : listed) {
        CAPTURE(line);
        CHECK_MESSAGE(failing.count(line) == 1, file, ":", line, " passes now: take it off the known list");
    }
    const double rate = cases == 0 ? 0 : 100.0 * (cases - failed) / cases;
    std::printf("%.*s: %d of %d cases pass (%.3f%%); failing lines: %zu\n", static_cast<int>(file.size()),
                file.data(), cases - failed, cases, rate, failing.size());
    MESSAGE(file, ": ", cases - failed, " of ", cases, " cases pass");
    CHECK(cases > 0);
}

// Representative characters of each bidi class, for BidiTest.txt's inputs (given as classes).
std::map<std::string_view, char32_t> bidi_class_examples() {
    return {{"L", U'a'},        {"R", U'\u05D0'},   {"AL", U'\u0627'},  {"EN", U'1'},
            {"ES", U'+'},       {"ET", U'$'},       {"AN", U'\u0660'},  {"CS", U','},
            {"NSM", U'\u0300'}, {"BN", U'\u00AD'},  {"B", U'\u2029'},   {"S", U'\t'},
            {"WS", U' '},       {"ON", U'!'},       {"LRE", U'\u202A'}, {"LRO", U'\u202D'},
            {"RLE", U'\u202B'}, {"RLO", U'\u202E'}, {"PDF", U'\u202C'}, {"LRI", U'\u2066'},
            {"RLI", U'\u2067'}, {"FSI", U'\u2068'}, {"PDI", U'\u2069'}};
}

} // namespace

TEST_CASE("conformance: BidiTest.txt through our bidi wrapper") {
    const auto examples = bidi_class_examples();
    std::vector<int> levels;
    std::vector<int> order;
    Tally tally;
    for_each_data_line(unicode_data / "BidiTest.txt", [&](std::string_view line, std::size_t n) {
        if (line.starts_with("@Levels:")) {
            levels = numbers_of(line.substr(8));
            return;
        }
        if (line.starts_with("@Reorder:")) {
            order = numbers_of(line.substr(9));
            return;
        }
        const std::vector<std::string_view> fields = split(line, ';');
        REQUIRE(fields.size() >= 2);
        std::u32string text;
        for (const std::string_view name : split(trimmed(fields[0]), ' '))
            if (!name.empty())
                text.push_back(examples.at(name));
        const int directions = numbers_of(fields[1]).at(0);
        const std::pair<int, ParagraphDirection> each[] = {{1, ParagraphDirection::FirstStrong},
                                                           {2, ParagraphDirection::LeftToRight},
                                                           {4, ParagraphDirection::RightToLeft}};
        for (const auto& [bit, direction] : each)
            if ((directions & bit) != 0)
                tally.count(bidi_matches(text, direction, levels, order), n);
    });
    report("BidiTest.txt", tally, {});
}

TEST_CASE("conformance: BidiCharacterTest.txt through our bidi wrapper") {
    Tally tally;
    for_each_data_line(unicode_data / "BidiCharacterTest.txt", [&](std::string_view line, std::size_t n) {
        const std::vector<std::string_view> fields = split(line, ';');
        REQUIRE(fields.size() == 5);
        std::u32string text;
        for (const int code_point : numbers_of(fields[0], 16))
            text.push_back(static_cast<char32_t>(code_point));
        const int given = numbers_of(fields[1]).at(0);
        const ParagraphDirection direction = given == 0   ? ParagraphDirection::LeftToRight
                                             : given == 1 ? ParagraphDirection::RightToLeft
                                                          : ParagraphDirection::FirstStrong;
        tally.count(bidi_matches(text, direction, numbers_of(fields[3]), numbers_of(fields[4]),
                                 numbers_of(fields[2]).at(0)),
                    n);
    });
    report("BidiCharacterTest.txt", tally, {});
}

TEST_CASE("conformance: LineBreakTest.txt through our line breaker") {
    Tally tally;
    for_each_data_line(
        unicode_data / "auxiliary" / "LineBreakTest.txt", [&](std::string_view line, std::size_t n) {
            std::u32string text;
            std::vector<LineBreak> expected;
            for (std::string_view word : split(line, ' ')) {
                word = trimmed(word);
                if (word == "\u00D7")
                    expected.push_back(LineBreak::Prohibited);
                else if (word == "\u00F7")
                    expected.push_back(LineBreak::Allowed);
                else if (!word.empty())
                    text.push_back(static_cast<char32_t>(numbers_of(word, 16).at(0)));
            }
            REQUIRE(expected.size() == text.size() + 1);
            std::vector<LineBreak> got = line_breaks(text);
            for (LineBreak& kind : got)
                kind = kind == LineBreak::Prohibited ? LineBreak::Prohibited : LineBreak::Allowed;
            tally.count(got == expected, n);
        });
    report(
        "LineBreakTest.txt", tally,
        {{"ICU's tailoring (from CLDR, as UAX #14 allows): a hyphen-minus at the start of a word is a minus "
          "sign or a dash, not a place to break, so '-#' stays together",
          {2265, 2267, 2421, 2423, 2425, 2427, 2429, 2431}},
         {"ICU's tailored number rule (LB25 as UAX #14's example regular expression): a full stop or comma "
          "right before a digit starts the number, so '.35' and ',0' are not broken after the point",
          {2873, 2875, 7477, 7576, 7577, 7578, 7579, 7580, 7581, 7583, 7584, 7585, 7586, 7587}}});
}

TEST_CASE("conformance: Scripts.txt through our script function, every assigned code point") {
    std::map<std::string, std::string, std::less<>> code_of_name;
    for_each_data_line(unicode_data / "PropertyValueAliases.txt", [&](std::string_view line, std::size_t) {
        const std::vector<std::string_view> fields = split(line, ';');
        if (fields.size() < 3 || trimmed(fields[0]) != "sc")
            return;
        for (std::size_t i = 1; i < fields.size(); ++i)
            code_of_name[std::string(trimmed(fields[i]))] = std::string(trimmed(fields[1]));
    });
    Tally tally;
    for_each_data_line(unicode_data / "Scripts.txt", [&](std::string_view line, std::size_t n) {
        const std::vector<std::string_view> fields = split(line, ';');
        REQUIRE(fields.size() == 2);
        const std::string_view range = trimmed(fields[0]);
        const std::size_t dots = range.find("..");
        const int first = numbers_of(range.substr(0, dots), 16).at(0);
        const int last =
            dots == std::string_view::npos ? first : numbers_of(range.substr(dots + 2), 16).at(0);
        const std::string& expected = code_of_name.at(std::string(trimmed(fields[1])));
        for (int code_point = first; code_point <= last; ++code_point)
            tally.count(script_of(static_cast<char32_t>(code_point)).tag() == expected, n);
    });
    report("Scripts.txt (code points)", tally, {});
}
