// End to end under a real X server: lectern presents tests/decks/e2e/marks.toml full screen; xdotool
// presses H, S, Z, D, U, E, T and drags the mouse, and each screenshot must show what the same core and
// renderer draw in memory for that slide with those marks (the pointer, the spotlight, a zoom, the ink
// in slide units, the countdown). Zoomed text must be as sharp as a 2x render of the slide, and the
// pointer on an idle screen must not wake the program.
#include "core/compose/marks_composer.h"
#include "core/compose/slide_composer.h"
#include "core/deck/deck_loader.h"
#include "golden_image.h"
#include "render/font_catalog.h"
#include "render/offscreen_canvas.h"
#include "render/sdl_text_measurer.h"
#include "test_files.h"
#include "x_session.h"

#include <SDL2/SDL_image.h>
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace lectern;

namespace {

constexpr int screen_w = 1280;
constexpr int screen_h = 720;
constexpr float to_slide = 1920.0f / screen_w; // the deck is 16:9, the screen 1280x720: no letterbox

const std::filesystem::path deck_file = test::source_dir() / "tests/decks/e2e/marks.toml";

// What the room should see, drawn in memory by the same composer and renderer as the show.
class RoomPicture {
public:
    RoomPicture(int width, int height)
        : m_deck(*load_deck_file(deck_file, DeckLoadOptions{}).deck), m_catalog(font_families_of(m_deck)),
          m_measurer(m_catalog) {
        auto created = OffscreenCanvas::create(width, height, m_catalog);
        REQUIRE(created);
        m_canvas = std::move(*created);
    }
    ~RoomPicture() {
        m_canvas.reset(); // its textures go before the fonts
    }

    DisplayList slide(std::size_t index) {
        return compose_slide(m_deck, m_deck.slides[index], 0, m_measurer).list;
    }
    const Deck& deck() const { return m_deck; }
    TextMeasurer& measurer() { return m_measurer; }

    // The caller frees it.
    SDL_Surface* picture(const DisplayList& slide, const DisplayList* over = nullptr,
                         const Box* shown = nullptr) {
        m_canvas->draw(slide, over, shown);
        return SDL_DuplicateSurface(m_canvas->surface());
    }

    SDL_Surface* picture(const DisplayList& slide, const SlideMarks& marks) {
        const std::optional<DisplayList> over = compose_marks(marks, slide, m_deck.theme);
        return picture(slide, over ? &*over : nullptr);
    }

private:
    Deck m_deck;
    FontCatalog m_catalog;
    SdlTextMeasurer m_measurer;
    std::unique_ptr<OffscreenCanvas> m_canvas;
};

// The ink of the drags below, in slide units: xdotool's moves are the stroke's points.
InkStroke stroke_of(std::initializer_list<std::pair<int, int>> screen_points, std::size_t colour = 0) {
    InkStroke stroke{colour, {}};
    for (const auto& [x, y] : screen_points)
        stroke.points.push_back({static_cast<float>(x) * to_slide, static_cast<float>(y) * to_slide});
    return stroke;
}

std::string drag_command(std::initializer_list<std::pair<int, int>> screen_points) {
    std::string command = "xdotool";
    bool first = true;
    for (const auto& [x, y] : screen_points) {
        command += " mousemove " + std::to_string(x) + " " + std::to_string(y);
        if (first)
            command += " mousedown 1";
        first = false;
    }
    return command + " mouseup 1";
}

// `region` of `whole` (which it frees), as the screenshot of a region is.
SDL_Surface* cut(SDL_Surface* whole, SDL_Rect region) {
    SDL_Surface* part = SDL_CreateRGBSurfaceWithFormat(0, region.w, region.h, 32, whole->format->format);
    SDL_BlitSurface(whole, &region, part, nullptr);
    SDL_FreeSurface(whole);
    return part;
}

// Voluntary context switches of every thread of `pid`: how often it woke.
long wakeups_of(pid_t pid) {
    long total = 0;
    for (const auto& task : std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/task")) {
        std::ifstream status(task.path() / "status");
        for (std::string line; std::getline(status, line);) {
            if (line.starts_with("voluntary_ctxt_switches:"))
                total += std::stol(line.substr(line.find(':') + 1));
        }
    }
    return total;
}

std::string scratch_log(const char* name) {
    return (std::filesystem::temp_directory_path() / ("lectern-marks-" + std::to_string(getpid()) + name))
        .string();
}

// The marks on the first slide as a key leaves them, with the mouse at (x, y) on the screen.
SlideMarks marks_after(PresenterCommand command, int x, int y) {
    SlideMarks marks;
    marks.show_slide({"board", 0}, std::nullopt, 0);
    marks.apply(command, 0);
    marks.move_to({static_cast<float>(x) * to_slide, static_cast<float>(y) * to_slide});
    return marks;
}

enum class Window { FullScreen, Windowed };

// lectern presenting the marks deck on an X server of its own.
struct Presenting {
    test::XSession x{screen_w, screen_h};
    pid_t lectern = -1;

