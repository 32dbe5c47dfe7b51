// SlideReader: turns one [[slides]] table into a Slide, checking its layout's keys and values.
// Private to the deck loader (it sees toml++ nodes).
#pragma once

#include "deck.h"
#include "deck_loader.h"
#include "table_reader.h"

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lectern {

struct SlideReadContext {
    std::filesystem::path folder; // the deck's folder: image paths are relative to it
    std::function<std::string(const std::filesystem::path&)> check_image;
    PictureProblems picture_problems = PictureProblems::AreErrors;
    std::map<std::filesystem::path, std::string> checked_images; // path -> problem ("" when fine)
    std::vector<std::string> languages;                          // the deck's, its own first
};

// Reads slide `number` (1-based). Returns nothing when the slide cannot be understood at all (no or
// unknown layout); otherwise the slide, with every problem reported to the sink.
std::optional<Slide> read_slide(const toml::table& table, std::size_t number, DiagnosticSink& sink,
                                SlideReadContext& context);

} // namespace lectern
