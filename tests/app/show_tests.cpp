// Show: the room's screen on SDL's dummy driver (a real window and software renderer), with a real deck.
#include "app/show.h"
#include "core/deck/deck_loader.h"
#include "core/input/input_conf.h"
#include "core/show/texture_budget.h"
#include "dummy_video.h"
#include "render/sdl_text_measurer.h"
#include "test_files.h"

#include <doctest/doctest.h>

#include <variant>

using namespace lectern;

namespace {

std::shared_ptr<const Deck> deck_of(std::string_view text) {
    DeckLoadResult result = load_deck_text(text, "show.toml", test::source_dir());
    REQUIRE(result.ok());
    return std::make_shared<const Deck>(std::move(*result.deck));
}

constexpr std::string_view three_slides =
    "[deck]\ntitle = \"Show\"\ntransition = \"fade\"\n"
    "[[slides]]\nlayout = \"title\"\nid = \"one\"\ntitle = \"One\"\n"
    "[[slides]]\nlayout = \"title\"\nid = \"two\"\ntitle = \"Two\"\n"
    "[[slides]]\nlayout = \"title\"\nid = \"three\"\ntitle = \"Three\"\n";

bool shows_text(const DisplayList& list, std::string_view text) {
    for (const DisplayItem& item : list.items) {
        if (const auto* run = std::get_if<TextRun>(&item); run && run->text.find(text) != std::string::npos)
            return true;
    }
    return false;
}

struct OpenShow {
    test::DummyVideo video;
    FontCatalog catalog;
    SdlTextMeasurer measurer{catalog};
    Show show;

    explicit OpenShow(std::shared_ptr<const Deck> deck) : show(std::move(deck)) {
        const std::vector<DisplayInfo> displays = list_displays();
        REQUIRE_FALSE(displays.empty());
        Expected<AudienceWindow> window = show.open_window(displays.front(), WindowMode::Windowed);
        REQUIRE_MESSAGE(window, (window ? "" : window.error()));
        show.open(displays.front(), std::move(*window), catalog);
    }
    ~OpenShow() { show.close(); }
};

} // namespace

TEST_CASE("the show moves through the deck, counts slide changes and fades only when not blanked") {
    OpenShow open(deck_of(three_slides));
    Show& show = open.show;
    CHECK(show.behind(0)); // nothing drawn yet
    const DisplayList first = show.show_current(false, 0, open.measurer, nullptr, nullptr);
    CHECK(shows_text(first, "One"));
    show.present(0, nullptr);
    CHECK_FALSE(show.behind(1));

    const ShowMove move = show.move_to(show.after(PresenterCommand::Next));
    CHECK(move.from == 0);
    CHECK(move.to == 1);
    CHECK(move.view_changed);
    CHECK(show.behind(1));
    CHECK(show.fades());
    const std::optional<DisplayList> next = show.compose_next(open.measurer, nullptr);
    REQUIRE(next);
    CHECK(shows_text(*next, "Three"));

    const ShowMove black = show.move_to(show.after(PresenterCommand::BlackScreen));
    CHECK_FALSE(black.view_changed); // the same slide, blanked
    CHECK_FALSE(show.fades());
    show.move_to(show.at_slide(2));
    CHECK_FALSE(show.compose_next(open.measurer, nullptr));
    CHECK(show.stats().starts_with("slide changes 2, reloads 0, "));
}

TEST_CASE("a fade keeps the screen behind, and the loop wakes for its frames until a key finishes it") {
    OpenShow open(deck_of(three_slides));
    Show& show = open.show;
    show.show_current(false, 0, open.measurer, nullptr, nullptr);
    show.present(0, nullptr);
    show.move_to(show.after(PresenterCommand::Next));
    show.show_current(show.fades(), 1'000, open.measurer, nullptr, nullptr);
    show.present(1'000, nullptr);
    CHECK(show.behind(1'050));
    CHECK(show.wake_at_ms(1'050, false) == 1'066u);
    show.finish_fade();
    show.present(1'060, nullptr);
    CHECK_FALSE(show.behind(1'070));
    CHECK_FALSE(show.wake_at_ms(1'070, false));
    CHECK(show.wake_at_ms(1'070, true) == 1'086u); // growing bars want frames too
}

TEST_CASE("the quit guard's hint names the map's keys and goes away when its time is up") {
    OpenShow open(deck_of(three_slides));
    Show& show = open.show;
    InputMap map;
    REQUIRE(read_input_conf("Esc mode=present quit\nReturn confirm\n", "input.conf", map).empty());
    CHECK(show.hint(0, map).empty());
    CHECK_FALSE(show.press_quit(1'000));
    CHECK(show.hint(1'500, map) == "Press Esc again to quit");
    CHECK(show.wake_at_ms(1'500, false) == 1'000 + quit_confirm_window_ms + 1);
    show.present(1'500, nullptr);
    show.expire_quit_hint(1'000 + quit_confirm_window_ms + 1);
    CHECK(show.hint(3'100, map).empty());
    CHECK(show.behind(3'100)); // drawn again without the hint
    CHECK_FALSE(show.press_quit(4'000));
    CHECK(show.press_quit(4'500));
}

TEST_CASE("a reloaded deck keeps the slide on screen by its id and counts the reload") {
    OpenShow open(deck_of(three_slides));
    Show& show = open.show;
    show.move_to(show.at_slide(1)); // "two"
    show.replace_deck(deck_of("[deck]\ntitle = \"Show\"\ntransition = \"none\"\n"
                              "[[slides]]\nlayout = \"title\"\nid = \"new\"\ntitle = \"New\"\n"
                              "[[slides]]\nlayout = \"title\"\nid = \"one\"\ntitle = \"One\"\n"
                              "[[slides]]\nlayout = \"title\"\nid = \"two\"\ntitle = \"Two, edited\"\n"));
    CHECK(show.nav().slide == 2);
    CHECK(show.shape().steps.size() == 3);
    CHECK_FALSE(show.fades()); // the new deck has no fade
    CHECK(shows_text(show.show_current(false, 0, open.measurer, nullptr, nullptr), "edited"));
    CHECK(show.stats().starts_with("slide changes 1, reloads 1, "));
}

TEST_CASE("the caches' budgets follow the largest view drawn, and a fade's frames rasterise nothing new") {
    OpenShow open(deck_of(three_slides));
    Show& show = open.show;
    TextCache& text = show.slide_renderer().text_cache();
    CHECK(text.budget_bytes() == text_budget_floor_bytes); // nothing drawn yet
    show.show_current(false, 0, open.measurer, nullptr, nullptr);
    show.present(0, nullptr);
    const ViewTextureBytes first = show.slide_renderer().drawn_bytes();
    CHECK(first.text > 0);
    int width = 0;
    int height = 0;
    SDL_GetRendererOutputSize(text.renderer(), &width, &height);
    CHECK(text.budget_bytes() == texture_budgets(width, height, 3, first).text);

    show.move_to(show.after(PresenterCommand::Next));
    show.show_current(show.fades(), 1'000, open.measurer, nullptr, nullptr);
    show.present(1'000, nullptr); // the fade's first frame: both slides' text
    const std::uint64_t rasterised = text.counters().rasterisations;
    for (std::uint64_t at = 1'016; at <= 1'250; at += 16)
        show.present(at, nullptr);
    CHECK(text.counters().rasterisations == rasterised);
    CHECK(text.counters().evictions == 0);

    // After a reload the new deck's views are measured again.
    show.replace_deck(deck_of(three_slides));
    CHECK(text.budget_bytes() == text_budget_floor_bytes);
}
