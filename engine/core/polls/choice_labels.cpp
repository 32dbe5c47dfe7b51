#include "choice_labels.h"

#include "core/base/concat.h"

namespace lectern {

std::vector<std::string> choice_labels(const Question& question, SlideLayout layout) {
    if (layout != SlideLayout::Scale)
        return question.options;
    std::vector<std::string> steps;
    for (int step = 1; step <= question.steps; ++step) {
        const std::string& label = step == 1 ? question.low : step == question.steps ? question.high : "";
        steps.push_back(label.empty() ? concat(step) : concat(step, " (", label, ')'));
    }
    return steps;
}

} // namespace lectern
