// Reads a screenshot taken with `xwd -root` (X Window Dump, ZPixmap, 3 or 4 bytes per pixel) into an
// SDL surface, so end-to-end tests can compare what the X server shows with `lectern render`.
#pragma once

#include <SDL2/SDL.h>

#include <string>

namespace lectern::test {

// Null (and `error` says why) when the file is not a true-colour ZPixmap dump.
SDL_Surface* load_xwd(const std::string& path, std::string& error);

} // namespace lectern::test
