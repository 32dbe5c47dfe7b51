// Golden images: every layout in every built-in theme at 16:9 and 4:3, letterboxing, and slides mixing
// seven scripts, drawn headless with SDL's software renderer and compared with tests/golden/*.png within
// the tolerance of golden_image.h. A normal run only compares; tools/update-goldens.sh regenerates the
// goldens on purpose (LECTERN_UPDATE_GOLDENS=1). Decks: tests/decks/golden/.
#include "core/base/concat.h"
#include "core/compose/slide_composer.h"
#include "core/deck/deck_language.h"
#include "core/deck/deck_loader.h"
#include "golden_image.h"
#include "language_slides.h"
#include "render/font_runs.h"
#include "render/offscreen_canvas.h"
#include "render/sdl_text_measurer.h"
#include "render/slide_renderer.h"
#include "render_fixture.h"
#include "test_files.h"

#include <SDL.h>
#include <doctest/doctest.h>

#include <array>
#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

using namespace lectern;

namespace {

// Small pictures keep the repository small and the test fast; the layout is in slide units anyway.
constexpr int picture_h = 360;
constexpr int wide_w = 640;     // 16:9
constexpr int standard_w = 480; // 4:3

enum class Voting { Off, On };

// One golden per view, per theme and aspect: a slide of tests/decks/golden/layouts.toml at one build step.
struct View {
    std::string_view name;
    std::string_view slide_id;
    std::size_t step = 0;
    Voting voting = Voting::Off;
};

constexpr std::array layout_views{
    View{"title", "title"},
    View{"section", "section"},
    View{"bullets-build-step-2", "bullets-build", 1}, // mid-way: the third point still hidden
    View{"bullets-image", "bullets-image"},
    View{"columns", "columns"},
    View{"image-png", "image-png"},
    View{"image-svg", "image-svg"},
    View{"image-missing", "image-missing"},
    View{"quote", "quote"},
    View{"poll", "poll"},
    View{"quiz", "quiz"},
    View{"scale", "scale"},
    View{"words", "words"},
    View{"join-voting-off", "join"},
    View{"join-voting-on", "join", 0, Voting::On},
    View{"poll-join-strip", "poll", 0, Voting::On},
};

constexpr std::array aspects{Aspect::Wide16x9, Aspect::Standard4x3};
constexpr std::array<std::string_view, 2> mixed_script_slides{"mixed-title", "mixed-bullets"};

const JoinDetails join_details{"http://192.168.1.20:8750/?room=K7QP", "K7QP", 0, {}};

std::string aspect_name(Aspect aspect) {
    return aspect == Aspect::Wide16x9 ? "16x9" : "4x3";
}

int width_for(Aspect aspect) {
    return aspect == Aspect::Wide16x9 ? wide_w : standard_w;
}

std::string layout_golden_name(std::string_view theme, Aspect aspect, const View& view) {
    return std::string(theme) + "-" + aspect_name(aspect) + "-" + std::string(view.name);
}

std::string mixed_golden_name(std::string_view slide_id) {
    return "classroom-16x9-" + std::string(slide_id);
}

constexpr std::string_view letterbox_golden = "classroom-16x9-in-4x3-letterbox";
constexpr std::string_view pillarbox_golden = "classroom-4x3-in-16x9-pillarbox";

std::filesystem::path golden_dir() {
    return test::source_dir() / "tests/golden";
}

std::filesystem::path golden_deck(std::string_view name) {
    return test::source_dir() / "tests/decks/golden" / name;
}

// A picture in memory drawn by the software renderer (the same one `lectern render` uses).
class Canvas {
public:
    Canvas(int width_px, int height_px, FontCatalog& catalog) {
        auto created = OffscreenCanvas::create(width_px, height_px, catalog);
        REQUIRE_MESSAGE(created, (created ? "" : created.error()));
        m_canvas = std::move(*created);
    }
    void draw(const DisplayList& list) { m_canvas->draw(list); }
    SDL_Surface& surface() { return *m_canvas->surface(); }
    SlideRenderer& slides() { return m_canvas->slides(); }

private:
    std::unique_ptr<OffscreenCanvas> m_canvas;
};

// Missing pictures are warnings here, as when presenting: the placeholder is one of the goldens.
DeckLoadResult load_golden_deck(std::string_view name) {
    DeckLoadOptions options;
    options.picture_problems = PictureProblems::AreWarnings;
    return load_deck_file(golden_deck(name), options);
}

const Slide& slide_with_id(const Deck& deck, std::string_view id) {
    for (const Slide& slide : deck.slides) {
        if (slide.id == id)
            return slide;
    }
    FAIL("no slide with id " << id << " in " << deck.file);
    return deck.slides.front();
}

void use_builtin_theme(Deck& deck, std::string_view name, const FontCatalog& catalog) {
    const std::optional<Theme> theme = builtin_theme(name);
    REQUIRE(theme);
    deck.theme = *theme;
    // The goldens share one catalog: every built-in theme must use its fonts.
    REQUIRE(deck.theme.body_font == catalog.families().body);
    REQUIRE(deck.theme.heading_font == catalog.families().heading);
}

void expect_golden(Canvas& canvas, const std::string& name) {
    const test::GoldenCheck check =
        test::check_golden(canvas.surface(), name, golden_dir(), LECTERN_GOLDEN_FAILURES_DIR,
                           test::golden_mode_from_environment());
    CHECK_MESSAGE(check.passed, check.message);
}

// The golden layouts deck in the classroom theme.
Deck classroom_layouts() {
    const DeckLoadResult loaded = load_golden_deck("layouts.toml");
    REQUIRE(loaded.ok());
    Deck deck = *loaded.deck;
    use_builtin_theme(deck, "classroom", test::shared_font_catalog());
    return deck;
}

ComposedSlide compose(const Deck& deck, std::string_view slide_id, std::size_t step, Voting voting,
                      SdlTextMeasurer& measurer) {
    return compose_slide(deck, slide_with_id(deck, slide_id), step, measurer,
                         voting == Voting::On ? &join_details : nullptr);
}

} // namespace

