// A TextMeasurer with fixed advances, for layout tests that must not depend on fonts:
// every character is 0.5 em wide (0.6 em in bold), lines are 1.25 em apart; direction marks and soft
// hyphens are invisible, so they take no width.
#pragma once

#include "core/text/text_measurer.h"
#include "core/text/utf8.h"

namespace lectern::test {

class FakeTextMeasurer final : public TextMeasurer {
public:
    float width_of(std::string_view utf8, const TextStyle& style) override {
        float characters = 0;
        for (std::size_t at = 0; at < utf8.size();) {
            const char32_t c = next_code_point(utf8, at);
            const bool invisible = c == U'\u200E' || c == U'\u200F' || c == U'\u00AD';
            characters += invisible ? 0 : 1;
        }
        ++calls;
        return characters * style.px * (style.bold ? 0.6f : 0.5f);
    }
    float line_height(const TextStyle& style) override { return style.px * 1.25f; }

    int calls = 0;
};

} // namespace lectern::test
