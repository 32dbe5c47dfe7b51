// End to end under a real X server (issue 22): the very frame lectern presents after a key already
// differs from the slide before it: a fade starts a visible step in, and with transition = "none" the
// frame is the new slide whole. lectern writes every frame it presents (LECTERN_RECORD_FRAMES, see
// engine/app/audience_view.h), so the test looks at that frame itself, not at whichever one a screenshot
// happens to catch. Nothing is timed: the test waits for the screen, then reads the frames written.
#include "deck_edits.h"
#include "golden_image.h"
#include "x_session.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <unistd.h>
#include <utility>
#include <vector>

using namespace lectern;

namespace {

constexpr int screen_w = 1280;
constexpr int screen_h = 720;
constexpr int visible_step = 8; // as tools/bench/present_bench counts a visible change

std::filesystem::path scratch(const std::string& name) {
    const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                      ("lectern-e2e-first-frame-" + std::to_string(getpid())) / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

std::filesystem::path write_deck(const std::filesystem::path& dir, const char* transition) {
    const std::filesystem::path deck = dir / "deck.toml";
    std::ofstream(deck) << "[deck]\ntitle = \"First frame\"\ntheme = \"classroom\"\ntransition = \""
                        << transition
                        << "\"\n\n[[slides]]\nlayout = \"title\"\ntitle = \"The first slide\"\n"
                           "subtitle = \"Before the key\"\n\n[[slides]]\nlayout = \"bullets\"\n"
                           "title = \"The second slide\"\nbullets = [\"After the key\", \"Another point\"]\n";
    return deck;
}

// The first frame presented for the last picture shown (frame-S-F.bmp: the highest S, then the lowest
// F), and the frame presented just before it (the slide before the key, as lectern drew it).
std::pair<std::filesystem::path, std::filesystem::path>
frames_around_last_show(const std::filesystem::path& frames) {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(frames))
        names.push_back(entry.path().filename().string());
    std::ranges::sort(names);
    if (names.size() < 2)
        return {};
    const std::string last_show = names.back().substr(0, std::string("frame-000000").size());
    const auto first =
        std::ranges::find_if(names, [&](const std::string& name) { return name.starts_with(last_show); });
    if (first == names.begin())
        return {};
    return {frames / *std::prev(first), frames / *first};
}

// How many pixels differ by `step` or more in some colour channel (1 when the sizes differ).
double share_differing_by(SDL_Surface* a, SDL_Surface* b, int step) {
    const SurfacePtr x(SDL_ConvertSurfaceFormat(a, SDL_PIXELFORMAT_ARGB8888, 0));
    const SurfacePtr y(SDL_ConvertSurfaceFormat(b, SDL_PIXELFORMAT_ARGB8888, 0));
    if (!x || !y || x->w != y->w || x->h != y->h)
        return 1;
    std::size_t differing = 0;
    for (int row = 0; row < x->h; ++row) {
        const auto* p = static_cast<const Uint8*>(x->pixels) + static_cast<std::ptrdiff_t>(row) * x->pitch;
        const auto* q = static_cast<const Uint8*>(y->pixels) + static_cast<std::ptrdiff_t>(row) * y->pitch;
        for (int column = 0; column < x->w; ++column, p += 4, q += 4) {
            bool seen = false;
            for (int channel = 0; channel < 3; ++channel) // B, G, R: the alpha byte is not shown
                seen = seen || std::abs(p[channel] - q[channel]) >= step;
            differing += seen ? 1u : 0u;
        }
    }
    return static_cast<double>(differing) / (static_cast<double>(x->w) * x->h);
}

struct FirstFrame {
    SurfacePtr after; // slide 2, as `lectern render` draws it
    SurfacePtr shown; // the last frame presented before Right
    SurfacePtr frame; // the first frame presented after Right
};

FirstFrame first_frame_after_right(const char* transition) {
    const std::filesystem::path dir = scratch(transition);
    const std::filesystem::path deck = write_deck(dir, transition);
    const std::filesystem::path frames = dir / "frames";
    std::filesystem::create_directories(frames);
    FirstFrame seen;
    const SurfacePtr before(test::rendered_slide(deck, 1, dir / "expected"));
    seen.after.reset(test::rendered_slide(deck, 2, dir / "expected"));
    REQUIRE(before);
    REQUIRE(seen.after);

    test::XSession x(screen_w, screen_h);
    REQUIRE_MESSAGE(x.ready(), "Xvfb started (tools/setup.sh installs it)");
    const pid_t lectern = x.start({"/usr/bin/env", "LECTERN_RECORD_FRAMES=" + frames.string(), LECTERN_BINARY,
                                   deck.string(), "--no-presenter"},
                                  (dir / "lectern.log").string());
    REQUIRE(lectern > 0);
    REQUIRE(x.shows_within(before.get(), test::busy_machine_ms));
    x.key("Right");
    REQUIRE(x.shows_within(seen.after.get(), test::busy_machine_ms));
    const auto [shown, first] = frames_around_last_show(frames);
    REQUIRE_FALSE(first.empty());
    seen.shown.reset(SDL_LoadBMP(shown.c_str()));
    seen.frame.reset(SDL_LoadBMP(first.c_str()));
    REQUIRE(seen.shown);
    REQUIRE(seen.frame);
    x.key("Escape Escape");
    CHECK(test::exits_within(lectern, test::busy_machine_ms));
    return seen;
}

} // namespace

TEST_CASE("the frame after a key with transition = none is the new slide: a cut") {
    const FirstFrame seen = first_frame_after_right("none");
    CHECK(test::differing_share(seen.after.get(), seen.frame.get()) < test::screen_match_share);
}

TEST_CASE("the frame after a key with a fade already differs visibly from the slide before") {
    const FirstFrame seen = first_frame_after_right("fade");
    // Not the old slide (a fade that started with a frame equal to it showed nothing for a frame): its
    // text has faded by a step one can see (8 levels of 255) ...
    CHECK(share_differing_by(seen.shown.get(), seen.frame.get(), visible_step) > test::screen_match_share);
    // ... and not yet the new one: the fade has begun.
    CHECK(test::differing_share(seen.after.get(), seen.frame.get()) > test::screen_match_share);
}
