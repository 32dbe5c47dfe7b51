// The input map: reading input.conf, exact modifier matching, modes, overrides and held chords.
#include "core/base/concat.h"
#include "core/input/held_binding.h"
#include "core/input/input_conf.h"
#include "core/input/input_help.h"
#include "core/input/school_config.h"
#include "test_files.h"

#include <doctest/doctest.h>

using namespace lectern;

namespace {

InputMap map_of(std::string_view text) {
    InputMap map;
    const std::vector<Diagnostic> problems = read_input_conf(text, "input.conf", map);
    CHECK(problems.empty());
    return map;
}

std::optional<PresenterCommand> command_for(const InputMap& map, KeyChord chord,
                                            InputMode mode = InputMode::Presenting) {
    const Binding* binding = map.find(chord, mode);
    return binding ? binding->command : std::nullopt;
}

constexpr Modifiers none{};
constexpr Modifiers shift{.shift = true};

} // namespace

TEST_CASE("modifiers match exactly, whatever the order of the lines") {
    for (const char* text :
         {"F5 start_first\nShift+F5 start_here\n", "Shift+F5 start_here\nF5 start_first\n"}) {
        CAPTURE(text);
        const InputMap map = map_of(text);
        CHECK(command_for(map, {Key::F5, none}) == PresenterCommand::StartFromFirst);
        CHECK(command_for(map, {Key::F5, shift}) == PresenterCommand::StartFromCurrent);
        CHECK(command_for(map, {Key::F5, {.ctrl = true}}) == std::nullopt);
        CHECK(command_for(map, {Key::F5, {.shift = true, .alt = true}}) == std::nullopt);
    }
}

TEST_CASE("a line reads key, options and command; case of key names does not matter; # starts a comment") {
    const InputMap map = map_of("  # a comment\n\nctrl+alt+q hold=2.5s mode=kiosk quit_kiosk # why\n"
                                "pagedown next\nmouse_left next\n");
    REQUIRE(map.bindings().size() == 3);
    const Binding& chord = map.bindings()[0];
    CHECK(chord.chord == KeyChord{Key::Q, {.ctrl = true, .alt = true}});
    CHECK(chord.hold_ms == 2500);
    CHECK(chord.modes == InputModes{false, true});
    CHECK(chord.position == SourcePosition{3, 1});
    CHECK(command_for(map, {Key::PageDown, none}) == PresenterCommand::Next);
    CHECK(command_for(map, {Key::MouseLeft, none}) == PresenterCommand::Next);
}

TEST_CASE("a run of digit keys binds each of them, and help names it as a run") {
    const InputMap map = map_of("0-9 digit\nKP_0-KP_9 digit\n");
    CHECK(map.bindings().size() == 20);
    CHECK(command_for(map, {Key::Digit7, none}) == PresenterCommand::Digit);
    CHECK(command_for(map, {Key::Keypad0, none}) == PresenterCommand::Digit);
    CHECK(digit_of(Key::Keypad7) == 7);
    CHECK(keys_for(map, PresenterCommand::Digit) == "0-9, keypad 0-9");
}

TEST_CASE("modes: a present-only binding does nothing in a kiosk, and a kiosk-only one nothing outside") {
    const InputMap map =
        map_of("Esc mode=present quit\nCtrl+Alt+Q hold=3s mode=kiosk quit_kiosk\nRight next\n");
    CHECK(command_for(map, {Key::Escape, none}) == PresenterCommand::Quit);
    CHECK(map.find({Key::Escape, none}, InputMode::Kiosk) == nullptr);
    CHECK(map.find({Key::Q, {.ctrl = true, .alt = true}}, InputMode::Presenting) == nullptr);
    CHECK(command_for(map, {Key::Q, {.ctrl = true, .alt = true}}, InputMode::Kiosk) ==
          PresenterCommand::QuitKiosk);
    CHECK(command_for(map, {Key::Right, none}, InputMode::Kiosk) == PresenterCommand::Next);
}

TEST_CASE("a later line replaces an earlier one for the same input, only in the modes it names") {
    InputMap map = map_of("Right next\nN next\nEsc quit\n");
    CHECK(read_input_conf("N previous\nEsc mode=kiosk ignore\nRight ignore\n", "school.conf", map).empty());
    CHECK(command_for(map, {Key::N, none}) == PresenterCommand::Previous);
    CHECK(command_for(map, {Key::Escape, none}) == PresenterCommand::Quit);
    const Binding* ignored = map.find({Key::Escape, none}, InputMode::Kiosk);
    REQUIRE(ignored != nullptr);
    CHECK_FALSE(ignored->command);
    CHECK(command_for(map, {Key::Right, none}) == std::nullopt);
    CHECK(keys_for(map, PresenterCommand::Next) == "");
    CHECK(keys_for(map, PresenterCommand::Previous) == "N");
}

TEST_CASE("an override file with errors: every error with its position, and the good lines still bind") {
    const std::string text = test::read_text(test::source_dir() / "tests/input/lectern/input.conf");
    InputMap map = map_of("Esc quit\nN next\n");
    std::string printed;
    for (const Diagnostic& diagnostic : read_input_conf(text, "input.conf", map))
        printed += format_diagnostic(diagnostic) + "\n";
    CHECK(printed == test::read_text(test::source_dir() / "tests/input/lectern/input.expected"));
    CHECK(map.find({Key::Escape, none}, InputMode::Presenting)->command == std::nullopt);
    CHECK(command_for(map, {Key::N, none}) == PresenterCommand::Next);
    CHECK(command_for(map, {Key::N, shift}) == PresenterCommand::Previous);
}

