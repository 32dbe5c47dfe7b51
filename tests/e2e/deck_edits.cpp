#include "deck_edits.h"

#include <SDL2/SDL_image.h>
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace lectern::test {

void save_like_an_editor(const std::filesystem::path& deck, const std::string& bytes) {
    const std::filesystem::path temporary = deck.parent_path() / ("." + deck.filename().string() + ".swp");
    std::ofstream(temporary, std::ios::binary) << bytes;
    std::filesystem::rename(temporary, deck);
}

bool render_deck(const std::filesystem::path& deck, const std::filesystem::path& out,
                 const std::string& options) {
    const std::string command = std::string("'") + LECTERN_BINARY + "' render '" + deck.string() +
                                "' --out '" + out.string() + "' --size 1280x720 " + options + " 2>/dev/null";
    return std::system(command.c_str()) == 0;
}

SDL_Surface* rendered_picture(const std::filesystem::path& out, const char* name) {
    SDL_Surface* surface = IMG_Load((out / name).c_str());
    REQUIRE_MESSAGE(surface, "lectern render wrote " << name);
    return surface;
}

SDL_Surface* rendered_slide(const std::filesystem::path& deck, int slide, const std::filesystem::path& out) {
    const std::string command = std::string("'") + LECTERN_BINARY + "' render '" + deck.string() +
                                "' --out '" + out.string() + "' --size 1280x720 --slide " +
                                std::to_string(slide) + " 2>/dev/null";
    if (std::system(command.c_str()) != 0)
        return nullptr;
    char name[32];
    std::snprintf(name, sizeof name, "slide-%02d.png", slide);
    return IMG_Load((out / name).c_str());
}

} // namespace lectern::test
