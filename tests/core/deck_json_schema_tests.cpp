// The deck's JSON Schema is written from the loader's own tables, and those tables say what the loader
// does: every key of every table has a spec, every range and choice of a spec is the loader's (its
// bounds load, one step beyond them does not), and every description is in the format guide's words.
// (tests/cli/deck_schema_check.py validates the decks themselves with a real JSON Schema validator.)
#include "core/base/concat.h"
#include "core/base/json.h"
#include "core/deck/deck_json_schema.h"
#include "core/deck/deck_loader.h"
#include "core/deck/deck_schema.h"
#include "test_files.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

using namespace lectern;

namespace {

std::set<std::string_view> names_of(std::span<const KeySpec> specs) {
    std::set<std::string_view> names;
    for (const KeySpec& spec : specs)
        names.insert(spec.name);
    return names;
}

std::set<std::string_view> names_of(const TableSchema& schema) {
    std::set<std::string_view> names(schema.required.begin(), schema.required.end());
    names.insert(schema.optional.begin(), schema.optional.end());
    return names;
}

// A value of the key's kind, as TOML: `count` items of a list, or the number itself.
std::string toml_value(const KeySpec& spec, double number) {
    if (spec.kind != ValueKind::TextList)
        return number_text(number);
    std::string list = "[";
    for (int i = 0; i < static_cast<int>(number); ++i)
        list += concat(i == 0 ? "" : ", ", "\"item ", i + 1, '"');
    return list + "]";
}

// Keys a slide of each layout needs, with values the loader takes (six options, so any answer fits).
std::string required_keys(SlideLayout layout, std::string_view except) {
    static const std::vector<std::pair<std::string_view, std::string_view>> samples{
        {"title", "\"T\""},
        {"bullets", "[\"a\"]"},
        {"left", "{heading = \"h\", bullets = [\"b\"]}"},
        {"right", "{heading = \"h\", bullets = [\"b\"]}"},
        {"image", "\"images/square.png\""},
        {"alt", "\"A square\""},
        {"text", "\"Words\""},
        {"question", "\"Which?\""},
        {"options", "[\"a\", \"b\", \"c\", \"d\", \"e\", \"f\"]"},
        {"answer", "1"},
        {"low", "\"low\""},
        {"high", "\"high\""},
    };
    std::string keys = concat("layout = \"", name_of(layout), "\"\n");
    for (std::string_view key : slide_schema(layout).required) {
        const auto sample =
            std::ranges::find(samples, key, &std::pair<std::string_view, std::string_view>::first);
        REQUIRE(sample != samples.end());
        if (key != except)
            keys += concat(key, " = ", sample->second, '\n');
    }
    return keys;
}

// A deck with `line` in the [deck] table, the [kiosk] table or a slide of a layout that takes the key.
std::string deck_with(std::span<const KeySpec> table, const KeySpec& spec, const std::string& line) {
    std::string deck = "[deck]\ntitle = \"Deck\"\n";
    if (table.data() == deck_key_specs.data())
        return deck + (spec.name == "title" ? "" : line + "\n") + "[[slides]]\nlayout = \"join\"\n";
    if (table.data() == kiosk_key_specs.data())
        return deck + "[kiosk]\n" + line + "\n[[slides]]\nlayout = \"join\"\n";
    SlideLayout layout = SlideLayout::Title;
    for (std::size_t i = 0; i < slide_layout_names.size(); ++i) {
        if (is_known_key(slide_schema(static_cast<SlideLayout>(i)), spec.name)) {
            layout = static_cast<SlideLayout>(i);
            break;
        }
    }
    return deck + "[[slides]]\n" + required_keys(layout, spec.name) + line + "\n";
}

bool loads(const std::string& deck) {
    CAPTURE(deck);
    return load_deck_text(deck, "deck.toml", test::source_dir() / "tests/decks/valid", DeckLoadOptions{})
        .deck.has_value();
}

const std::vector<std::span<const KeySpec>> all_tables{deck_key_specs, kiosk_key_specs, slide_key_specs};

} // namespace