TEST_CASE("a command or key with no close match lists what there is") {
    InputMap map;
    const std::vector<Diagnostic> problems =
        read_input_conf("Right dance\nBanana next\nX digit\n", "x.conf", map);
    REQUIRE(problems.size() == 3);
    CHECK(problems[0].message.starts_with(
        "unknown command \"dance\"; the commands are next, previous, first,"));
    CHECK(problems[1].message == "unknown key \"Banana\"; docs/input-conf.md lists the key names");
    CHECK(format_diagnostic(problems[2]) ==
          "x.conf:3:3: error: digit types the key's own digit: bind it to 0-9 or KP_0-KP_9");
    CHECK(map.bindings().empty());
}

TEST_CASE("a held chord gives its command once held long enough, and not when let go before") {
    const InputMap map = map_of("Ctrl+Alt+Q hold=3s mode=kiosk quit_kiosk\n");
    const Binding& binding = map.bindings().front();
    HeldBinding held;
    CHECK_FALSE(held.take_due(100'000));
    held.pressed(binding, 1'000);
    held.pressed(binding, 2'000); // key repeat keeps the first press
    CHECK(held.due_at_ms() == 4'000u);
    CHECK_FALSE(held.take_due(3'999));
    CHECK(held.take_due(4'000) == PresenterCommand::QuitKiosk);
    CHECK_FALSE(held.take_due(4'001)); // once

    held.pressed(binding, 5'000);
    held.released(Key::Q, {.ctrl = true, .alt = true});
    CHECK_FALSE(held.due_at_ms());
    held.pressed(binding, 6'000);
    held.released(std::nullopt, {.ctrl = true}); // Alt let go (not a key the map binds)
    CHECK_FALSE(held.take_due(10'000));
}

TEST_CASE("help and the README's table are written from the map") {
    const InputMap map =
        map_of("Right next\nMOUSE_LEFT next\nShift+F5 start_here\nCtrl+Alt+Q hold=3s quit_kiosk\n");
    CHECK(key_help_text(map) ==
          "  go to the next point or slide: Right, left click\n"
          "  start from this slide: Shift+F5\n"
          "  end a kiosk (--kiosk), where the keys that quit do nothing: Ctrl+Alt+Q held 3 s\n");
    CHECK(
        key_table_markdown(map).starts_with("| to | press |\n|---|---|\n| go to the next point or slide | "));
    CHECK(first_key_for(map, PresenterCommand::StartFromCurrent, InputMode::Presenting) == "Shift+F5");
}

TEST_CASE("the README's table of keys is the one the built-in input.conf gives") {
    InputMap map;
    const std::string defaults = test::read_text(test::source_dir() / "assets/input.conf");
    CHECK(read_input_conf(defaults, "assets/input.conf", map).empty());
    const std::string readme = test::read_text(test::source_dir() / "README.md");
    const std::string table = key_table_markdown(map);
    CHECK_MESSAGE(readme.find("\n" + table + "\n") != std::string::npos,
                  "README.md's section \"Presenting\" should carry this table:\n"
                      << table);
}

TEST_CASE("every example in docs/input-conf.md reads without errors, and it names every key and command") {
    const std::string guide = test::read_text(test::source_dir() / "docs/input-conf.md");
    std::size_t examples = 0;
    for (std::size_t start = guide.find("```conf\n"); start != std::string::npos;
         start = guide.find("```conf\n", start + 1)) {
        const std::size_t body = start + 8;
        InputMap map;
        CHECK(read_input_conf(guide.substr(body, guide.find("```", body) - body), "guide", map).empty());
        ++examples;
    }
    CHECK(examples > 0);
    for (std::string_view name : command_conf_names())
        CHECK_MESSAGE(guide.find(concat("| `", name, "` |")) != std::string::npos, name);
    for (std::string_view name : key_conf_names()) {
        const bool by_rule = name.size() <= 3 || (name.starts_with("KP_") && name.size() == 4);
        CHECK_MESSAGE((by_rule || guide.find(concat("`", name, "`")) != std::string::npos), name);
    }
}

TEST_CASE(
    "a school's settings live in $XDG_CONFIG_HOME/lectern when it is absolute, else in ~/.config/lectern") {
    CHECK(school_config_file("input.conf", "/etc/xdg", "/home/t") == "/etc/xdg/lectern/input.conf");
    CHECK(school_config_file("input.conf", "relative", "/home/t") == "/home/t/.config/lectern/input.conf");
    CHECK(school_config_file("input.conf", nullptr, "/home/t") == "/home/t/.config/lectern/input.conf");
    CHECK(school_config_file("input.conf", nullptr, "").empty());
}

TEST_CASE(
    "the built-in keys point, spotlight, zoom, draw and time an activity, and a kiosk has none of them") {
    InputMap map;
    CHECK(read_input_conf(test::read_text(test::source_dir() / "assets/input.conf"), "assets/input.conf", map)
              .empty());
    const std::pair<KeyChord, PresenterCommand> marks[] = {
        {{Key::H, none}, PresenterCommand::TogglePointer},
        {{Key::S, none}, PresenterCommand::ToggleSpotlight},
        {{Key::Z, none}, PresenterCommand::ToggleZoom},
        {{Key::D, none}, PresenterCommand::TogglePen},
        {{Key::C, none}, PresenterCommand::InkColour},
        {{Key::U, none}, PresenterCommand::InkUndo},
        {{Key::E, none}, PresenterCommand::InkErase},
        {{Key::T, none}, PresenterCommand::CountdownPause},
        {{Key::T, shift}, PresenterCommand::CountdownRestart},
    };
    for (const auto& [chord, command] : marks) {
        CHECK(command_for(map, chord) == command);
        CHECK(command_for(map, chord, InputMode::Kiosk) == std::nullopt);
    }
}
