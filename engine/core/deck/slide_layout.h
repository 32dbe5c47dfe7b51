// SlideLayout: the kinds of slide a deck can hold, and their names in the deck format. Pure.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace lectern {

enum class SlideLayout { Title, Section, Bullets, Columns, Image, Quote, Poll, Quiz, Scale, Words, Join };

inline constexpr std::array<std::string_view, 11> slide_layout_names = {
    "title", "section", "bullets", "columns", "image", "quote", "poll", "quiz", "scale", "words", "join"};

std::string_view name_of(SlideLayout layout);
std::optional<SlideLayout> slide_layout_from_name(std::string_view name);

// Poll, quiz, scale and words slides take answers from the room.
bool is_interactive(SlideLayout layout);

} // namespace lectern
