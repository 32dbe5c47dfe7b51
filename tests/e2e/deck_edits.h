// Editing a deck as a teacher's editor does, and the picture `lectern render` makes of one of its
// slides, for the end-to-end tests of hot reload.
#pragma once

#include <SDL2/SDL.h>

#include <filesystem>
#include <string>

namespace lectern::test {

// Saves as editors do: a new file beside the deck, renamed over it.
void save_like_an_editor(const std::filesystem::path& deck, const std::string& bytes);

// Renders slide `slide` (1-based) of the deck at 1280x720 into `out` and loads it; null on failure.
SDL_Surface* rendered_slide(const std::filesystem::path& deck, int slide, const std::filesystem::path& out);

} // namespace lectern::test
