// Inline markup of slide text: **bold** and _italic_. Markers that are not closed show as written.
// Pure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lectern {

struct StyledSpan {
    std::string text;
    bool bold = false;
    bool italic = false;

    friend bool operator==(const StyledSpan&, const StyledSpan&) = default;
};

// "Only add people you **know**" -> {"Only add people you ", plain}, {"know", bold}.
// `_` marks italics only at word edges, so snake_case and file_names stay as written.
std::vector<StyledSpan> parse_inline_markup(std::string_view text);

// The text without its markers, e.g. for ids and alt text.
std::string plain_text_of(std::string_view text);

} // namespace lectern