TEST_CASE("golden images: every layout in every built-in theme, at 16:9 and 4:3") {
    const DeckLoadResult loaded = load_golden_deck("layouts.toml");
    REQUIRE(loaded.ok());
    // The one warning is the picture that is missing on purpose.
    REQUIRE(loaded.diagnostics.size() == 1);
    CHECK(loaded.diagnostics.front().severity == Severity::Warning);
    CHECK(loaded.diagnostics.front().message.find("not-there.png") != std::string::npos);

    Deck deck = *loaded.deck;
    FontCatalog& catalog = test::shared_font_catalog();
    SdlTextMeasurer measurer(catalog);
    for (const Aspect aspect : aspects) {
        deck.info.aspect = aspect;
        Canvas canvas(width_for(aspect), picture_h, catalog);
        for (const std::string_view theme : builtin_theme_names) {
            use_builtin_theme(deck, theme, catalog);
            for (const View& view : layout_views) {
                const std::string name = layout_golden_name(theme, aspect, view);
                CAPTURE(name);
                const ComposedSlide composed = compose(deck, view.slide_id, view.step, view.voting, measurer);
                CHECK(composed.problems.empty()); // the golden decks' text fits at a legible size
                canvas.draw(composed.list);
                expect_golden(canvas, name);
            }
        }
        // Only the missing picture fell back to a placeholder: the PNG and the SVG were really drawn.
        REQUIRE(canvas.slides().picture_problems().size() == 1);
        CHECK(std::filesystem::path(canvas.slides().picture_problems().begin()->first).filename() ==
              "not-there.png");
    }
}

