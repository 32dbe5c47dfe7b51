// Editing a deck as a teacher's editor does, and the pictures `lectern render` makes of its slides: what
// the end-to-end tests expect each screen to show.
#pragma once

#include <SDL2/SDL.h>

#include <filesystem>
#include <string>

namespace lectern::test {

// Saves as editors do: a new file beside the deck, renamed over it.
void save_like_an_editor(const std::filesystem::path& deck, const std::string& bytes);

// Renders every slide (and build step) of the deck at 1280x720 into `out`; false when that failed.
// `options` go to lectern render as they are ("--lang pl").
bool render_deck(const std::filesystem::path& deck, const std::filesystem::path& out,
                 const std::string& options = "");

// A picture render_deck wrote, by name ("slide-02-step-1.png"); the test stops when it is missing.
SDL_Surface* rendered_picture(const std::filesystem::path& out, const char* name);

// Renders slide `slide` (1-based) of the deck at 1280x720 into `out` and loads it; null on failure.
SDL_Surface* rendered_slide(const std::filesystem::path& deck, int slide, const std::filesystem::path& out);

} // namespace lectern::test
