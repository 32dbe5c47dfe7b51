// Files built into the program, so nothing can go missing on disk: the voter page
// (assets/voter/index.html), the teacher's remote (assets/remote/index.html) and the default word filter
// (assets/word-filter.txt).
#pragma once

#include <string_view>

namespace lectern {

std::string_view voter_page();
std::string_view remote_page(); // assets/remote/index.html, the teacher's remote
std::string_view built_in_word_filter();

} // namespace lectern