TEST_CASE("golden images: a 16:9 slide letterboxed in a 4:3 picture, and a 4:3 slide in a 16:9 picture") {
    Deck deck = classroom_layouts();
    FontCatalog& catalog = test::shared_font_catalog();
    SdlTextMeasurer measurer(catalog);

    deck.info.aspect = Aspect::Wide16x9;
    Canvas letterbox(standard_w, picture_h, catalog);
    letterbox.draw(compose(deck, "bullets-image", 0, Voting::Off, measurer).list);
    expect_golden(letterbox, std::string(letterbox_golden));

    deck.info.aspect = Aspect::Standard4x3;
    Canvas pillarbox(wide_w, picture_h, catalog);
    pillarbox.draw(compose(deck, "bullets-image", 0, Voting::Off, measurer).list);
    expect_golden(pillarbox, std::string(pillarbox_golden));
}

TEST_CASE("golden images: English, Chinese, Japanese, Korean, Polish, Arabic and Urdu, with no boxes") {
    const DeckLoadResult loaded = load_golden_deck("mixed-scripts.toml");
    REQUIRE(loaded.ok());
    CHECK(loaded.diagnostics.empty());
    const Deck& deck = *loaded.deck;
    FontCatalog& catalog = test::shared_font_catalog();
    REQUIRE(deck.theme.body_font == catalog.families().body);
    SdlTextMeasurer measurer(catalog);
    Canvas canvas(wide_w, picture_h, catalog);
    const float scale = static_cast<float>(wide_w) / slide_bounds(deck.info.aspect).w;

    std::set<Script> scripts;
    for (const std::string_view id : mixed_script_slides) {
        const ComposedSlide composed = compose(deck, id, 0, Voting::Off, measurer);
        CHECK(composed.problems.empty());
        for (const DisplayItem& item : composed.list.items) {
            const auto* text = std::get_if<TextRun>(&item);
            if (!text)
                continue;
            // At the size the goldens draw and at the size a 1080p screen draws.
            for (const float px : {text->style.px * scale, text->style.px}) {
                const FontRunList runs =
                    split_into_font_runs(text->text, text->style, nearest_pixel_size(px), catalog);
                CAPTURE(text->text);
                CAPTURE(px);
                REQUIRE_FALSE(runs.runs.empty());
                for (const FontRun& run : runs.runs) {
                    CAPTURE(run.text);
                    CAPTURE(catalog.face(run.face).file);
                    CHECK_FALSE(run.has_missing_glyphs);
                    scripts.insert(run.script);
                }
            }
        }
        canvas.draw(composed.list);
        expect_golden(canvas, mixed_golden_name(id));
    }
    // Kana and ideographs share a run (see font_runs.cpp), so Japanese text counts as Han here.
    for (const std::string_view code : {"Latn", "Hani", "Hang", "Arab"}) {
        CAPTURE(code);
        CHECK(scripts.contains(Script::of_code(code)));
    }
}

// Results as the room sees them after R: labelled bars, the quiz answer with its explanation, a scale's
// distribution and mean, and approved words as a cloud.
constexpr std::array<std::string_view, 4> results_views{"poll", "quiz", "scale", "words"};

std::string results_golden_name(std::string_view slide_id) {
    return "classroom-16x9-results-" + std::string(slide_id);
}

TEST_CASE("golden images: results views of a poll, a quiz, a scale and a words slide") {
    Deck deck = classroom_layouts();
    FontCatalog& catalog = test::shared_font_catalog();
    SdlTextMeasurer measurer(catalog);
    deck.info.aspect = Aspect::Wide16x9;
    Canvas canvas(wide_w, picture_h, catalog);
    for (const std::string_view id : results_views) {
        CAPTURE(id);
        const Slide& slide = slide_with_id(deck, id);
        PollView view;
        view.open = true;
        view.revealed = true;
        const std::size_t choices = slide.layout == SlideLayout::Scale
                                        ? static_cast<std::size_t>(slide.question->steps)
                                        : slide.question->options.size();
        for (std::size_t i = 0; i < choices; ++i)
            view.counts.push_back(static_cast<float>((i * 7 + 3) % 11));
        for (const float count : view.counts)
            view.responses += static_cast<int>(count);
        if (slide.layout == SlideLayout::Words) {
            view.words = {{"worried", 4}, {"curious", 3}, {"safe", 2}, {"excited", 1}, {"unsure", 1}};
            view.responses = 11;
        }
        const ComposedSlide composed = compose_slide(deck, slide, 0, measurer, nullptr, &view);
        CHECK(composed.problems.empty());
        canvas.draw(composed.list);
        expect_golden(canvas, results_golden_name(id));
    }
}

