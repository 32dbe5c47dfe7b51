#include "deck_schema.h"

#include <algorithm>
#include <array>
#include <cstddef>

namespace lectern {

namespace {
using Keys = std::string_view;

constexpr std::array<Keys, 0> no_keys{};

constexpr std::array<Keys, 3> top_optional{"deck", "kiosk", "slides"};

constexpr std::array<Keys, 1> deck_required{"title"};
constexpr std::array<Keys, 9> deck_optional{"subtitle", "author",     "language",
                                            "aspect",   "theme",      "duration_minutes",
                                            "room",     "transition", "safeguarding_lead"};

constexpr std::array<Keys, 3> kiosk_optional{"slide_seconds", "loop", "resume_after_seconds"};

constexpr std::array<Keys, 2> column_required{"heading", "bullets"};

constexpr std::array<Keys, 4> common_keys{"layout", "notes", "seconds", "id"};

constexpr std::array<Keys, 1> title_required{"title"};
constexpr std::array<Keys, 1> subtitle_optional{"subtitle"};
constexpr std::array<Keys, 2> bullets_required{"title", "bullets"};
constexpr std::array<Keys, 3> bullets_optional{"build", "image", "alt"};
constexpr std::array<Keys, 3> columns_required{"title", "left", "right"};
constexpr std::array<Keys, 1> columns_optional{"build"};
constexpr std::array<Keys, 2> image_required{"image", "alt"};
constexpr std::array<Keys, 2> image_optional{"title", "caption"};
constexpr std::array<Keys, 1> quote_required{"text"};
constexpr std::array<Keys, 1> quote_optional{"by"};
constexpr std::array<Keys, 2> poll_required{"question", "options"};
constexpr std::array<Keys, 2> poll_optional{"multiple", "reveal"};
constexpr std::array<Keys, 3> quiz_required{"question", "options", "answer"};
constexpr std::array<Keys, 2> quiz_optional{"explain", "reveal"};
constexpr std::array<Keys, 3> scale_required{"question", "low", "high"};
constexpr std::array<Keys, 2> scale_optional{"steps", "reveal"};
constexpr std::array<Keys, 1> words_required{"question"};
constexpr std::array<Keys, 1> words_optional{"max_chars"};
constexpr std::array<Keys, 1> join_optional{"title"};

// Indexed by SlideLayout.
const std::array<TableSchema, slide_layout_names.size()> slide_schemas = {{
    {title_required, subtitle_optional},  // title
    {title_required, subtitle_optional},  // section
    {bullets_required, bullets_optional}, // bullets
    {columns_required, columns_optional}, // columns
    {image_required, image_optional},     // image
    {quote_required, quote_optional},     // quote
    {poll_required, poll_optional},       // poll
    {quiz_required, quiz_optional},       // quiz
    {scale_required, scale_optional},     // scale
    {words_required, words_optional},     // words
    {no_keys, join_optional},             // join
}};
} // namespace

const TableSchema top_level_schema{no_keys, top_optional};
const TableSchema deck_table_schema{deck_required, deck_optional};
const TableSchema kiosk_table_schema{no_keys, kiosk_optional};
const TableSchema column_table_schema{column_required, no_keys};
const std::span<const std::string_view> common_slide_keys{common_keys};

const TableSchema& slide_schema(SlideLayout layout) {
    return slide_schemas[static_cast<std::size_t>(layout)];
}

std::string_view how_to_add(std::string_view key) {
    struct Example {
        std::string_view key;
        std::string_view line;
    };
    static constexpr std::array<Example, 14> examples{{
        {"title", "title = \"...\""},
        {"bullets", "bullets = [\"First point\", \"Second point\"]"},
        {"question", "question = \"...\""},
        {"options", "options = [\"Yes\", \"No\"]"},
        {"answer", "answer = 1 (the number of the correct option)"},
        {"low", "low = \"Not at all\" (the label of the lowest step)"},
        {"high", "high = \"Very\" (the label of the highest step)"},
        {"image", "image = \"pictures/name.png\" (relative to the deck's folder)"},
        {"alt", "alt = \"...\" describing the picture in words"},
        {"text", "text = \"...\""},
        {"heading", "heading = \"...\""},
        {"left", "a [slides.left] table with heading and bullets"},
        {"right", "a [slides.right] table with heading and bullets"},
        {"deck", "a [deck] table with title = \"...\""},
    }};
    for (const Example& example : examples) {
        if (example.key == key)
            return example.line;
    }
    return {};
}

bool is_known_key(const TableSchema& schema, std::string_view key) {
    return std::ranges::find(schema.required, key) != schema.required.end() ||
           std::ranges::find(schema.optional, key) != schema.optional.end();
}

} // namespace lectern
