// The floor for present_bench: the least a program can do to put one line of text on the audience screen
// the way lectern does. SDL2 + SDL2_ttf: a borderless SDL_WINDOW_OPENGL window at the bounds of the last
// display, SDL_CreateRenderer with the default driver + SDL_RENDERER_TARGETTEXTURE (as
// engine/app/audience_view.cpp), one line of DejaVu Sans found with fontconfig, drawn on BACKGROUND,
// presented once; then it sleeps in SDL_WaitEvent until SDL_QUIT (SIGTERM or closing the window). Right
// draws a new line of text ("Slide 2: ...") and presents it: the floor for key-to-screen latency.
// Usage: floor_window [RRGGBB]   (background colour, default 102038: the "assembly" theme's)
#include <SDL2/SDL.h>
#include <SDL2/SDL_ttf.h>
#include <fontconfig/fontconfig.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

constexpr const char* fixed_font_path = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
constexpr int font_px = 96;

// The file fontconfig picks for "DejaVu Sans", or the Debian path when it finds none.
std::string dejavu_sans_path() {
    std::string path = fixed_font_path;
    FcConfig* config = FcInitLoadConfigAndFonts();
    if (config == nullptr)
        return path;
    FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>("DejaVu Sans"));
    FcConfigSubstitute(config, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    FcPattern* match = FcFontMatch(config, pattern, &result);
    FcChar8* file = nullptr;
    if (match != nullptr && FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch && file != nullptr)
        path = reinterpret_cast<const char*>(file);
    if (match != nullptr)
        FcPatternDestroy(match);
    FcPatternDestroy(pattern);
    FcConfigDestroy(config);
    return path;
}

bool parse_colour(const char* text, SDL_Color& colour) {
    char* end = nullptr;
    const unsigned long value = std::strtoul(text, &end, 16);
    if (end == text || *end != '\0' || value > 0xFFFFFFul)
        return false;
    colour = {static_cast<Uint8>((value >> 16) & 0xFFu), static_cast<Uint8>((value >> 8) & 0xFFu),
              static_cast<Uint8>(value & 0xFFu), 255};
    return true;
}

struct Text {
    SDL_Texture* texture = nullptr;
    int w = 0;
    int h = 0;
};

// One line of text as a texture; the old one goes.
void make_text(SDL_Renderer* renderer, TTF_Font* font, int slide, SDL_Color ink, Text& text) {
    if (text.texture != nullptr)
        SDL_DestroyTexture(text.texture);
    text = {};
    if (font == nullptr)
        return;
    const std::string line =
        slide == 1 ? "Staying safe on QZone and QQ" : "Slide " + std::to_string(slide) + ": staying safe";
    if (SDL_Surface* surface = TTF_RenderUTF8_Blended(font, line.c_str(), ink)) {
        text = {SDL_CreateTextureFromSurface(renderer, surface), surface->w, surface->h};
        SDL_FreeSurface(surface);
    }
}

void draw(SDL_Renderer* renderer, const Text& text, SDL_Color background) {
    SDL_SetRenderDrawColor(renderer, background.r, background.g, background.b, 255);
    SDL_RenderClear(renderer);
    int out_w = 0;
    int out_h = 0;
    SDL_GetRendererOutputSize(renderer, &out_w, &out_h);
    if (text.texture != nullptr) {
        const SDL_Rect where{(out_w - text.w) / 2, (out_h - text.h) / 2, text.w, text.h};
        SDL_RenderCopy(renderer, text.texture, nullptr, &where);
    }
    SDL_RenderPresent(renderer);
}

} // namespace

int main(int argc, char** argv) {
    SDL_Color background{16, 32, 56, 255}; // 102038
    if (argc > 2 || (argc == 2 && !parse_colour(argv[1], background))) {
        std::fprintf(stderr, "usage: floor_window [RRGGBB]\n");
        return 2;
    }
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        std::fprintf(stderr, "floor_window: SDL_Init: %s\n", SDL_GetError());
        return 1;
    }
    const int displays = SDL_GetNumVideoDisplays();
    SDL_Rect bounds{0, 0, 1280, 720};
    if (displays > 0)
        SDL_GetDisplayBounds(displays - 1, &bounds);
    SDL_Window* window =
        SDL_CreateWindow("floor", bounds.x, bounds.y, bounds.w, bounds.h,
                         SDL_WINDOW_ALLOW_HIGHDPI | SDL_WINDOW_OPENGL | SDL_WINDOW_BORDERLESS);
    if (window == nullptr) {
        std::fprintf(stderr, "floor_window: SDL_CreateWindow: %s\n", SDL_GetError());
        SDL_Quit();
        return 1;
    }
    SDL_Renderer* renderer = SDL_CreateRenderer(window, -1, SDL_RENDERER_TARGETTEXTURE);
    if (renderer == nullptr) {
        std::fprintf(stderr, "floor_window: SDL_CreateRenderer: %s\n", SDL_GetError());
        SDL_DestroyWindow(window);
        SDL_Quit();
        return 1;
    }
    const bool light = background.r + background.g + background.b > 3 * 128;
    const SDL_Color ink = light ? SDL_Color{28, 32, 40, 255} : SDL_Color{246, 247, 250, 255};
    TTF_Font* font = nullptr;
    if (TTF_Init() == 0) {
        const std::string path = dejavu_sans_path();
        font = TTF_OpenFont(path.c_str(), font_px);
        if (font == nullptr)
            std::fprintf(stderr, "floor_window: cannot open %s: %s\n", path.c_str(), TTF_GetError());
    }
    int slide = 1;
    Text text;
    make_text(renderer, font, slide, ink, text);
    draw(renderer, text, background);

    SDL_Event event;
    bool running = true;
    while (running && SDL_WaitEvent(&event) != 0) {
        if (event.type == SDL_QUIT) {
            running = false;
        } else if (event.type == SDL_KEYDOWN && event.key.keysym.sym == SDLK_RIGHT) {
            make_text(renderer, font, ++slide, ink, text);
            draw(renderer, text, background);
        } else if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_EXPOSED) {
            draw(renderer, text, background);
        }
    }
    if (text.texture != nullptr)
        SDL_DestroyTexture(text.texture);
    if (font != nullptr)
        TTF_CloseFont(font);
    SDL_DestroyRenderer(renderer);
    SDL_DestroyWindow(window);
    TTF_Quit();
    SDL_Quit();
    return 0;
}