    explicit Presenting(const char* log, Window mode = Window::FullScreen) {
        REQUIRE_MESSAGE(x.ready(), "Xvfb started (tools/setup.sh installs it)");
        std::vector<std::string> arguments{LECTERN_BINARY, deck_file.string()};
        if (mode == Window::Windowed)
            arguments.emplace_back("--window"); // 1280x720 at the top left of this 1280x720 screen
        lectern = x.start(arguments, scratch_log(log));
        REQUIRE(lectern > 0);
    }
    // Whether the screen (or `region` of it) comes to show `expected`, which it frees.
    bool shows(SDL_Surface* expected, const SDL_Rect* region = nullptr) const {
        const bool shown = x.shows_within(expected, test::busy_machine_ms, region);
        SDL_FreeSurface(expected);
        return shown;
    }
    // Esc twice quits (once ends a mode first, so the test ends with none on).
    void quit() const {
        x.key("Escape");
        x.key("Escape");
        CHECK(test::exits_within(lectern, test::busy_machine_ms));
    }
};

} // namespace

TEST_CASE(
    "H shows the pointer, D draws with drags, U and E take ink away, and ink comes back with its slide") {
    RoomPicture expected(screen_w, screen_h);
    const DisplayList board = expected.slide(0);
    const Presenting show(".log");
    const test::XSession& x = show.x;
    CHECK(show.shows(expected.picture(board)));

    // H: the pointer where the mouse is; H again: gone.
    const SlideMarks marks = marks_after(PresenterCommand::TogglePointer, 300, 200);
    x.key("h");
    x.run("xdotool mousemove 300 200");
    CHECK(show.shows(expected.picture(board, marks)));
    x.key("h");
    CHECK(show.shows(expected.picture(board)));

    // D, then a drag: a stroke in the accent colour; a second drag, then U takes it back.
    const auto first = {std::pair{200, 500}, std::pair{300, 520}, std::pair{400, 560}, std::pair{600, 600}};
    const auto second = {std::pair{700, 100}, std::pair{900, 150}, std::pair{1100, 100}};
    x.key("d");
    x.run(drag_command(first));
    const DisplayList one = compose_ink({stroke_of(first)}, board, expected.deck().theme);
    CHECK(show.shows(expected.picture(board, &one)));
    x.run(drag_command(second));
    const DisplayList two = compose_ink({stroke_of(first), stroke_of(second)}, board, expected.deck().theme);
    CHECK(show.shows(expected.picture(board, &two)));
    x.key("u");
    CHECK(show.shows(expected.picture(board, &one)));

    // Another slide has none of it; coming back shows the ink again, in place.
    x.key("Right");
    CHECK(show.shows(expected.picture(expected.slide(1))));
    x.key("Left");
    CHECK(show.shows(expected.picture(board, &one)));

    // C: the next colour; E erases the slide's ink.
    x.key("c");
    x.run(drag_command(second));
    const DisplayList coloured =
        compose_ink({stroke_of(first), stroke_of(second, 1)}, board, expected.deck().theme);
    CHECK(show.shows(expected.picture(board, &coloured)));
    x.key("e");
    CHECK(show.shows(expected.picture(board)));

    // Esc leaves pen mode without quitting; a click then moves on again.
    x.key("Escape");
    x.run("xdotool click 1");
    CHECK(show.shows(expected.picture(expected.slide(1))));
    show.quit();
}

