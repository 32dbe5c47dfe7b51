// Choosing the audience's display, and finding it again after displays come and go (SDL renumbers them):
// the choice the presentation makes on every display event, over display lists as SDL reports them.
#include "render/display_choice.h"

#include <doctest/doctest.h>

using namespace lectern;

namespace {

std::vector<DisplayInfo> displays(std::initializer_list<const char*> names) {
    std::vector<DisplayInfo> list;
    int x = 0;
    for (const char* name : names) {
        list.push_back({static_cast<int>(list.size()), name, {x, 0, 1920, 1080}});
        x += 1920;
    }
    return list;
}

} // namespace

TEST_CASE("display choice: the last display by default, or one by number or name") {
    const auto two = displays({"eDP-1", "HDMI-1"});
    CHECK(choose_display(two, "")->name == "HDMI-1");
    CHECK(choose_display(two, "1")->name == "eDP-1");
    CHECK(choose_display(two, "hdmi")->name == "HDMI-1");
    CHECK_FALSE(choose_display(two, "3"));
    CHECK_FALSE(choose_display(two, "VGA"));
}

TEST_CASE("display choice: a projector unplugged and plugged back in is found again by name") {
    // As the presentation does on each display event: by name, else as asked, else the default.
    auto follow = [](const std::vector<DisplayInfo>& now, const std::string& name) {
        auto display = choose_display(now, name);
        if (!display)
            display = choose_display(now, "");
        return display;
    };
    const auto before = displays({"eDP-1", "HDMI-1"});
    const std::string audience = choose_display(before, "")->name;
    // Unplugged: the show goes on the display that is left, never on nothing.
    const auto unplugged = displays({"eDP-1"});
    REQUIRE(follow(unplugged, audience));
    CHECK(follow(unplugged, audience)->name == "eDP-1");
    // Plugged back in, and numbered differently: back on the projector.
    const auto back = displays({"HDMI-1", "eDP-1"});
    CHECK(follow(back, audience)->name == "HDMI-1");
    CHECK(follow(back, audience)->index == 0);
}
