#include "deck_loader.h"

#include "core/base/concat.h"
#include "core/base/file_check.h"
#include "core/base/suggestion.h"
#include "deck_schema.h"
#include "image_probe.h"
#include "school_details.h"
#include "slide_id.h"
#include "slide_reader.h"
#include "table_reader.h"
#include "theme_loader.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

namespace lectern {

namespace {

constexpr std::array<std::string_view, 2> aspect_names{"16:9", "4:3"};
constexpr std::array<std::string_view, 2> room_names{"classroom", "hall"};
constexpr std::array<std::string_view, 2> transition_names{"fade", "none"};
constexpr std::size_t max_deck_languages = 12;

bool is_language_tag(std::string_view tag) {
    // BCP 47 in outline: a 2 or 3 letter language, then subtags of 1 to 8 letters or digits.
    std::size_t start = 0;
    bool first = true;
    while (start <= tag.size()) {
        std::size_t end = tag.find('-', start);
        if (end == std::string_view::npos)
            end = tag.size();
        const std::string_view part = tag.substr(start, end - start);
        const bool letters_only =
            std::ranges::all_of(part, [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
        const bool alnum =
            std::ranges::all_of(part, [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
        if (first ? !(letters_only && part.size() >= 2 && part.size() <= 3)
                  : !(alnum && !part.empty() && part.size() <= 8))
            return false;
        first = false;
        start = end + 1;
    }
    return true;
}

// `languages`: tags, none twice, the first the deck's own `language` (which it stands for when that is
// not given). Without it the deck has one language, `language`.
void read_languages(TableReader& reader, DeckInfo& info) {
    info.languages = {info.language};
    std::optional<std::vector<std::string>> tags =
        reader.text_list("languages", 1, max_deck_languages, "a deck is shown in at most 12 languages");
    if (!tags)
        return;
    bool all_good = true;
    for (std::size_t i = 0; i < tags->size(); ++i) {
        const std::string& tag = (*tags)[i];
        if (!is_language_tag(tag)) {
            reader.sink().error(reader.value_position("languages"),
                                concat("item ", i + 1, " of \"languages\" in ", reader.where(), ", ",
                                       in_quotes(tag),
                                       ", is not a language tag; use one like \"en\", "
                                       "\"pl\", \"ur\" or \"zh-Hans\""));
            all_good = false;
        } else if (std::find(tags->begin(), tags->begin() + static_cast<std::ptrdiff_t>(i), tag) !=
                   tags->begin() + static_cast<std::ptrdiff_t>(i)) {
            reader.sink().error(reader.value_position("languages"),
                                concat(in_quotes(tag), " is in \"languages\" in ", reader.where(),
                                       " twice; list each language once"));
            all_good = false;
        }
    }
    if (!all_good)
        return;
    if (reader.has("language") && tags->front() != info.language) {
        reader.sink().error(reader.value_position("languages"),
                            concat("the first of \"languages\" in ", reader.where(), " is ",
                                   in_quotes(tags->front()), " but language = ", in_quotes(info.language),
                                   "; the first language is the one the deck is written in, so put ",
                                   in_quotes(info.language), " first"));
        return;
    }
    info.language = tags->front();
    info.languages = std::move(*tags);
}

void read_theme(TableReader& reader, DeckInfo& info, const std::filesystem::path& folder) {
    auto theme = reader.text("theme");
    if (!theme)
        return;
    info.theme = *theme;
    if (std::ranges::find(builtin_theme_names, *theme) != builtin_theme_names.end())
        return;
    const bool names_a_file = theme->ends_with(".toml") || theme->find('/') != std::string::npos;
    if (names_a_file) {
        const std::filesystem::path path = folder / *theme;
        const std::string problem = regular_file_problem(path, deck_file_max_bytes);
        if (problem.empty()) {
            info.theme_file = path;
            return;
        }
        reader.sink().error(reader.value_position("theme"),
                            problem == missing_file_problem
                                ? concat("theme file ", in_quotes(*theme), " in ", reader.where(),
                                         " does not exist; check the name, and that the path is relative to "
                                         "the deck's folder")
                                : concat("theme file ", in_quotes(*theme), " in ", reader.where(),
                                         " cannot be read: ", problem,
                                         "; a theme must be a TOML file of at most ",
                                         size_text(deck_file_max_bytes)));
        return;
    }
    std::string message =
        concat("theme = ", in_quotes(*theme), " in ", reader.where(), " is neither a built-in theme (",
               join_names(builtin_theme_names), ") nor a theme file ending in .toml");
    if (auto suggestion = closest_match(*theme, builtin_theme_names))
        message += concat("; did you mean ", in_quotes(*suggestion), "?");
    reader.sink().error(reader.value_position("theme"), std::move(message));
}

DeckInfo read_deck_table(TableReader& reader, const std::filesystem::path& folder) {
    reader.check_keys(deck_table_schema, {}, "the [deck] table");
    DeckInfo info;
    info.title = reader.text("title").value_or("");
    info.subtitle = reader.text("subtitle").value_or("");
    info.author = reader.text("author").value_or("");
    if (auto language = reader.text("language")) {
        if (is_language_tag(*language))
            info.language = *language;
        else
            reader.sink().error(
                reader.value_position("language"),
                concat("language = ", in_quotes(*language), " in ", reader.where(),
                       " is not a language tag; use one like \"en\", \"en-GB\", \"pl\" or \"zh-Hans\""));
    }
    read_languages(reader, info);
    if (auto aspect = reader.choice("aspect", aspect_names))
        info.aspect = *aspect == "4:3" ? Aspect::Standard4x3 : Aspect::Wide16x9;
    read_theme(reader, info, folder);
    if (auto minutes = reader.whole_number("duration_minutes", 1, 600))
        info.duration_minutes = static_cast<int>(*minutes);
    if (auto room = reader.choice("room", room_names))
        info.room = *room == "hall" ? Room::Hall : Room::Classroom;
    if (auto transition = reader.choice("transition", transition_names))
        info.transition = *transition == "none" ? Transition::None : Transition::Fade;
    if (auto id = reader.text("id")) {
        if (is_valid_slide_id(*id))
            info.id = *id;
        else
            reader.sink().error(
                reader.value_position("id"),
                concat("id = ", in_quotes(*id), " in ", reader.where(),
                       " may use only lowercase letters, digits, hyphens and underscores, starting with a "
                       "letter or digit, at most 64 characters; for example id = ",
                       in_quotes(slug_of(*id).empty() ? "my-lesson" : slug_of(*id))));
    }
    info.translation_note = reader.text("translation_note").value_or("");
    info.safeguarding_lead = reader.text("safeguarding_lead").value_or("");
    if (is_unfilled_placeholder(info.safeguarding_lead))
        reader.sink().warning(reader.value_position("safeguarding_lead"),
                              concat("safeguarding_lead in ", reader.where(),
                                     " still has a [part in square brackets] to fill in; write the name "
                                     "of your school's designated safeguarding lead and how to reach them"));
    return info;
}

KioskSettings read_kiosk_table(TableReader& reader) {
    reader.check_keys(kiosk_table_schema, {}, "the [kiosk] table");
    KioskSettings kiosk;
    kiosk.slide_seconds = reader.number("slide_seconds", 1, 3600).value_or(kiosk.slide_seconds);
    kiosk.loop = reader.flag("loop").value_or(kiosk.loop);
    kiosk.resume_after_seconds =
        reader.number("resume_after_seconds", 1, 3600).value_or(kiosk.resume_after_seconds);
    return kiosk;
}

// Keys that belong inside [deck] or [[slides]] but were written before any table header.
bool explain_misplaced_top_level_key(DiagnosticSink& sink, const toml::key& key) {
    const std::string_view name = key.str();
    if (is_known_key(deck_table_schema, name)) {
        sink.error(position_of(key.source()),
                   concat(in_quotes(name), " belongs in the [deck] table; put it below a "
                                           "line that says [deck]"));
        return true;
    }
    for (std::size_t i = 0; i < slide_layout_names.size(); ++i) {
        if (is_known_key(slide_schema(static_cast<SlideLayout>(i)), name) ||
            std::ranges::find(common_slide_keys, name) != common_slide_keys.end()) {
            sink.error(position_of(key.source()),
                       concat(in_quotes(name), " belongs in a slide; put it below a "
                                               "line that says [[slides]]"));
            return true;
        }
    }
    return false;
}

void check_top_level_keys(const toml::table& root, DiagnosticSink& sink) {
    std::vector<std::string_view> known(top_level_schema.optional.begin(), top_level_schema.optional.end());
    std::vector<std::string_view> misplaced;
    for (const auto& [key, node] : root) {
        if (!is_known_key(top_level_schema, key.str()) && explain_misplaced_top_level_key(sink, key))
            misplaced.push_back(key.str());
    }
    TableReader top(root, "the deck file", sink);
    top.check_keys(top_level_schema, misplaced, "a deck file");
}

// Where a loaded slide came from: its number in the file and the position of its `id` value.
struct SlideOrigin {
    std::size_t number;
    SourcePosition id_position;
};

// Ids given in the deck must be well formed and unique; the others are derived from the slide's text.
void assign_slide_ids(std::vector<Slide>& slides, const std::vector<SlideOrigin>& origins,
                      DiagnosticSink& sink) {
    std::map<std::string, std::size_t, std::less<>> taken; // id -> slide index
    for (std::size_t i = 0; i < slides.size(); ++i) {
        Slide& slide = slides[i];
        if (!slide.id_given)
            continue;
        if (!is_valid_slide_id(slide.id)) {
            sink.error(
                origins[i].id_position,
                concat("id = ", in_quotes(slide.id), " in slide ", origins[i].number,
                       " may use only lowercase letters, digits, hyphens and underscores, starting with a "
                       "letter or digit, at most 64 characters; for example id = ",
                       in_quotes(slug_of(slide.id).empty() ? "my-slide" : slug_of(slide.id))));
            continue;
        }
        auto [existing, inserted] = taken.try_emplace(slide.id, i);
        if (!inserted) {
            sink.error(origins[i].id_position,
                       concat("id ", in_quotes(slide.id), " in slide ", origins[i].number,
                              " is already used by slide ", origins[existing->second].number, " (line ",
                              slides[existing->second].position.line, "); give each slide its own id"));
        }
    }
    for (std::size_t i = 0; i < slides.size(); ++i) {
        Slide& slide = slides[i];
        if (slide.id_given)
            continue;
        const std::string& source = !slide.title.empty()                ? slide.title
                                    : slide.question                    ? slide.question->text
                                    : !slide.quote.empty()              ? slide.quote
                                    : !slide.caption.empty()            ? slide.caption
                                    : slide.layout == SlideLayout::Join ? std::string(name_of(slide.layout))
                                                                        : std::string();
        std::string base = slug_of(source);
        if (base.empty())
            base = concat("slide-", origins[i].number);
        std::string id = base;
        for (int suffix = 2; taken.contains(id); ++suffix)
            id = concat(base, '-', suffix);
        slide.id = id;
        taken.emplace(id, i);
    }
}

void read_slides(const toml::table& root, Deck& deck, DiagnosticSink& sink, SlideReadContext& context) {
    const toml::node* slides = root.get("slides");
    const SourcePosition deck_position =
        root.get("deck") ? position_of(*root.get("deck")) : SourcePosition{1, 1};
    if (!slides) {
        sink.error(deck_position, "the deck has no slides; add at least one [[slides]] table with a layout");
        return;
    }
    const toml::array* list = slides->as_array();
    if (!list) {
        sink.error(position_of(*slides),
                   concat("\"slides\" must be a list of [[slides]] tables (two pairs of "
                          "square brackets); found ",
                          describe_type(*slides)));
        return;
    }
    if (list->empty()) {
        sink.error(position_of(*slides),
                   "the deck has no slides; add at least one [[slides]] table with a layout");
        return;
    }
    std::vector<SlideOrigin> origins;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const toml::node& node = *list->get(i);
        const toml::table* table = node.as_table();
        if (!table) {
            sink.error(position_of(node),
                       concat("slide ", i + 1, " must be a [[slides]] table; found ", describe_type(node)));
            continue;
        }
        if (auto slide = read_slide(*table, i + 1, sink, context)) {
            const toml::node* id = table->get("id");
            origins.push_back({i + 1, id ? position_of(*id) : slide->position});
            deck.slides.push_back(std::move(*slide));
        }
    }
    assign_slide_ids(deck.slides, origins, sink);
}

// The built-in theme, or the theme file read on top of one; its problems carry the theme file's name.
Theme resolve_theme(const DeckInfo& info, const std::string& deck_display_name, DiagnosticSink& sink) {
    if (auto builtin = builtin_theme(info.theme))
        return *builtin;
    Theme fallback = *builtin_theme("classroom");
    if (!info.theme_file)
        return fallback;
    const std::filesystem::path shown = std::filesystem::path(deck_display_name).parent_path() / info.theme;
    DiagnosticSink theme_sink(shown.lexically_normal().string());
    std::optional<Theme> theme = load_theme_file(*info.theme_file, theme_sink);
    for (Diagnostic& diagnostic : theme_sink.take())
        sink.add(std::move(diagnostic));
    return theme.value_or(fallback);
}

std::string describe_parse_error(const toml::parse_error& error) {
    std::string what(error.description());
    return concat("this is not valid TOML: ", what,
                  "; check quotes, brackets and commas on this line (text goes in \"double quotes\")");
}

} // namespace

DeckLoadResult load_deck_text(std::string_view text, const std::string& display_name,
                              const std::filesystem::path& folder, const DeckLoadOptions& options) {
    DiagnosticSink sink(display_name);
    DeckLoadResult result;
    toml::table root;
    try {
        root = toml::parse(text, display_name);
    } catch (const toml::parse_error& error) {
        sink.error(position_of(error.source()), describe_parse_error(error));
        result.diagnostics = sink.take();
        return result;
    }

    Deck deck;
    deck.file = folder / std::filesystem::path(display_name).filename();
    check_top_level_keys(root, sink);

    TableReader top(root, "the deck file", sink);
    if (const toml::table* deck_table = top.subtable("deck", "[deck] with title = \"...\" below it")) {
        TableReader reader(*deck_table, "the [deck] table", sink);
        deck.info = read_deck_table(reader, folder);
    } else if (!root.contains("deck")) {
        sink.error({1, 1}, "the deck has no [deck] table; start the file with a line [deck] and below it "
                           "title = \"...\"");
    }
    if (const toml::table* kiosk_table = top.subtable("kiosk", "[kiosk] with slide_seconds = 15 below it")) {
        TableReader reader(*kiosk_table, "the [kiosk] table", sink);
        deck.kiosk = read_kiosk_table(reader);
    }

    deck.theme = resolve_theme(deck.info, display_name, sink);

    SlideReadContext context{folder, options.check_image, options.picture_problems, {}, deck.info.languages};
    read_slides(root, deck, sink, context);
    fill_school_details(deck, sink); // after ids are derived, so filling it in never changes an id

    result.diagnostics = sink.take();
    sort_by_position(result.diagnostics);
    if (!has_errors(result.diagnostics))
        result.deck = std::move(deck);
    return result;
}

DeckLoadResult load_deck_file(const std::filesystem::path& path, const DeckLoadOptions& options) {
    const Expected<std::string> file = read_regular_file(path, deck_file_max_bytes);
    if (!file) {
        DeckLoadResult result;
        const std::string advice =
            file.error() == missing_file_problem
                ? "check the file name and path"
                : concat("a deck must be a TOML file of at most ", size_text(deck_file_max_bytes));
        result.diagnostics.push_back({path.string(),
                                      {},
                                      Severity::Error,
                                      concat("cannot read this deck: ", file.error(), "; ", advice)});
        return result;
    }
    return load_deck_text(*file, path.string(), path.parent_path(), options);
}

} // namespace lectern