TEST_CASE("ink stays in place on the slide when the window is resized") {
    const Presenting show("-resize.log", Window::Windowed);
    const test::XSession& x = show.x;
    RoomPicture expected(screen_w, screen_h);
    const DisplayList board = expected.slide(0);
    CHECK(show.shows(expected.picture(board)));
    const auto drag = {std::pair{200, 500}, std::pair{300, 520}, std::pair{400, 560}, std::pair{600, 600}};
    x.key("d");
    x.run(drag_command(drag));
    const DisplayList ink = compose_ink({stroke_of(drag)}, board, expected.deck().theme);
    CHECK(show.shows(expected.picture(board, &ink)));

    // 800x600: the slide letterboxed, the ink kept in slide units and drawn again at the new scale.
    // This xdotool cannot chain a command after `search`: the window's id from a shell.
    REQUIRE(x.run("xdotool windowsize $(DISPLAY=" + x.display() + " xdotool search --pid " +
                  std::to_string(show.lectern) + " | head -n1) 800 600") == 0);
    RoomPicture smaller(800, 600);
    const SDL_Rect window{0, 0, 800, 600};
    CHECK(show.shows(smaller.picture(board, &ink), &window));
    x.run("xdotool mousemove 400 300"); // keys go where the pointer is (no window manager)
    x.key("Escape");                    // ends the pen
    show.quit();
}

TEST_CASE("S dims all but a circle around the pointer, Z zooms around it with text as sharp as a 2x render") {
    RoomPicture expected(screen_w, screen_h);
    const DisplayList board = expected.slide(0);
    const Presenting show("-zoom.log");
    const test::XSession& x = show.x;
    CHECK(show.shows(expected.picture(board)));

    x.key("s");
    x.run("xdotool mousemove 500 300");
    CHECK(show.shows(expected.picture(board, marks_after(PresenterCommand::ToggleSpotlight, 500, 300))));
    x.key("Escape"); // ends the spotlight, and does not count towards quitting
    CHECK(show.shows(expected.picture(board)));

    // Z: 2x around the pointer. The screen must match a slide laid out at twice the size and cut to the
    // zoom's window: text set again at 2x, not a 1x picture's pixels enlarged (those differ at every edge).
    x.key("z");
    x.run("xdotool mousemove 640 300");
    const Box window = zoom_window({640 * to_slide, 300 * to_slide}, 2, 1920, 1080);
    RoomPicture doubled(screen_w * 2, screen_h * 2);
    const SDL_Rect from{static_cast<int>(window.x / to_slide * 2), static_cast<int>(window.y / to_slide * 2),
                        screen_w, screen_h};
    CHECK(show.shows(cut(doubled.picture(board), from)));
    x.key("z");
    CHECK(show.shows(expected.picture(board)));

    // Kiosk keys aside (a kiosk binds none of these), the pointer on an idle screen costs no wake-ups.
    x.key("h");
    CHECK(show.shows(expected.picture(board, marks_after(PresenterCommand::TogglePointer, 640, 300))));
    std::this_thread::sleep_for(std::chrono::milliseconds(300)); // the frame just drawn settles
    const long before = wakeups_of(show.lectern);
    std::this_thread::sleep_for(std::chrono::seconds(2));
    CHECK(wakeups_of(show.lectern) - before <= 4); // asleep in its event wait: no frames, no polling
    show.quit();
}

