// ChoiceLabels: the names of the choices a question offers, as voters' devices show them and as a
// session's totals file writes them. Pure.
#pragma once

#include "core/deck/deck.h"

#include <string>
#include <vector>

namespace lectern {

// A poll's or quiz's options as written; a scale's steps as "1 (low label)", "2", ..., "7 (high label)"
// (a step without a label is its number alone); none for a words question.
std::vector<std::string> choice_labels(const Question& question, SlideLayout layout);

} // namespace lectern
