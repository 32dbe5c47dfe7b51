// SDL's dummy video driver for as long as it lives: the presentation's parts with real windows and a
// software renderer, no display needed.
#pragma once

#include <SDL2/SDL.h>
#include <doctest/doctest.h>

#include <cstdlib>

namespace lectern::test {

class DummyVideo {
public:
    DummyVideo() {
        setenv("SDL_VIDEODRIVER", "dummy", 1);
        REQUIRE(SDL_Init(SDL_INIT_VIDEO) == 0);
    }
    ~DummyVideo() { SDL_Quit(); }
    DummyVideo(const DummyVideo&) = delete;
    DummyVideo& operator=(const DummyVideo&) = delete;
};

} // namespace lectern::test
