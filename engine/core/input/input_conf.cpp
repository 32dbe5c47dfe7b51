#include "input_conf.h"

#include "core/base/concat.h"
#include "core/base/suggestion.h"

#include <charconv>
#include <cmath>

namespace lectern {

namespace {

// One word of a line and the column it starts at.
struct Word {
    std::string_view text;
    std::uint32_t column = 0;
};

// Columns count characters, not bytes, as editors do.
std::uint32_t column_at(std::string_view line, std::size_t byte) {
    std::uint32_t column = 1;
    for (std::size_t index = 0; index < byte; ++index) {
        if ((static_cast<unsigned char>(line[index]) & 0xC0) != 0x80)
            ++column;
    }
    return column;
}

// The line's words up to a `#` that starts a word.
std::vector<Word> words_of(std::string_view line) {
    std::vector<Word> words;
    std::size_t at = 0;
    while (true) {
        at = line.find_first_not_of(" \t\r", at);
        if (at == std::string_view::npos || line[at] == '#')
            return words;
        const std::size_t end = std::min(line.find_first_of(" \t\r", at), line.size());
        words.push_back({line.substr(at, end - at), column_at(line, at)});
        at = end;
    }
}

std::string unknown(std::string_view what, std::string_view name, std::span<const std::string_view> known,
                    std::string_view otherwise) {
    if (const auto close = closest_match(name, known))
        return concat("unknown ", what, " ", in_quotes(name), "; did you mean ", in_quotes(*close), "?");
    return concat("unknown ", what, " ", in_quotes(name), "; ", otherwise);
}

// Reads one line's bindings; returns false after reporting what is wrong.
class LineReader {
public:
    LineReader(std::uint32_t line, DiagnosticSink& sink) : m_line(line), m_sink(sink) {}

    // "Ctrl+Alt+Q", or a run of digit keys "0-9": one chord for each key.
    bool read_chords(const Word& word, std::vector<KeyChord>& chords) {
        Modifiers modifiers;
        std::size_t start = 0;
        for (std::size_t plus = word.text.find('+');
             plus != std::string_view::npos && plus + 1 < word.text.size();
             plus = word.text.find('+', start)) {
            const std::string_view name = word.text.substr(start, plus - start);
            if (!add_modifier_named(name, modifiers)) {
                static constexpr std::string_view names[] = {"Shift", "Ctrl", "Alt", "Super"};
                return error(word.column + static_cast<std::uint32_t>(start),
                             unknown("modifier", name, names, "modifiers are Shift, Ctrl, Alt and Super"));
            }
            start = plus + 1;
        }
        const std::string_view name = word.text.substr(start);
        const std::uint32_t column = word.column + static_cast<std::uint32_t>(start);
        if (const std::optional<Key> key = key_named(name)) {
            chords.push_back({*key, modifiers});
            return true;
        }
        if (read_digit_run(name, modifiers, chords))
            return true;
        return error(column,
                     unknown("key", name, key_conf_names(), "docs/input-conf.md lists the key names"));
    }

    // "hold=3s", "hold=500ms", "mode=present", "mode=kiosk".
    bool read_option(const Word& word, Binding& binding) {
        const std::size_t equals = word.text.find('=');
        const std::string_view name = word.text.substr(0, equals);
        const std::string_view value = word.text.substr(equals + 1);
        if (name == "mode") {
            if (value != "present" && value != "kiosk")
                return error(word.column, "mode= is present or kiosk");
            binding.modes = {value == "present", value == "kiosk"};
            return true;
        }
        if (name == "hold") {
            double amount = 0;
            const auto [end, failed] = std::from_chars(value.data(), value.data() + value.size(), amount);
            const std::string_view unit = value.substr(static_cast<std::size_t>(end - value.data()));
            if (failed != std::errc() || !(amount > 0) || (unit != "s" && unit != "ms"))
                return error(word.column, "hold= takes a time such as 3s or 500ms");
            binding.hold_ms = static_cast<std::uint64_t>(std::llround(unit == "s" ? amount * 1000 : amount));
            return true;
        }
        return error(word.column,
                     concat("unknown option ", in_quotes(word.text), "; options are hold= and mode="));
    }

    bool read_command(const Word& word, Binding& binding) {
        if (word.text == "ignore") {
            binding.command.reset();
            return true;
        }
        binding.command = command_named(word.text);
        if (binding.command)
            return true;
        const std::vector<std::string_view> names = command_conf_names();
        return error(word.column,
                     unknown("command", word.text, names, concat("the commands are ", join_names(names))));
    }

    bool error(std::uint32_t column, std::string message) {
        m_sink.error({m_line, column}, std::move(message));
        return false;
    }

private:
    // "0-9" or "KP_0-KP_9": the digit keys from one to the other.
    static bool read_digit_run(std::string_view name, Modifiers modifiers, std::vector<KeyChord>& chords) {
        const std::size_t dash = name.find('-', 1);
        if (dash == std::string_view::npos)
            return false;
        const std::optional<Key> first = key_named(name.substr(0, dash));
        const std::optional<Key> last = key_named(name.substr(dash + 1));
        if (!first || !last || !digit_of(*first) || !digit_of(*last))
            return false;
        const int count = static_cast<int>(*last) - static_cast<int>(*first) + 1;
        if (count < 1 || *digit_of(*last) - *digit_of(*first) + 1 != count)
            return false; // backwards, or from the top row to the keypad
        for (int index = 0; index < count; ++index)
            chords.push_back({static_cast<Key>(static_cast<int>(*first) + index), modifiers});
        return true;
    }

    std::uint32_t m_line;
    DiagnosticSink& m_sink;
};

// KEY [hold=TIME] [mode=MODE] COMMAND
void read_line(const std::vector<Word>& words, std::uint32_t line, DiagnosticSink& sink, InputMap& map) {
    LineReader reader(line, sink);
    std::vector<KeyChord> chords;
    if (!reader.read_chords(words[0], chords))
        return;
    Binding binding;
    binding.position = {line, words[0].column};
    std::size_t next = 1;
    for (; next < words.size() && words[next].text.find('=') != std::string_view::npos; ++next) {
        if (!reader.read_option(words[next], binding))
            return;
    }
    if (next == words.size()) {
        reader.error(words[0].column, concat(in_quotes(words[0].text),
                                             " needs a command: KEY [hold=3s] [mode=present|kiosk] COMMAND"));
        return;
    }
    if (!reader.read_command(words[next], binding))
        return;
    if (next + 1 < words.size()) {
        reader.error(words[next + 1].column,
                     concat("unexpected ", in_quotes(words[next + 1].text), "; write one binding per line"));
        return;
    }
    if (binding.hold_ms > 0 && is_wheel(chords.front().key)) {
        reader.error(words[0].column, "a wheel turn cannot be held");
        return;
    }
    if (binding.command == PresenterCommand::Digit && !digit_of(chords.front().key)) {
        reader.error(words[next].column, "digit types the key's own digit: bind it to 0-9 or KP_0-KP_9");
        return;
    }
    for (const KeyChord& chord : chords) {
        binding.chord = chord;
        map.bind(binding);
    }
}

} // namespace

std::vector<Diagnostic> read_input_conf(std::string_view text, const std::string& file, InputMap& map) {
    DiagnosticSink sink(file);
    std::uint32_t line_number = 0;
    for (std::size_t start = 0; start <= text.size();) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        ++line_number;
        const std::vector<Word> words = words_of(text.substr(start, end - start));
        if (!words.empty())
            read_line(words, line_number, sink, map);
        start = end + 1;
    }
    return sink.take();
}

} // namespace lectern
