// SharedFiles: where the files Lectern ships beside its program are: the decks, their pictures, the
// templates of `lectern new` and the deck schema. An installed lectern finds them through its install
// prefix (PREFIX/bin/lectern -> PREFIX/share/lectern), wherever that prefix is; a lectern run from its
// build folder finds them in the source tree it was built from.
#pragma once

#include <filesystem>
#include <optional>

namespace lectern {

// The folder holding slides/ and assets/ (PREFIX/share/lectern, or the source tree), or nothing when
// neither is there.
std::optional<std::filesystem::path> shared_files_folder();

} // namespace lectern
