// SourcePosition: a 1-based line and column in a text file, as editors count them.
// Pure value type; depends on nothing.
#pragma once

#include <compare>
#include <cstdint>

namespace lectern {

struct SourcePosition {
    std::uint32_t line = 0;   // 1-based; 0 means "the whole file"
    std::uint32_t column = 0; // 1-based, in characters

    bool known() const { return line != 0; }
    friend auto operator<=>(const SourcePosition&, const SourcePosition&) = default;
};

} // namespace lectern
