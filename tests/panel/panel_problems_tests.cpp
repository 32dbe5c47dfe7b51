// The panel's problems part in a bare ImGui frame (bare_frame.h): the test reads the text the teacher
// would read.
#include "bare_frame.h"
#include "panel/panel_parts.h"

#include <doctest/doctest.h>

#include <string>

using namespace lectern;

namespace {

std::string problems_text(const PanelView& view) {
    return test::text_of_part([&](PanelActions&) { draw_problems_part(view); });
}

} // namespace

TEST_CASE("the panel lists every problem of the list, not only the first") {
    PanelView view;
    view.problems = {"The edited deck has errors, so the last good version stays on screen",
                     "Voting from devices is off: port 8750 is in use",
                     "deck.toml:12:9: warning: safeguarding_lead is still the placeholder"};
    const std::string text = problems_text(view);
    CHECK(text.find("3 problems (only you can see these)") != std::string::npos);
    for (const std::string& problem : view.problems)
        CHECK_MESSAGE(text.find(problem) != std::string::npos, problem);
}

TEST_CASE("without problems the panel says so") {
    CHECK(problems_text({}).find("No problems.") != std::string::npos);
}
