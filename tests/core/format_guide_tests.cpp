// The format guide cannot drift from the code: every TOML example in slides/README.md (and in the shared
// contract, when it is beside the checkout) is loaded here. Examples fenced as ```toml must load with no
// errors or warnings; examples fenced as ```toml invalid must give exactly the lines of the ```text block
// that follows them, as `lectern check deck.toml` prints them.
#include "core/deck/deck_loader.h"
#include "test_files.h"

#include <doctest/doctest.h>

using namespace lectern;

namespace {

struct CodeBlock {
    std::string info; // what follows the opening ```
    std::string text;
    std::size_t line; // of the opening fence, for messages
};

std::vector<CodeBlock> code_blocks_of(const std::string& markdown) {
    std::vector<CodeBlock> blocks;
    const std::vector<std::string> lines = test::lines_of(markdown);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!lines[i].starts_with("```"))
            continue;
        CodeBlock block{lines[i].substr(3), {}, i + 1};
        for (++i; i < lines.size() && !lines[i].starts_with("```"); ++i)
            block.text += lines[i] + "\n";
        blocks.push_back(std::move(block));
    }
    return blocks;
}

// A fragment showing only slides gets a [deck] table; one showing only [deck] gets a slide.
std::string as_whole_deck(const std::string& fragment) {
    std::string deck = fragment;
    if (deck.find("[deck]") == std::string::npos)
        deck = "[deck]\ntitle = \"Example\"\n" + deck;
    if (deck.find("[[slides]]") == std::string::npos)
        deck += "\n[[slides]]\nlayout = \"title\"\ntitle = \"Example\"\n";
    return deck;
}

std::vector<std::string> check_lines(const std::string& deck_text, const std::filesystem::path& folder) {
    std::vector<std::string> lines;
    for (const Diagnostic& d : load_deck_text(deck_text, "deck.toml", folder).diagnostics)
        lines.push_back(format_diagnostic(d));
    return lines;
}

// Returns how many examples were checked.
std::size_t check_examples(const std::filesystem::path& markdown_file) {
    const std::vector<CodeBlock> blocks = code_blocks_of(test::read_text(markdown_file));
    const std::filesystem::path folder = markdown_file.parent_path();
    std::size_t checked = 0;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const CodeBlock& block = blocks[i];
        CAPTURE(markdown_file);
        CAPTURE(block.line);
        if (block.info == "toml") {
            CHECK(check_lines(as_whole_deck(block.text), folder) == std::vector<std::string>{});
            ++checked;
        } else if (block.info == "toml invalid") {
            REQUIRE_MESSAGE(i + 1 < blocks.size(), "an invalid example is followed by a ```text block");
            REQUIRE(blocks[i + 1].info == "text");
            CHECK(check_lines(block.text, folder) == test::lines_of(blocks[i + 1].text));
            ++checked;
        }
    }
    return checked;
}

} // namespace

TEST_CASE("every example in the format guide slides/README.md checks as the guide says") {
    CHECK(check_examples(test::source_dir() / "slides/README.md") >= 10);
}

TEST_CASE("every example in the shared deck-format contract loads") {
    const std::filesystem::path contract = test::source_dir().parent_path() / "shared/deck-format.md";
    if (!std::filesystem::exists(contract)) {
        MESSAGE("shared/deck-format.md is not beside this checkout; skipped");
        return;
    }
    CHECK(check_examples(contract) >= 2);
}
