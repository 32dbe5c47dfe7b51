// `lectern new FILE [--template lesson|assembly|parents|corridor]`: starts a deck from one of the
// templates Lectern ships (slides/templates/, found through shared_files.h), with Taplo's schema
// directive on its first line and the schema beside it, so an editor completes and checks keys while
// the teacher types. Never overwrites a file. Adapter over the core's loader and schema.
#pragma once

#include <array>
#include <ostream>
#include <string>
#include <string_view>

namespace lectern {

inline constexpr std::array<std::string_view, 4> deck_template_names{"lesson", "assembly", "parents",
                                                                     "corridor"};

// The schema file `lectern new` writes beside a deck, and the directive that names it.
inline constexpr std::string_view schema_file_name = "lectern-deck.schema.json";
inline constexpr std::string_view schema_directive = "#:schema ./lectern-deck.schema.json";

// Returns the exit code: 0 when the deck was written, 1 when it exists already or cannot be written.
int run_new(const std::string& deck_path, std::string_view template_name, std::ostream& out,
            std::ostream& errors);

} // namespace lectern