TEST_CASE("every key the loader knows has a spec, and every spec is a key the loader knows") {
    CHECK(names_of(deck_key_specs) == names_of(deck_table_schema));
    CHECK(names_of(kiosk_key_specs) == names_of(kiosk_table_schema));
    CHECK(names_of(column_key_specs) == names_of(column_table_schema));
    std::set<std::string_view> slide_keys(common_slide_keys.begin(), common_slide_keys.end());
    for (std::size_t i = 0; i < slide_layout_names.size(); ++i)
        slide_keys.merge(names_of(slide_schema(static_cast<SlideLayout>(i))));
    CHECK(names_of(slide_key_specs) == slide_keys);
}

TEST_CASE("the ranges of the specs are the loader's: the bounds load and one beyond them does not") {
    for (std::span<const KeySpec> table : all_tables) {
        for (const KeySpec& spec : table) {
            if (spec.kind != ValueKind::WholeNumber && spec.kind != ValueKind::Number &&
                spec.kind != ValueKind::TextList)
                continue;
            CAPTURE(spec.name);
            const auto line = [&](double value) {
                return concat(spec.name, " = ", toml_value(spec, value));
            };
            CHECK(loads(deck_with(table, spec, line(spec.min))));
            CHECK(loads(deck_with(table, spec, line(spec.max))));
            CHECK(!loads(deck_with(table, spec, line(spec.max + 1))));
            if (spec.min >= 1)
                CHECK(!loads(deck_with(table, spec, line(spec.min - 1))));
        }
    }
}

TEST_CASE("the choices of the specs are the loader's: each one loads, and another word does not") {
    for (std::span<const KeySpec> table : all_tables) {
        for (const KeySpec& spec : table) {
            if (spec.kind != ValueKind::Choice && spec.kind != ValueKind::ThemeName)
                continue;
            CAPTURE(spec.name);
            for (std::string_view choice : spec.choices) {
                CAPTURE(choice);
                if (spec.name == "layout") {
                    const auto layout = slide_layout_from_name(choice);
                    REQUIRE(layout);
                    CHECK(
                        loads(concat("[deck]\ntitle = \"Deck\"\n[[slides]]\n", required_keys(*layout, ""))));
                } else {
                    CHECK(loads(deck_with(table, spec, concat(spec.name, " = \"", choice, '"'))));
                }
            }
            if (spec.name != "layout")
                CHECK(!loads(deck_with(table, spec, concat(spec.name, " = \"no-such-choice\""))));
        }
    }
}

TEST_CASE("every description is the format guide's words") {
    std::string guide = test::read_text(test::source_dir() / "slides/README.md");
    for (const std::string_view markup : {"**", "`"}) {
        for (std::size_t at = 0; (at = guide.find(markup, at)) != std::string::npos;)
            guide.erase(at, markup.size());
    }
    // The guide has no one sentence for these two.
    const std::set<std::string_view> written_here{"title", "question"};
    for (std::span<const KeySpec> table :
         {deck_key_specs, kiosk_key_specs, slide_key_specs, column_key_specs}) {
        for (const KeySpec& spec : table) {
            CAPTURE(spec.name);
            CHECK(!spec.description.empty());
            if (table.data() == slide_key_specs.data() && written_here.contains(spec.name))
                continue;
            CHECK(guide.find(spec.description) != std::string::npos);
        }
    }
}

TEST_CASE("the schema is strict JSON naming every key of every table, and the same each time") {
    const std::string text = deck_json_schema();
    CHECK(text == deck_json_schema());
    const Expected<JsonValue> parsed = parse_json(text, 32);
    REQUIRE(parsed);
    const auto member = [](const JsonValue& value, std::string_view key) -> const JsonValue& {
        const JsonObject* object = value.object();
        REQUIRE(object);
        const auto found = std::ranges::find(*object, key, &JsonMember::first);
        REQUIRE(found != object->end());
        return found->second;
    };
    const JsonValue& defs = member(*parsed, "$defs");
    const std::vector<std::pair<std::string_view, std::span<const KeySpec>>> tables{
        {"deck", deck_key_specs},
        {"kiosk", kiosk_key_specs},
        {"slide", slide_key_specs},
        {"column", column_key_specs}};
    for (const auto& [name, specs] : tables) {
        CAPTURE(name);
        std::set<std::string_view> keys;
        for (const JsonMember& key : *member(member(defs, name), "properties").object())
            keys.insert(key.first);
        CHECK(keys == names_of(specs));
    }
}