TEST_CASE("golden images: every committed golden is one a test draws") {
    std::set<std::string> drawn{std::string(letterbox_golden), std::string(pillarbox_golden)};
    for (const std::string_view id : results_views)
        drawn.insert(results_golden_name(id));
    for (const Aspect aspect : aspects) {
        for (const std::string_view theme : builtin_theme_names) {
            for (const View& view : layout_views)
                drawn.insert(layout_golden_name(theme, aspect, view));
        }
    }
    for (const std::string_view id : mixed_script_slides)
        drawn.insert(mixed_golden_name(id));
    for (const test::LanguageSlide& language : test::language_slides)
        drawn.insert(test::language_golden_name(language)); // language_golden_tests.cpp
    // Missing goldens fail the tests above; here, files left over from renamed or removed views.
    for (const std::filesystem::path& file : test::files_in(golden_dir(), ".png")) {
        CAPTURE(file);
        CHECK_MESSAGE(
            drawn.contains(file.stem().string()),
            "no test draws this golden; remove it (tools/update-goldens.sh starts from an empty folder)");
    }
}

TEST_CASE("golden images: a pixel differs beyond 24 in a channel, and a picture fails beyond 0.5% of them") {
    const auto picture = [] {
        SurfacePtr surface(SDL_CreateRGBSurfaceWithFormat(0, 100, 10, 32, SDL_PIXELFORMAT_ARGB8888));
        REQUIRE(surface);
        SDL_FillRect(surface.get(), nullptr, SDL_MapRGBA(surface->format, 100, 100, 100, 255));
        return surface;
    };
    const auto set = [](SDL_Surface& surface, int x, Uint8 red) {
        const SDL_Rect pixel{x, 0, 1, 1};
        SDL_FillRect(&surface, &pixel, SDL_MapRGBA(surface.format, red, 100, 100, 255));
    };
    const SurfacePtr expected = picture();
    SurfacePtr actual = picture();
    CHECK(test::compare_images(*expected, *actual).differing_pixels == 0);

    set(*actual, 0, 124); // 24 off: the same, as far as goldens go
    CHECK(test::compare_images(*expected, *actual).differing_pixels == 0);
    set(*actual, 0, 125);
    set(*actual, 1, 75);
    test::ImageComparison comparison = test::compare_images(*expected, *actual);
    CHECK(comparison.differing_pixels == 2);
    CHECK(comparison.within_tolerance()); // 5 of 1000 pixels may differ
    CHECK_FALSE(comparison.diff);

    for (int x = 2; x < 6; ++x)
        set(*actual, x, 0);
    comparison = test::compare_images(*expected, *actual);
    CHECK(comparison.differing_pixels == 6);
    CHECK_FALSE(comparison.within_tolerance());
    REQUIRE(comparison.diff);
    CHECK(comparison.diff->w == 100);

    const SurfacePtr other_size(SDL_CreateRGBSurfaceWithFormat(0, 100, 11, 32, SDL_PIXELFORMAT_ARGB8888));
    CHECK_FALSE(test::compare_images(*expected, *other_size).within_tolerance());
}