TEST_CASE("a slide's countdown runs out to Time's up, and Shift+T starts it again") {
    RoomPicture expected(screen_w, screen_h);
    const DisplayList activity = expected.slide(2);
    const Presenting show("-countdown.log");
    const test::XSession& x = show.x;
    CHECK(show.shows(expected.picture(expected.slide(0))));
    x.key("End");

    // The clock in the corner the composer chose (no text under it), 3 s, then "Time's up".
    const Box corner = countdown_corner(activity, expected.measurer());
    const Countdown clock(3, 0);
    DisplayList times_up;
    compose_countdown(clock, corner, expected.deck().theme, expected.measurer(), 10000, times_up);
    CHECK(corner.x > 960); // the top or bottom right: the bullets are on the left
    CHECK(show.shows(expected.picture(activity, &times_up)));
    // Shift+T: counting again from the top (the clock passes "0:01", shown for a whole second), and
    // out to "Time's up" once more.
    x.key("shift+t");
    DisplayList last_second;
    compose_countdown(clock, corner, expected.deck().theme, expected.measurer(), 2500, last_second);
    const SDL_Rect clock_region{static_cast<int>(corner.x / to_slide), static_cast<int>(corner.y / to_slide),
                                static_cast<int>(corner.w / to_slide), static_cast<int>(corner.h / to_slide)};
    CHECK(show.shows(cut(expected.picture(activity, &last_second), clock_region), &clock_region));
    CHECK(show.shows(expected.picture(activity, &times_up)));
    show.quit();
}

TEST_CASE("lectern render --ink draws a saved session's ink on its slide, as the room saw it") {
    const std::filesystem::path folder =
        std::filesystem::temp_directory_path() / ("lectern-ink-" + std::to_string(getpid()));
    std::filesystem::create_directories(folder);
    SlideMarks marks;
    marks.apply(PresenterCommand::TogglePen, 0);
    marks.show_slide({"board", 0}, std::nullopt, 0);
    const InkStroke stroke = stroke_of({{200, 500}, {300, 520}, {400, 560}, {600, 600}});
    marks.press(stroke.points.front());
    for (const InkPoint& point : stroke.points)
        marks.move_to(point);
    marks.release();
    std::ofstream(folder / "marks.ink.json") << marks.ink().to_json();

    const std::string render = std::string("'") + LECTERN_BINARY + "' render '" + deck_file.string() +
                               "' --out '" + folder.string() + "' --size 1280x720 --ink '" +
                               (folder / "marks.ink.json").string() + "' 2>/dev/null";
    REQUIRE(std::system(render.c_str()) == 0);
    RoomPicture expected(screen_w, screen_h);
    const DisplayList board = expected.slide(0);
    const DisplayList ink = compose_ink({stroke}, board, expected.deck().theme);
    SDL_Surface* with_ink = expected.picture(board, &ink);
    SDL_Surface* written = IMG_Load((folder / "slide-01.png").c_str());
    REQUIRE(written);
    // The stroke is thin (about 2,000 of the picture's 921,600 pixels), so count pixels, not shares.
    CHECK(test::compare_images(*with_ink, *written).differing_pixels < 50);
    SDL_Surface* plain = expected.picture(board);
    CHECK(test::compare_images(*plain, *written).differing_pixels > 1000); // the ink is there
    SDL_Surface* second = IMG_Load((folder / "slide-02.png").c_str());
    SDL_Surface* second_plain = expected.picture(expected.slide(1));
    CHECK(test::differing_share(second_plain, second) <= test::golden_max_differing_share);
    for (SDL_Surface* surface : {with_ink, written, plain, second, second_plain})
        SDL_FreeSurface(surface);

    // A file that is not an ink file stops the render with a message saying which file and what is wrong.
    std::ofstream(folder / "broken.ink.json") << "{\"ink\": [{\"slide\": \"board\"}]}";
    const std::string broken = std::string("'") + LECTERN_BINARY + "' render '" + deck_file.string() +
                               "' --out '" + folder.string() + "' --ink '" +
                               (folder / "broken.ink.json").string() + "' 2>'" +
                               (folder / "err.txt").string() + "'";
    CHECK(WEXITSTATUS(std::system(broken.c_str())) == 1);
    std::ifstream err(folder / "err.txt");
    const std::string message((std::istreambuf_iterator<char>(err)), std::istreambuf_iterator<char>());
    CHECK(message.find("broken.ink.json: an entry of the ink file needs") != std::string::npos);
    std::filesystem::remove_all(folder);
}
