#include "deck_schema.h"

#include "theme.h"

#include <algorithm>
#include <array>
#include <cstddef>

namespace lectern {

namespace {
using Keys = std::string_view;

constexpr std::array<Keys, 0> no_keys{};

constexpr std::array<Keys, 3> top_optional{"deck", "kiosk", "slides"};

constexpr std::array<Keys, 1> deck_required{"title"};
constexpr std::array<Keys, 12> deck_optional{
    "subtitle", "author",     "language",          "aspect", "theme",     "duration_minutes",
    "room",     "transition", "safeguarding_lead", "id",     "languages", "translation_note"};

constexpr std::array<Keys, 3> kiosk_optional{"slide_seconds", "loop", "resume_after_seconds"};

constexpr std::array<Keys, 2> column_required{"heading", "bullets"};

constexpr std::array<Keys, 6> common_keys{"layout", "notes", "seconds", "id", "countdown", "lang"};

constexpr std::array<Keys, 15> translatable_keys{"title",   "subtitle", "bullets", "left",    "right",
                                                 "text",    "by",       "alt",     "caption", "question",
                                                 "options", "explain",  "low",     "high",    "notes"};

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
const std::span<const std::string_view> translatable_slide_keys{translatable_keys};

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

namespace lectern {

namespace {
using Kind = ValueKind;

constexpr std::array<Keys, 2> aspect_choices{"16:9", "4:3"};
constexpr std::array<Keys, 2> room_choices{"classroom", "hall"};
constexpr std::array<Keys, 2> transition_choices{"fade", "none"};
constexpr std::array<Keys, 2> reveal_choices{"on_command", "live"};

constexpr std::array<KeySpec, 13> deck_keys{{
    {"title", Kind::Text, "The name of the deck."},
    {"subtitle", Kind::Text, "A second line under the title"},
    {"author", Kind::Text, "Who wrote the deck"},
    {"language", Kind::LanguageTag, "The language the slides are written in", 0, 0, {}, "\"en\""},
    {"aspect", Kind::Choice, "The shape of the screen", 0, 0, aspect_choices, "\"16:9\""},
    {"theme", Kind::ThemeName, "The look of the slides", 0, 0, builtin_theme_names, "\"classroom\""},
    {"duration_minutes", Kind::WholeNumber,
     "How long you plan to take. The presenter's screen uses it to show whether you are on pace.", 1, 600},
    {"room", Kind::Choice,
     "Where you present. It sets the smallest text that counts as legible (readable) there", 0, 0,
     room_choices, "\"classroom\""},
    {"transition", Kind::Choice,
     "What happens between slides: a short fade (200 ms; a key pressed during it finishes it at once) or a "
     "plain cut",
     0, 0, transition_choices, "\"fade\""},
    {"safeguarding_lead", Kind::Text,
     "Your school's designated safeguarding lead: a name and how to reach them. It is shown wherever a slide "
     "or its notes say {safeguarding_lead}"},
    {"id", Kind::SlideId,
     "The deck's name in a whole school's show (lectern --school): rooms that follow one leader share it"},
    {"languages", Kind::LanguageList,
     "Every language the deck can be shown in, as language tags; the first is the one it is written in"},
    {"translation_note", Kind::Text,
     "Who translated the deck, and whether a native speaker has checked it. The presenter's screen shows it"},
}};

constexpr std::array<KeySpec, 3> kiosk_keys{{
    {"slide_seconds", Kind::Number, "How long each slide stays on screen", 1, 3600, {}, "15"},
    {"loop", Kind::Flag, "Start again after the last slide", 0, 0, {}, "true"},
    {"resume_after_seconds",
     Kind::Number,
     "After someone presses a key, the slides stop moving on by themselves. This is how long Lectern waits, "
     "with nobody touching anything, before it starts again.",
     1,
     3600,
     {},
     "60"},
}};

constexpr std::array<KeySpec, 27> slide_keys{{
    {"layout", Kind::Choice, "The kind of slide.", 0, 0, slide_layout_names},
    {"id", Kind::SlideId, "A short, fixed name for the slide"},
    {"notes", Kind::Text, "Speaker notes. Only you see them, on the presenter's screen."},
    {"seconds", Kind::Number, "How long this slide stays up in kiosk mode, instead of slide_seconds", 1,
     3600},
    {"countdown", Kind::WholeNumber,
     "A countdown clock for a class activity, in seconds: it starts when the slide appears and shows in a "
     "corner with no text",
     1, 3600},
    {"lang", Kind::Translations,
     "The slide's words in another language of the deck: a [slides.lang.pl] table holding any of its text "
     "keys"},
    {"title", Kind::Text, "The slide's title"}, // the guide has no one sentence for it
    {"subtitle", Kind::Text, "A second line under the title"},
    {"bullets", Kind::TextList, "a list of 1 to 8 points", 1, 8},
    {"build",
     Kind::Flag,
     "when true, the slide arrives with its first point showing and each press of next shows one more; "
     "previous takes one away",
     0,
     0,
     {},
     "false"},
    {"image", Kind::Text, "the picture file"},
    {"alt", Kind::Text, "a description of the picture in words"},
    {"left", Kind::Table, "the two columns"},
    {"right", Kind::Table, "the two columns"},
    {"caption", Kind::Text, "a line of text under the picture"},
    {"text", Kind::Text, "the words of the quote"},
    {"by", Kind::Text, "who said it"},
    {"question", Kind::Text, "The question the room answers"}, // nor for this one
    {"options", Kind::TextList, "a list of 2 to 6 answers", 2, 6},
    {"multiple", Kind::Flag, "when true, pupils may choose more than one option", 0, 0, {}, "false"},
    {"reveal", Kind::Choice,
     "\"on_command\" (the default) keeps the results hidden until you choose to show them; \"live\" shows "
     "them as the votes come in",
     0, 0, reveal_choices, "\"on_command\""},
    {"answer", Kind::WholeNumber,
     "the number of the correct option, counting from 1 (the first option is 1, the second is 2, and so on)",
     1, 6},
    {"explain", Kind::Text, "a sentence shown with the answer"},
    {"low", Kind::Text, "the label of the lowest end"},
    {"high", Kind::Text, "the label of the highest end"},
    {"steps",
     Kind::WholeNumber,
     "how many points the scale has, a whole number from 3 to 10 (default 5)",
     3,
     10,
     {},
     "5"},
    {"max_chars",
     Kind::WholeNumber,
     "the longest answer allowed, in characters, a whole number from 1 to 80 (default 24)",
     1,
     80,
     {},
     "24"},
}};

constexpr std::array<KeySpec, 2> column_keys{{
    {"heading", Kind::Text, "the heading of the column"},
    {"bullets", Kind::TextList, "a list of 1 to 8 points", 1, 8},
}};
} // namespace

const std::span<const KeySpec> deck_key_specs{deck_keys};
const std::span<const KeySpec> kiosk_key_specs{kiosk_keys};
const std::span<const KeySpec> slide_key_specs{slide_keys};
const std::span<const KeySpec> column_key_specs{column_keys};

const KeySpec* find_key_spec(std::span<const KeySpec> specs, std::string_view key) {
    const auto found = std::ranges::find(specs, key, &KeySpec::name);
    return found == specs.end() ? nullptr : &*found;
}

} // namespace lectern