TEST_CASE("golden images: a mismatch writes the actual and diff pictures, and says where") {
    const std::filesystem::path folder =
        std::filesystem::temp_directory_path() / ("lectern-golden-test-" + std::to_string(getpid()));
    std::filesystem::remove_all(folder);
    SurfacePtr surface(SDL_CreateRGBSurfaceWithFormat(0, 40, 30, 32, SDL_PIXELFORMAT_ARGB8888));
    REQUIRE(surface);
    SDL_FillRect(surface.get(), nullptr, SDL_MapRGBA(surface->format, 250, 249, 245, 255));
    const std::filesystem::path goldens = folder / "golden";
    const std::filesystem::path failures = folder / "failures";

    CHECK_FALSE(test::check_golden(*surface, "slide", goldens, failures, test::GoldenMode::Compare).passed);
    CHECK(test::check_golden(*surface, "slide", goldens, failures, test::GoldenMode::Update).passed);
    CHECK(std::filesystem::exists(goldens / "slide.png"));
    CHECK(test::check_golden(*surface, "slide", goldens, failures, test::GoldenMode::Compare).passed);
    CHECK_FALSE(std::filesystem::exists(failures));

    const SDL_Rect box{0, 0, 10, 10};
    SDL_FillRect(surface.get(), &box, SDL_MapRGBA(surface->format, 0, 0, 0, 255));
    const test::GoldenCheck check =
        test::check_golden(*surface, "slide", goldens, failures, test::GoldenMode::Compare);
    CHECK_FALSE(check.passed);
    CHECK(check.message.find("100 of 1200 pixels differ") != std::string::npos);
    CHECK(check.message.find((failures / "slide-actual.png").string()) != std::string::npos);
    CHECK(check.message.find((failures / "slide-diff.png").string()) != std::string::npos);
    CHECK(std::filesystem::exists(failures / "slide-actual.png"));
    CHECK(std::filesystem::exists(failures / "slide-diff.png"));
    std::filesystem::remove_all(folder);
}

// Dual mode (--dual): the room's language large and a second one smaller beneath each block of text, each
// in its own direction: Polish under English, Urdu under English (right to left under left to right),
// English under Polish columns, and English under an Urdu poll (the slide mirrored for Urdu).
TEST_CASE("golden images: two languages at once, the second smaller beneath each block") {
    DeckLoadOptions options;
    options.picture_problems = PictureProblems::AreWarnings;
    const DeckLoadResult loaded =
        load_deck_file(test::source_dir() / "tests/decks/valid/translated.toml", options);
    REQUIRE(loaded.ok());
    Deck deck = *loaded.deck;
    FontCatalog& catalog = test::shared_font_catalog();
    use_builtin_theme(deck, "classroom", catalog);
    SdlTextMeasurer measurer(catalog);
    Canvas canvas(wide_w, picture_h, catalog);
    struct Dual {
        std::string_view room, second, slide;
    };
    constexpr std::array<Dual, 4> duals{{{"en-GB", "pl", "welcome"},
                                         {"en-GB", "ur", "three-tips"},
                                         {"pl", "en-GB", "safer-and-riskier"},
                                         {"ur", "en-GB", "used-qq"}}};
    for (const Dual& dual : duals) {
        const std::string name = concat("dual-", dual.room, "-", dual.second, "-", dual.slide);
        CAPTURE(name);
        const Deck shown = deck_in_language(deck, dual.room);
        const Slide& slide = slide_with_id(shown, dual.slide);
        const SecondLanguage second = second_language(slide_with_id(deck, dual.slide), dual.second);
        const ComposedSlide composed =
            compose_slide(shown, slide, build_steps(slide) - 1, measurer, nullptr, nullptr, &second);
        CHECK(composed.problems.empty());
        // Both languages are on the slide: the second's words are drawn in the muted colour, and smaller.
        float room_px = 0;
        float second_px = 1e9f;
        for (const DisplayItem& item : composed.list.items) {
            if (const auto* text = std::get_if<TextRun>(&item)) {
                if (text->colour == deck.theme.muted)
                    second_px = std::min(second_px, text->style.px);
                else
                    room_px = std::max(room_px, text->style.px);
            }
        }
        CHECK(second_px < room_px);
        canvas.draw(composed.list);
        expect_golden(canvas, name);
    }
}
