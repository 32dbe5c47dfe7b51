// Which word filter written answers are checked against: the file given with --word-filter, else the
// school's own ~/.config/lectern/word-filter.txt ($XDG_CONFIG_HOME), else the one built in.
#pragma once

#include "core/polls/answer_screen.h"

#include <string>

namespace lectern {

// `problem` is set (and the built-in list returned) when the file given cannot be read.
WordFilter load_word_filter(const std::string& given_path, std::string& problem);

} // namespace lectern
