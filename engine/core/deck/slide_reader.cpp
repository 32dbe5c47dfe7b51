#include "slide_reader.h"

#include "core/base/concat.h"
#include "core/base/file_check.h"
#include "core/base/suggestion.h"
#include "deck_schema.h"
#include "image_probe.h"
#include "translation_reader.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <vector>

namespace lectern {

namespace {

constexpr std::size_t max_bullets = 8;
constexpr std::size_t min_options = 2;
constexpr std::size_t max_options = 6;
constexpr double max_slide_seconds = 3600;
constexpr std::int64_t max_countdown_seconds = 3600; // an hour: core/show/countdown.h's limit
constexpr std::array<std::string_view, 2> reveal_names{"on_command", "live"};

// Only keys a layout takes are read; others were reported by check_keys already.
bool takes(SlideLayout layout, std::string_view key) {
    return is_known_key(slide_schema(layout), key);
}

// Keys that exist, but not on this layout: explain that instead of guessing a typo.
std::vector<std::string_view> report_keys_of_other_layouts(TableReader& reader, SlideLayout layout) {
    std::vector<std::string_view> explained;
    const TableSchema& own = slide_schema(layout);
    for (const auto& [key, node] : reader.table()) {
        const std::string_view name = key.str();
        if (is_known_key(own, name) || std::ranges::find(common_slide_keys, name) != common_slide_keys.end())
            continue;
        std::vector<std::string_view> users;
        for (std::size_t i = 0; i < slide_layout_names.size(); ++i) {
            if (is_known_key(slide_schema(static_cast<SlideLayout>(i)), name))
                users.push_back(slide_layout_names[i]);
        }
        if (users.empty())
            continue;
        reader.sink().error(position_of(key.source()),
                            concat("key ", in_quotes(name), " is not used by a ", name_of(layout), " slide (",
                                   reader.where(), "); it belongs to ", join_names(users, " and "),
                                   " slides. Remove it or change the layout"));
        explained.push_back(name);
    }
    return explained;
}

std::optional<SlideLayout> read_layout(TableReader& reader) {
    const toml::node* node = reader.table().get("layout");
    const std::string choices = join_names(slide_layout_names);
    if (!node) {
        reader.sink().error(reader.table_position(),
                            concat(reader.where(),
                                   " has no \"layout\"; add a line layout = \"bullets\" "
                                   "(or one of ",
                                   choices, ")"));
        return std::nullopt;
    }
    const auto* name = node->as_string();
    if (!name) {
        reader.sink().error(position_of(*node), concat("\"layout\" in ", reader.where(),
                                                       " must be a layout name in quotes, one of ", choices,
                                                       "; found ", describe_type(*node)));
        return std::nullopt;
    }
    if (auto layout = slide_layout_from_name(name->get()))
        return layout;
    std::string message = concat("unknown layout ", in_quotes(name->get()), " in ", reader.where(),
                                 "; expected one of ", choices);
    if (auto suggestion = closest_match(name->get(), slide_layout_names))
        message += concat("; did you mean ", in_quotes(*suggestion), "?");
    reader.sink().error(reader.key_position("layout"), std::move(message));
    return std::nullopt;
}

// The end of the message about a picture that cannot be shown, or "" when it can. The file is looked at
// before anything opens it: a FIFO or a device is never read, a huge file never decoded.
std::string picture_problem(const std::filesystem::path& path, const SlideReadContext& context) {
    const std::string file_problem = regular_file_problem(path, picture_file_max_bytes);
    if (file_problem == missing_file_problem)
        return " does not exist; check the name, and that the path is relative to the deck's folder";
    if (!file_problem.empty())
        return concat(" cannot be read: ", file_problem,
                      "; a picture must be a PNG, JPEG, GIF, WebP or SVG file of at most ",
                      size_text(picture_file_max_bytes));
    const ImageProbe probe = probe_image_file(path);
    if (!probe.ok())
        return concat(" cannot be shown: ", probe.problem, "; save it again as PNG, JPEG or SVG");
    if (std::string too_large = picture_size_problem(probe); !too_large.empty())
        return concat(" cannot be shown: ", too_large);
    const std::string decode_problem = context.check_image ? context.check_image(path) : std::string();
    if (!decode_problem.empty())
        return concat(" cannot be shown: ", decode_problem, "; save it again as PNG, JPEG or SVG");
    return {};
}

std::optional<ImageRef> read_image(TableReader& reader, SlideReadContext& context) {
    auto path = reader.text("image");
    if (!path)
        return std::nullopt;
    ImageRef image{*path, context.folder / *path, reader.text("alt").value_or(""),
                   reader.value_position("image")};
    auto [cached, inserted] = context.checked_images.try_emplace(image.resolved);
    if (inserted)
        cached->second = picture_problem(image.resolved, context);
    if (!cached->second.empty()) {
        std::string message = concat("image file ", in_quotes(*path), " in ", reader.where(), cached->second);
        if (context.picture_problems == PictureProblems::AreErrors)
            reader.sink().error(image.position, std::move(message));
        else
            reader.sink().warning(image.position, std::move(message));
    }
    return image;
}

void read_columns(TableReader& reader, Slide& slide) {
    for (auto [key, column] : {std::pair{"left", &slide.left}, std::pair{"right", &slide.right}}) {
        const toml::table* table = reader.subtable(key, "[slides.left] with heading and bullets");
        if (!table)
            continue;
        TableReader column_reader(*table, concat("the ", key, " column of ", reader.where()), reader.sink());
        column_reader.check_keys(column_table_schema, {}, "a column");
        column->heading = column_reader.text("heading").value_or("");
        column->bullets =
            column_reader.text_list("bullets", 1, max_bullets, "split the column over two slides")
                .value_or(std::vector<std::string>{});
    }
}

void warn_about_repeated_options(TableReader& reader, const std::vector<std::string>& options) {
    for (std::size_t i = 0; i < options.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            if (options[i] == options[j]) {
                reader.sink().warning(reader.value_position("options"),
                                      concat("option ", i + 1, " of ", reader.where(), " repeats option ",
                                             j + 1, "; pupils cannot tell them apart"));
            }
        }
    }
}

Question read_question(TableReader& reader, SlideLayout layout) {
    Question question;
    question.text = reader.text("question").value_or("");
    if (takes(layout, "options")) {
        question.options = reader
                               .text_list("options", min_options, max_options,
                                          concat("a ", name_of(layout), " shows at most 6 options"))
                               .value_or(std::vector<std::string>{});
        warn_about_repeated_options(reader, question.options);
    }
    if (takes(layout, "reveal")) {
        if (auto reveal = reader.choice("reveal", reveal_names))
            question.reveal = *reveal == "live" ? Reveal::Live : Reveal::OnCommand;
    }
    if (takes(layout, "multiple"))
        question.multiple = reader.flag("multiple").value_or(false);
    if (takes(layout, "explain"))
        question.explain = reader.text("explain").value_or("");
    if (layout == SlideLayout::Scale) {
        question.low = reader.text("low").value_or("");
        question.high = reader.text("high").value_or("");
        question.steps = static_cast<int>(reader.whole_number("steps", 3, 10).value_or(5));
    }
    if (layout == SlideLayout::Words)
        question.max_chars = static_cast<int>(reader.whole_number("max_chars", 1, 80).value_or(24));

    if (layout == SlideLayout::Quiz && reader.has("answer")) {
        const std::size_t count = question.options.empty() ? max_options : question.options.size();
        const toml::node* node = reader.table().get("answer");
        if (!node->is_integer()) {
            reader.whole_number("answer", 1, static_cast<std::int64_t>(count)); // reports the wrong type
        } else if (const std::int64_t answer = node->as_integer()->get();
                   answer < 1 || static_cast<std::uint64_t>(answer) > count) {
            reader.sink().error(position_of(*node),
                                concat("answer = ", answer, " in ", reader.where(),
                                       " is not one of the options; ",
                                       "answer is the number of the correct option, from 1 to ", count));
        } else {
            question.answer = static_cast<int>(answer);
        }
    }
    return question;
}

} // namespace

