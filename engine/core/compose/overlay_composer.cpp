#include "overlay_composer.h"

#include "core/text/text_layout.h"
#include "slide_composer.h"

namespace lectern {

namespace {

void add_fitted(DisplayList& list, const TextBlock& block, TextMeasurer& measurer) {
    for (TextRun& run : fit_text(block, measurer).runs)
        list.items.emplace_back(std::move(run));
}

// The badge: a small amber disc with "!" in the bottom right corner.
Box badge_corner(const DisplayList& list) {
    return {list.width - 64, list.height - 64, 40, 40};
}

TextBlock badge_mark(const DisplayList& list) {
    TextBlock mark;
    mark.paragraphs = paragraphs_of("!");
    mark.box = badge_corner(list);
    mark.base = {FontRole::Heading, true, false, 28};
    mark.align = TextAlign::Centre;
    mark.vertical = VerticalAlign::Middle;
    mark.colour = {0, 0, 0, 255};
    return mark;
}

// White text on a dark rounded box, centred near the bottom right.
TextBlock hint_block(const DisplayList& list, const std::string& hint) {
    TextBlock block;
    block.paragraphs = paragraphs_of(hint);
    block.box = {list.width - 760, list.height - 110, 720, 70};
    block.base = {FontRole::Body, true, false, 36};
    block.align = TextAlign::Centre;
    block.vertical = VerticalAlign::Middle;
    block.colour = {255, 255, 255, 255};
    return block;
}

} // namespace

std::string overlay_hint(bool quit_waiting, std::string_view typed_number, std::string_view quit_key,
                         std::string_view confirm_key) {
    if (quit_waiting)
        return "Press " + std::string(quit_key) + " again to quit";
    if (!typed_number.empty())
        return "Go to slide " + std::string(typed_number) + " (" + std::string(confirm_key) + ")";
    return {};
}

std::optional<DisplayList> compose_overlay(const Overlay& overlay, Aspect aspect, TextMeasurer& measurer) {
    if (overlay.hint.empty() && !overlay.problem_badge)
        return std::nullopt;
    const Box slide = slide_bounds(aspect);
    DisplayList list;
    list.width = slide.w;
    list.height = slide.h;
    if (overlay.hint.empty()) {
        list.items.emplace_back(FilledBox{badge_corner(list), {230, 159, 0, 200}, 20});
        add_fitted(list, badge_mark(list), measurer);
        return list;
    }
    const TextBlock block = hint_block(list, overlay.hint);
    list.items.emplace_back(FilledBox{block.box, {0, 0, 0, 200}, 14});
    add_fitted(list, block, measurer);
    return list;
}

} // namespace lectern
