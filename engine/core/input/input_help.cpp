#include "input_help.h"

#include "core/base/concat.h"

namespace lectern {

namespace {

std::string label_of(const Binding& binding) {
    std::string label = lectern::label_of(binding.chord);
    if (binding.hold_ms > 0)
        label += concat(" held ", static_cast<double>(binding.hold_ms) / 1000.0, " s");
    return label;
}

// Whether `next` is the digit key after `previous`, with the same modifiers ("1" after "0").
bool continues_digits(const Binding& previous, const Binding& next) {
    return digit_of(previous.chord.key) && digit_of(next.chord.key) &&
           static_cast<int>(next.chord.key) == static_cast<int>(previous.chord.key) + 1 &&
           *digit_of(next.chord.key) == *digit_of(previous.chord.key) + 1 &&
           next.chord.modifiers == previous.chord.modifiers && next.hold_ms == previous.hold_ms;
}

} // namespace

std::string keys_for(const InputMap& map, PresenterCommand command) {
    std::vector<const Binding*> bound;
    for (const Binding& binding : map.bindings()) {
        if (binding.command == command)
            bound.push_back(&binding);
    }
    std::string keys;
    for (std::size_t first = 0; first < bound.size();) {
        std::size_t last = first;
        while (last + 1 < bound.size() && continues_digits(*bound[last], *bound[last + 1]))
            ++last;
        keys += keys.empty() ? "" : ", ";
        // A run of digit keys reads "0-9", not ten names.
        if (last - first >= 2)
            keys += concat(label_of(*bound[first]), "-", *digit_of(bound[last]->chord.key));
        else
            last = first;
        if (last == first)
            keys += label_of(*bound[first]);
        first = last + 1;
    }
    return keys;
}

std::string first_key_for(const InputMap& map, PresenterCommand command, InputMode mode) {
    for (const Binding& binding : map.bindings()) {
        if (binding.command == command && map.find(binding.chord, mode) == &binding)
            return label_of(binding);
    }
    return "";
}

std::string key_help_text(const InputMap& map) {
    std::string text;
    for (const CommandName& name : presenter_commands()) {
        const std::string keys = keys_for(map, name.command);
        if (!keys.empty())
            text += concat("  ", name.description, ": ", keys, "\n");
    }
    return text;
}

std::string key_table_markdown(const InputMap& map) {
    std::string table = "| to | press |\n|---|---|\n";
    for (const CommandName& name : presenter_commands()) {
        const std::string keys = keys_for(map, name.command);
        if (!keys.empty())
            table += concat("| ", name.description, " | ", keys, " |\n");
    }
    return table;
}

} // namespace lectern
