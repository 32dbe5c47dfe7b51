#include "translation_reader.h"

#include "core/base/concat.h"
#include "core/base/suggestion.h"
#include "deck_language.h"
#include "deck_schema.h"

#include <algorithm>
#include <limits>
#include <optional>

namespace lectern {

namespace {

// What the slide itself says for a translatable key: nothing, one text, or a list of this many items.
struct Original {
    bool present = false;
    std::optional<std::size_t> items; // a list
};

Original original_of(const Slide& slide, std::string_view key) {
    const auto text = [](const std::string& value) {
        return Original{!value.empty(), std::nullopt};
    };
    const auto list = [](const std::vector<std::string>& value) {
        return Original{!value.empty(), value.size()};
    };
    const Question* q = slide.question ? &*slide.question : nullptr;
    if (key == "title")
        return text(slide.title);
    if (key == "subtitle")
        return text(slide.subtitle);
    if (key == "bullets")
        return list(slide.bullets);
    if (key == "left" || key == "right")
        return {slide.layout == SlideLayout::Columns, std::nullopt};
    if (key == "text")
        return text(slide.quote);
    if (key == "by")
        return text(slide.quote_by);
    if (key == "alt")
        return {slide.image && !slide.image->alt.empty(), std::nullopt};
    if (key == "caption")
        return text(slide.caption);
    if (key == "question")
        return q ? text(q->text) : Original{};
    if (key == "options")
        return q ? list(q->options) : Original{};
    if (key == "explain")
        return q ? text(q->explain) : Original{};
    if (key == "low")
        return q ? text(q->low) : Original{};
    if (key == "high")
        return q ? text(q->high) : Original{};
    if (key == "notes")
        return text(slide.notes);
    return {};
}

bool is_translatable(std::string_view key) {
    return std::ranges::find(translatable_slide_keys, key) != translatable_slide_keys.end();
}

bool layout_takes(SlideLayout layout, std::string_view key) {
    return key == "notes" || is_known_key(slide_schema(layout), key);
}

// A translated list: as many items as the original's, so the room and the voters' phones stay in step.
std::optional<std::vector<std::string>> read_list(TableReader& reader, std::string_view key,
                                                  std::size_t original_items) {
    std::optional<std::vector<std::string>> items =
        reader.text_list(key, 0, std::numeric_limits<std::size_t>::max(), {});
    if (!items)
        return std::nullopt;
    if (items->size() != original_items) {
        reader.sink().error(reader.value_position(key),
                            concat(in_quotes(key), " in ", reader.where(), " has ", items->size(),
                                   items->size() == 1 ? " item" : " items", " but the slide's own has ",
                                   original_items,
                                   "; a translated list has the same items in the same "
                                   "order"));
        return std::nullopt;
    }
    return items;
}

std::optional<Column> read_column(TableReader& reader, std::string_view key, const Column& original) {
    const toml::table* table = reader.subtable(key, "[slides.lang.pl.left] with heading and bullets");
    if (!table)
        return std::nullopt;
    TableReader column(*table, concat("the ", key, " column of ", reader.where()), reader.sink());
    column.check_keys(column_table_schema, {}, "a column");
    std::optional<std::string> heading = column.text("heading");
    std::optional<std::vector<std::string>> bullets = read_list(column, "bullets", original.bullets.size());
    if (!heading || !bullets)
        return std::nullopt;
    return Column{std::move(*heading), std::move(*bullets)};
}

// Reports keys that are not words, that this layout has not, or that this slide leaves out.
bool check_translation_key(TableReader& reader, const Slide& slide, std::string_view key) {
    if (!is_translatable(key)) {
        const bool slide_key = find_key_spec(slide_key_specs, key) != nullptr;
        std::string message =
            slide_key
                ? concat(in_quotes(key), " in ", reader.where(), " cannot be translated: only words can (",
                         join_names(translatable_slide_keys),
                         "). If it is the slide's own, move it above the slide's first [slides.lang] table; "
                         "otherwise remove it")
                : concat("unknown key ", in_quotes(key), " in ", reader.where(), "; a translation takes ",
                         join_names(translatable_slide_keys));
        if (!slide_key) {
            if (auto suggestion = closest_match(key, translatable_slide_keys))
                message += concat("; did you mean ", in_quotes(*suggestion), "?");
        }
        reader.sink().error(reader.key_position(key), std::move(message));
        return false;
    }
    if (!layout_takes(slide.layout, key)) {
        reader.sink().error(reader.key_position(key),
                            concat(in_quotes(key), " in ", reader.where(), " is not on a ",
                                   name_of(slide.layout),
                                   " slide; a translation holds only the words the slide has, so remove it"));
        return false;
    }
    if (!original_of(slide, key).present) {
        reader.sink().error(reader.key_position(key),
                            concat(in_quotes(key), " in ", reader.where(),
                                   " translates nothing: the slide has no ", key,
                                   "; remove it, or give the slide its own ", key, " first"));
        return false;
    }
    return true;
}

SlideTranslation read_translation(TableReader& reader, const Slide& slide, std::string language) {
    SlideTranslation translation;
    translation.language = std::move(language);
    for (const auto& [name, node] : reader.table()) {
        const std::string_view key = name.str();
        if (!check_translation_key(reader, slide, key))
            continue;
        if (key == "left" || key == "right") {
            (key == "left" ? translation.left : translation.right) =
                read_column(reader, key, key == "left" ? slide.left : slide.right);
        } else if (key == "bullets" || key == "options") {
            (key == "bullets" ? translation.bullets : translation.options) =
                read_list(reader, key, *original_of(slide, key).items);
        } else {
            for (const auto& [text_key, member] : translation_texts) {
                if (key == text_key)
                    translation.*member = reader.text(key);
            }
        }
    }
    return translation;
}

bool translates(const SlideTranslation& translation, std::string_view key) {
    if (key == "bullets" || key == "options")
        return (key == "bullets" ? translation.bullets : translation.options).has_value();
    if (key == "left" || key == "right")
        return (key == "left" ? translation.left : translation.right).has_value();
    for (const auto& [text_key, member] : translation_texts) {
        if (key == text_key)
            return (translation.*member).has_value();
    }
    return false;
}

// The words the room or a voter sees that `language` leaves in the original, one warning a language and
// slide. The notes are the presenter's and may stay in the deck's language.
// A key written but wrong was reported as an error already, so it is not warned about again.
void warn_about_missing(TableReader& reader, const Slide& slide, const std::string& language,
                        const toml::table* written) {
    const auto found = std::ranges::find(slide.translations, language, &SlideTranslation::language);
    std::vector<std::string_view> missing;
    for (std::string_view key : translatable_slide_keys) {
        if (key == "notes" || !original_of(slide, key).present)
            continue;
        if (written && written->contains(key))
            continue;
        if (found == slide.translations.end() || !translates(*found, key))
            missing.push_back(key);
    }
    if (missing.empty())
        return;
    std::string keys;
    for (std::size_t i = 0; i < missing.size(); ++i)
        keys += concat(i == 0 ? "" : (i + 1 == missing.size() ? " or " : ", "), in_quotes(missing[i]));
    reader.sink().warning(reader.table_position(),
                          concat(reader.where(), " has no ", in_quotes(language), " translation of ", keys,
                                 "; the original is shown"));
}

} // namespace

void read_translations(TableReader& slide_reader, Slide& slide, const std::vector<std::string>& languages) {
    const toml::table* lang = slide_reader.subtable("lang", "[slides.lang.pl] with title = \"...\"");
    if (lang) {
        for (const auto& [name, node] : *lang) {
            const std::string language(name.str());
            const SourcePosition where = position_of(name.source());
            if (!languages.empty() && language == languages.front()) {
                slide_reader.sink().error(where,
                                          concat(slide_reader.where(), " is written in ", in_quotes(language),
                                                 " already; [slides.lang.", language,
                                                 "] would translate it into its own language, so remove it"));
                continue;
            }
            if (std::ranges::find(languages, language) == languages.end()) {
                std::vector<std::string_view> listed(languages.begin(), languages.end());
                slide_reader.sink().error(where, concat(slide_reader.where(), " has a ", in_quotes(language),
                                                        " translation, but the deck's languages are ",
                                                        join_names(listed), "; add ", in_quotes(language),
                                                        " to languages = [...] in [deck], or remove "
                                                        "[slides.lang.",
                                                        language, "]"));
                continue;
            }
            const toml::table* table = node.as_table();
            if (!table) {
                slide_reader.sink().error(
                    where, concat("[slides.lang.", language, "] in ", slide_reader.where(),
                                  " must be a table of the slide's words, like [slides.lang.", language,
                                  "] with title = \"...\" below it; found ", describe_type(node)));
                continue;
            }
            TableReader reader(*table,
                               concat("the ", in_quotes(language), " translation of ", slide_reader.where()),
                               slide_reader.sink());
            slide.translations.push_back(read_translation(reader, slide, language));
        }
    }
    // In the order of the deck's languages, whatever the order in the file.
    std::ranges::sort(slide.translations, {}, [&](const SlideTranslation& translation) {
        return std::ranges::find(languages, translation.language) - languages.begin();
    });
    for (std::size_t i = 1; i < languages.size(); ++i) {
        const toml::node* written = lang ? lang->get(languages[i]) : nullptr;
        if (written && !written->is_table())
            continue; // reported as an error already
        warn_about_missing(slide_reader, slide, languages[i], written ? written->as_table() : nullptr);
    }
}

} // namespace lectern
