// Runs the real lectern binary: `lectern render DECK --pdf`, read back with poppler's own tools (pdfinfo,
// pdftotext, pdfimages), as a parent's PDF reader would read it.
#include "lectern_run.h"
#include "test_files.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>

using namespace lectern::test;

namespace {

// What a command printed on standard output.
std::string output_of(const std::string& command) {
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    REQUIRE(pipe);
    std::string out;
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe.get())) > 0;)
        out.append(buffer, n);
    return out;
}

std::string info(const std::filesystem::path& pdf, const std::string& field) {
    for (const std::string& line : lines_of(output_of("pdfinfo '" + pdf.string() + "'"))) {
        if (line.starts_with(field + ":"))
            return line.substr(line.find_first_not_of(' ', field.size() + 1));
    }
    return {};
}

// The text of the PDF with every run of white space as one space, as a reader's search sees it.
std::string text_of(const std::filesystem::path& pdf) {
    std::string spaced;
    for (const char c : output_of("pdftotext '" + pdf.string() + "' -")) {
        const bool space = c == ' ' || c == '\n' || c == '\f';
        if (!space)
            spaced += c;
        else if (!spaced.empty() && spaced.back() != ' ')
            spaced += ' ';
    }
    return spaced;
}

} // namespace

TEST_CASE("render --pdf writes a page a slide, with the slides' text as text, the title and the language") {
    TempFolder folder("pdf-slides");
    const std::filesystem::path pdf = folder.path() / "every-layout.pdf";
    const LecternRun run = run_lectern("render valid/every-layout.toml --pdf '" + pdf.string() + "'");
    CHECK(run.exit_code == 0);
    CHECK(run.err == "wrote 13 pages to " + pdf.string() + "\n"); // no progress: not a terminal
    CHECK(info(pdf, "Pages") == "13");
    CHECK(info(pdf, "Title") == "Every layout");
    CHECK(info(pdf, "Author") == "Online safety team");
    CHECK(info(pdf, "Page size").starts_with("720 x 540 pts")); // 4:3
    const std::string text = text_of(pdf);
    for (const char* words :
         {"Staying safe on QZone and QQ", "Assembly for Years 6 to 8", "Adding friends",
          "You can remove or block someone at any time", "Safe or risky?", "Your school's name",
          "Think before you post.", "Which apps have you heard of?"}) {
        CAPTURE(words);
        CHECK(text.find(words) != std::string::npos);
    }
    CHECK(read_text(pdf).find("/Lang (en-GB)") != std::string::npos);
}

TEST_CASE("render --pdf: Chinese, Korean, Arabic and Urdu come out as the characters written") {
    TempFolder folder("pdf-scripts");
    const std::filesystem::path pdf = folder.path() / "mixed.pdf";
    CHECK(run_lectern("render golden/mixed-scripts.toml --pdf '" + pdf.string() + "'").exit_code == 0);
    const std::string text = text_of(pdf);
    for (const char* words : {"Hello 你好 こんにちは 안녕 Cześć", "中文：保护好你的密码", "احفظ كلمة المرور",
                              "اپنا پاس ورڈ محفوظ رکھیں"}) {
        CAPTURE(words);
        CHECK(text.find(words) != std::string::npos);
    }
}

TEST_CASE("render --pdf --steps writes a page for every build step") {
    TempFolder folder("pdf-steps");
    const std::filesystem::path pdf = folder.path() / "steps.pdf";
    CHECK(run_lectern("render valid/every-layout.toml --pdf '" + pdf.string() + "' --steps").exit_code == 0);
    CHECK(info(pdf, "Pages") == "16"); // 13 slides, a bullets slide of 3 steps and a columns slide of 2
    const std::string first_step = output_of("pdftotext -f 3 -l 3 '" + pdf.string() + "' -");
    CHECK(first_step.find("Only add people you") != std::string::npos);
    CHECK(first_step.find("block someone") == std::string::npos);
}

TEST_CASE("render --pdf --handout puts two slides an A4 page, each with its notes as text") {
    TempFolder folder("pdf-handout");
    const std::filesystem::path pdf = folder.path() / "handout.pdf";
    CHECK(run_lectern("render valid/every-layout.toml --pdf '" + pdf.string() + "' --handout").exit_code ==
          0);
    CHECK(info(pdf, "Pages") == "7");
    CHECK(info(pdf, "Page size").starts_with("595.28 x 841.89 pts (A4)"));
    const std::string first_page = output_of("pdftotext -f 1 -l 1 '" + pdf.string() + "' -");
    CHECK(first_page.find("Say hello.") != std::string::npos);
    CHECK(first_page.find("Ask who has heard of QQ.") != std::string::npos);
    CHECK(first_page.find("Slide 2") != std::string::npos);
}

TEST_CASE("render --pdf embeds a picture used on two slides once") {
    TempFolder folder("pdf-pictures");
    const std::filesystem::path picture = source_dir() / "tests/decks/valid/images/square.png";
    std::ofstream(folder.path() / "twice.toml")
        << "[deck]\ntitle = \"Twice\"\n"
        << "[[slides]]\nlayout = \"image\"\nimage = \"" << picture.string() << "\"\nalt = \"A square\"\n"
        << "[[slides]]\nlayout = \"image\"\nimage = \"" << picture.string() << "\"\nalt = \"A square\"\n";
    const std::filesystem::path pdf = folder.path() / "twice.pdf";
    CHECK(run_lectern("render '" + (folder.path() / "twice.toml").string() + "' --pdf '" + pdf.string() + "'")
              .exit_code == 0);
    // pdfimages -list: one row per use of an image: page num type width height color comp bpc enc interp
    // object-number generation ...; the same object on both pages means the picture is in the file once.
    std::vector<std::string> objects;
    for (const std::string& line : lines_of(output_of("pdfimages -list '" + pdf.string() + "'"))) {
        std::istringstream fields(line);
        std::vector<std::string> field{std::istream_iterator<std::string>(fields), {}};
        if (field.size() > 11 && field[2] == "image")
            objects.push_back(field[10] + " " + field[11]);
    }
    REQUIRE(objects.size() == 2);
    CHECK(objects[0] == objects[1]);
}

TEST_CASE("render --pdf: --steps and --handout need --pdf, and --pdf and --out do not go together") {
    CHECK(run_lectern("render valid/minimal.toml --out /tmp/x --steps").exit_code == 2);
    CHECK(run_lectern("render valid/minimal.toml --out /tmp/x --pdf /tmp/x.pdf").exit_code == 2);
}