std::optional<Slide> read_slide(const toml::table& table, std::size_t number, DiagnosticSink& sink,
                                SlideReadContext& context) {
    TableReader reader(table, concat("slide ", number), sink);
    const std::optional<SlideLayout> layout = read_layout(reader);
    if (!layout)
        return std::nullopt;

    const std::vector<std::string_view> explained = report_keys_of_other_layouts(reader, *layout);
    std::vector<std::string_view> extra_known(common_slide_keys.begin(), common_slide_keys.end());
    extra_known.insert(extra_known.end(), explained.begin(), explained.end());
    reader.check_keys(slide_schema(*layout), extra_known, concat("a ", name_of(*layout), " slide"));

    Slide slide;
    slide.layout = *layout;
    slide.position = reader.table_position();
    for (const auto& [key, node] : table)
        slide.value_positions.emplace_back(std::string(key.str()), lectern::position_of(node));
    slide.id = reader.text("id").value_or("");
    slide.id_given = !slide.id.empty();
    slide.notes = reader.text("notes").value_or("");
    slide.seconds = reader.number("seconds", 1, max_slide_seconds);
    if (const std::optional<std::int64_t> countdown =
            reader.whole_number("countdown", 1, max_countdown_seconds))
        slide.countdown = static_cast<int>(*countdown);
    if (takes(*layout, "title"))
        slide.title = reader.text("title").value_or("");
    if (takes(*layout, "subtitle"))
        slide.subtitle = reader.text("subtitle").value_or("");
    if (takes(*layout, "build"))
        slide.build = reader.flag("build").value_or(false);

    switch (*layout) {
    case SlideLayout::Bullets:
        slide.bullets = reader.text_list("bullets", 1, max_bullets, "split the slide in two")
                            .value_or(std::vector<std::string>{});
        slide.image = read_image(reader, context);
        if (slide.image && !reader.has("alt")) {
            reader.sink().error(reader.key_position("image"),
                                concat(reader.where(),
                                       " has an image but no \"alt\"; add alt = \"...\" describing "
                                       "the picture in words"));
        } else if (!slide.image && reader.has("alt")) {
            reader.sink().warning(reader.key_position("alt"),
                                  concat("\"alt\" in ", reader.where(),
                                         " describes no picture; add image = \"...\" or remove alt"));
        }
        break;
    case SlideLayout::Columns:
        read_columns(reader, slide);
        break;
    case SlideLayout::Image:
        slide.image = read_image(reader, context);
        slide.caption = reader.text("caption").value_or("");
        break;
    case SlideLayout::Quote:
        slide.quote = reader.text("text").value_or("");
        slide.quote_by = reader.text("by").value_or("");
        break;
    case SlideLayout::Poll:
    case SlideLayout::Quiz:
    case SlideLayout::Scale:
    case SlideLayout::Words:
        slide.question = read_question(reader, *layout);
        break;
    case SlideLayout::Title:
    case SlideLayout::Section:
    case SlideLayout::Join:
        break;
    }
    read_translations(reader, slide, context.languages);
    return slide;
}

} // namespace lectern
