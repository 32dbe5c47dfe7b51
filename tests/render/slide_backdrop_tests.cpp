// SlideBackdrop (the slide and its finished ink kept in a texture, the spotlight from a dimmed copy) must
// draw exactly the pixels SlideRenderer draws when it draws everything again: the e2e tests' expected
// pictures are drawn that way, and the show the fast way. Also after the ink, the slide or the size
// changes, so nothing stale is ever copied.
#include "core/compose/marks_composer.h"
#include "core/compose/slide_composer.h"
#include "core/deck/deck_loader.h"
#include "golden_image.h"
#include "render/sdl_handles.h"
#include "render/sdl_text_measurer.h"
#include "render/slide_backdrop.h"
#include "render/slide_renderer.h"
#include "render_fixture.h"
#include "test_files.h"

#include <SDL.h>
#include <doctest/doctest.h>

#include <memory>
#include <optional>

using namespace lectern;

namespace {

constexpr int width_px = 640;
constexpr int height_px = 400; // not 16:9: letterbox bars too

struct RendererDeleter {
    void operator()(SDL_Renderer* renderer) const { SDL_DestroyRenderer(renderer); }
};

class BothWays {
public:
    BothWays()
        : m_deck(*load_deck_file(test::source_dir() / "tests/decks/e2e/marks.toml", DeckLoadOptions{}).deck),
          m_measurer(test::shared_font_catalog()),
          m_surface(SDL_CreateRGBSurfaceWithFormat(0, width_px, height_px, 32, SDL_PIXELFORMAT_ARGB8888)),
          m_renderer(SDL_CreateSoftwareRenderer(m_surface.get())),
          m_slides(m_renderer.get(), test::shared_font_catalog()), m_backdrop(m_renderer.get(), m_slides) {}

    DisplayList slide(std::size_t index) {
        return compose_slide(m_deck, m_deck.slides[index], 0, m_measurer).list;
    }

    // Pixels that differ between drawing `slide` with `marks` again and through the backdrop.
    std::size_t differing(const DisplayList& slide, const SlideMarks& marks, SDL_Rect viewport) {
        const std::optional<DisplayList> over = compose_marks(marks, slide, m_deck.theme);
        REQUIRE(over);
        clear();
        m_slides.draw(slide, viewport);
        m_slides.draw_over(*over, viewport);
        const SurfacePtr again(SDL_DuplicateSurface(m_surface.get()));
        clear();
        m_backdrop.draw(slide, &*over, settled_ink_items(marks), viewport);
        return test::compare_images(*again, *m_surface).differing_pixels;
    }

private:
    void clear() {
        SDL_SetRenderDrawColor(m_renderer.get(), 40, 40, 40, 255);
        SDL_RenderClear(m_renderer.get());
    }

    Deck m_deck;
    SdlTextMeasurer m_measurer;
    SurfacePtr m_surface;
    std::unique_ptr<SDL_Renderer, RendererDeleter> m_renderer;
    SlideRenderer m_slides;
    SlideBackdrop m_backdrop;
};

void draw_stroke(SlideMarks& marks, double x, double y) {
    marks.press({x, y});
    for (int i = 1; i < 30; ++i)
        marks.move_to({x + i * 20.0, y + (i % 5) * 15.0});
    marks.release();
}

// The first slide in pen mode with one stroke on it.
SlideMarks inked_board() {
    SlideMarks marks;
    marks.show_slide({"board", 0}, std::nullopt, 0);
    marks.apply(PresenterCommand::TogglePen, 0);
    draw_stroke(marks, 200, 300);
    return marks;
}

const SDL_Rect whole{0, 0, width_px, height_px};

} // namespace

TEST_CASE("the kept slide and ink draw the same pixels as drawing them again, after every change") {
    BothWays both;
    const DisplayList board = both.slide(0);
    SlideMarks marks = inked_board();
    draw_stroke(marks, 300, 700);
    CHECK(both.differing(board, marks, whole) == 0);
    marks.press({900, 200}); // a stroke in progress, over the kept ones
    marks.move_to({1000, 260});
    CHECK(both.differing(board, marks, whole) == 0);
    marks.move_to({1200, 200});
    CHECK(both.differing(board, marks, whole) == 0);
    marks.release();
    marks.apply(PresenterCommand::InkUndo, 0); // ink taken away: kept again
    CHECK(both.differing(board, marks, whole) == 0);
    CHECK(both.differing(board, marks, {0, 0, 320, 200}) == 0); // another size

    // Another slide with the same ink.
    const DisplayList after = both.slide(1);
    CHECK(both.differing(after, marks, whole) == 0);
}

TEST_CASE("the spotlight from a dimmed copy draws the same pixels as dimming the slide around the circle") {
    BothWays both;
    const DisplayList board = both.slide(0);
    SlideMarks marks = inked_board();
    marks.apply(PresenterCommand::ToggleSpotlight, 0);
    for (const InkPoint at :
         {InkPoint{400, 300}, InkPoint{960, 540}, InkPoint{10, 1070}, InkPoint{1900, 5}}) {
        marks.move_to(at);
        CHECK(both.differing(board, marks, whole) == 0);
    }
    CHECK(marks.wheel(3)); // a larger circle
    CHECK(both.differing(board, marks, whole) == 0);
    marks.apply(PresenterCommand::TogglePointer, 0); // the pointer over it
    CHECK(both.differing(board, marks, whole) == 0);
    marks.apply(PresenterCommand::InkErase, 0);
    CHECK(both.differing(board, marks, whole) == 0);
    CHECK(both.differing(board, marks, {0, 0, 500, 500}) == 0);
}
