// Only regular files are read: decks, theme files and pictures that are folders, FIFOs, devices or huge
// files give a clear error and are never opened for reading. Each case hung, exhausted memory or was
// misreported before (issue 14). Large files are sparse, so they take no room on disk.
#include "core/base/file_check.h"
#include "core/deck/deck_loader.h"
#include "test_files.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

using namespace lectern;

namespace {

// A folder with helpers to make what a prank or a hurried save leaves behind.
struct ScratchFolder {
    test::TempFolder folder{"file-check"};
    const std::filesystem::path& path = folder.path();

    std::filesystem::path fifo(const std::string& name) const {
        const std::filesystem::path fifo_path = path / name;
        REQUIRE(mkfifo(fifo_path.c_str(), 0600) == 0);
        return fifo_path;
    }
    std::filesystem::path sparse(const std::string& name, std::uintmax_t bytes) const {
        const std::filesystem::path file = path / name;
        std::ofstream(file).put('x');
        std::filesystem::resize_file(file, bytes);
        return file;
    }
    std::filesystem::path link(const std::string& name, const std::filesystem::path& target) const {
        std::filesystem::create_symlink(target, path / name);
        return path / name;
    }
};

const std::string picture_slide = "[[slides]]\nlayout = \"image\"\nimage = \"picture.png\"\nalt = \"x\"\n";
const std::string header = "[deck]\ntitle = \"T\"\n";

std::string only_message(const DeckLoadResult& result) {
    REQUIRE(result.diagnostics.size() == 1);
    return format_diagnostic(result.diagnostics[0]);
}

} // namespace

TEST_CASE("regular_file_problem names what a path is when it is not a regular file") {
    const ScratchFolder scratch;
    std::ofstream(scratch.path / "plain.toml") << "x";
    CHECK(regular_file_problem(scratch.path / "plain.toml", 10) == "");
    CHECK(regular_file_problem(scratch.path / "nowhere", 10) == "it does not exist");
    CHECK(regular_file_problem(scratch.path, 10) == "it is a folder, not a file");
    CHECK(regular_file_problem(scratch.fifo("pipe"), 10) == "it is a FIFO (named pipe), not a file");
    CHECK(regular_file_problem("/dev/zero", 10) == "it is a device, not a file");
    CHECK(regular_file_problem(scratch.link("zero-link", "/dev/zero"), 10) == "it is a device, not a file");
    CHECK(regular_file_problem(scratch.link("plain-link", "plain.toml"), 10) == ""); // links are followed
    CHECK(regular_file_problem(scratch.sparse("big", 9u << 20), deck_file_max_bytes) ==
          "it is 9 MiB, more than the 8 MiB allowed");
}

TEST_CASE("read_regular_file reads a small file whole and refuses anything else without opening it") {
    const ScratchFolder scratch;
    std::ofstream(scratch.path / "deck.toml") << "[deck]";
    CHECK(read_regular_file(scratch.path / "deck.toml", 100).value() == "[deck]");
    const Expected<std::string> pipe = read_regular_file(scratch.fifo("pipe"), 100); // no writer: would hang
    REQUIRE_FALSE(pipe);
    CHECK(pipe.error() == "it is a FIFO (named pipe), not a file");
    CHECK(read_regular_file("/dev/zero", 100).error() == "it is a device, not a file");
}

TEST_CASE("a deck that is a FIFO is an error, not a hang") {
    const ScratchFolder scratch;
    const DeckLoadResult result = load_deck_file(scratch.fifo("deck.toml"));
    CHECK_FALSE(result.ok());
    CHECK(only_message(result).ends_with(
        "deck.toml: error: cannot read this deck: it is a FIFO (named pipe), not a file; a deck must be a "
        "TOML file of at most 8 MiB"));
}

TEST_CASE("a deck symlinked to /dev/zero is an error, not a read until memory runs out") {
    const ScratchFolder scratch;
    const DeckLoadResult result = load_deck_file(scratch.link("deck.toml", "/dev/zero"));
    CHECK(only_message(result).find("cannot read this deck: it is a device, not a file") !=
          std::string::npos);
}

TEST_CASE("a deck of more than 8 MiB or a folder is refused with its size or kind") {
    const ScratchFolder scratch;
    CHECK(only_message(load_deck_file(scratch.sparse("deck.toml", 9u << 20)))
              .find("cannot read this deck: it is 9 MiB, more than the 8 MiB allowed") != std::string::npos);
    CHECK(only_message(load_deck_file(scratch.path)).find("it is a folder, not a file") != std::string::npos);
}

TEST_CASE("a picture that is a device, a FIFO, a folder or too big is named for what it is") {
    const ScratchFolder scratch;
    int checks = 0;
    DeckLoadOptions options;
    options.check_image = [&checks](const std::filesystem::path&) {
        ++checks; // a decoder would open the file
        return std::string();
    };
    const auto message_for = [&](const std::string& expected_reason) {
        const DeckLoadResult result = load_deck_text(header + picture_slide, "d.toml", scratch.path, options);
        CAPTURE(expected_reason);
        CHECK(only_message(result) ==
              "d.toml:5:9: error: image file \"picture.png\" in slide 1 cannot be read: " + expected_reason +
                  "; a picture must be a PNG, JPEG, GIF, WebP or SVG "
                  "file of at most 64 MiB");
    };
    scratch.link("picture.png", "/dev/null");
    message_for("it is a device, not a file");
    std::filesystem::remove(scratch.path / "picture.png");
    scratch.fifo("picture.png");
    message_for("it is a FIFO (named pipe), not a file");
    std::filesystem::remove(scratch.path / "picture.png");
    std::filesystem::create_directory(scratch.path / "picture.png");
    message_for("it is a folder, not a file");
    std::filesystem::remove(scratch.path / "picture.png");
    scratch.sparse("picture.png", 65u << 20);
    message_for("it is 65 MiB, more than the 64 MiB allowed");
    CHECK(checks == 0);
}

TEST_CASE("a theme file that is a FIFO or a device is an error at the theme, never opened") {
    const ScratchFolder scratch;
    scratch.fifo("pipe.toml");
    const std::string slide = "[[slides]]\nlayout = \"title\"\ntitle = \"x\"\n";
    const DeckLoadResult fifo =
        load_deck_text("[deck]\ntitle = \"T\"\ntheme = \"pipe.toml\"\n" + slide, "d.toml", scratch.path);
    CHECK(only_message(fifo) ==
          "d.toml:3:9: error: theme file \"pipe.toml\" in the [deck] table cannot be read: it is a FIFO "
          "(named pipe), not a file; a theme must be a TOML file of at most 8 MiB");
    const DeckLoadResult device =
        load_deck_text("[deck]\ntitle = \"T\"\ntheme = \"/dev/zero\"\n" + slide, "d.toml", scratch.path);
    CHECK(only_message(device).find("cannot be read: it is a device, not a file") != std::string::npos);
}
