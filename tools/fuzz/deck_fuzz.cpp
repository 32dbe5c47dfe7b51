// libFuzzer target: any bytes as a deck. The loader must answer every input with a deck or with
// diagnostics (never a crash, a hang, a leak or undefined behaviour), and a deck it accepts must compose
// at every build step with the fit checks, as presenting it would. Built with clang by tools/fuzz/run.sh.
#include "core/compose/slide_composer.h"
#include "core/deck/deck_loader.h"
#include "core/text/text_measurer.h"
#include "core/text/utf8.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

// Fixed advances, so the fuzzer explores the layout code and not a font.
class FixedMeasurer final : public lectern::TextMeasurer {
public:
    float width_of(std::string_view utf8, const lectern::TextStyle& style) override {
        float characters = 0;
        for (std::size_t at = 0; at < utf8.size(); characters += 1)
            lectern::next_code_point(utf8, at);
        return characters * style.px * 0.55f;
    }
    float line_height(const lectern::TextStyle& style) override { return style.px * 1.25f; }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 64 * 1024)
        return 0; // decks are small; very large inputs only slow the search down
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    lectern::DeckLoadOptions options;
    options.check_image = [](const std::filesystem::path&) {
        return std::string();
    }; // no file access
    const lectern::DeckLoadResult result =
        lectern::load_deck_text(text, "fuzz.toml", "/nonexistent", options);
    if (!result.deck)
        return 0;
    FixedMeasurer measurer;
    for (const lectern::Slide& slide : result.deck->slides) {
        for (std::size_t step = 0; step < lectern::build_steps(slide); ++step)
            lectern::compose_slide(*result.deck, slide, step, measurer);
    }
    lectern::check_text_fits(*result.deck, "fuzz.toml", measurer);
    return 0;
}
