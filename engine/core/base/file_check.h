// FileCheck: whether a path names a regular file small enough to read, asked before it is opened, so a
// deck, theme or picture that is a folder, a named pipe (FIFO), a device such as /dev/zero, or a huge
// file can never hang a check or exhaust memory. Symbolic links are followed, then the target is checked.
// Pure: the standard library and POSIX open/fstat only.
#pragma once

#include "expected.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace lectern {

constexpr std::uintmax_t deck_file_max_bytes = 8u << 20;     // decks and theme files
constexpr std::uintmax_t picture_file_max_bytes = 64u << 20; // PNG, JPEG, GIF, WebP and SVG files

// What regular_file_problem says of a path where nothing is: callers word this case their own way.
constexpr std::string_view missing_file_problem = "it does not exist";

// "" when `path` (symbolic links followed) is a regular file of at most `max_bytes`; otherwise what it
// is instead, in plain words: "it does not exist", "it is a folder", "it is a FIFO (named pipe), not a
// file", "it is a device, not a file", "it is 9.5 MiB, more than the 8 MiB allowed", ...
std::string regular_file_problem(const std::filesystem::path& path, std::uintmax_t max_bytes);

// Reads the whole file after regular_file_problem says it may; never opens a FIFO or a device, and never
// reads more than `max_bytes` even if the file grows in between. A Failure says why not, as
// regular_file_problem words it.
Expected<std::string> read_regular_file(const std::filesystem::path& path, std::uintmax_t max_bytes);

// "8 MiB", "9.5 MiB", "700 KiB": a size as people read it.
std::string size_text(std::uintmax_t bytes);

} // namespace lectern
