#include "command_line.h"

#include "core/base/suggestion.h"
#include "core/remote/remote_access.h"
#include "core/school/school_url.h"
#include "core/voting/school_network.h"
#include "new_command.h"

#include <algorithm>
#include <charconv>

namespace lectern {

namespace {

CommandLine usage_error(std::string message) {
    CommandLine command;
    command.kind = CommandKind::UsageError;
    command.error = std::move(message);
    return command;
}

std::optional<int> whole_number(const std::string& text, int min, int max) {
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || value < min || value > max)
        return std::nullopt;
    return value;
}

// "1920x1080" -> width and height, each from 64 to 8192.
bool parse_size(const std::string& text, CommandLine& command) {
    const std::size_t x = text.find('x');
    if (x == std::string::npos)
        return false;
    const auto width = whole_number(text.substr(0, x), 64, 8192);
    const auto height = whole_number(text.substr(x + 1), 64, 8192);
    if (!width || !height)
        return false;
    command.width = *width;
    command.height = *height;
    return true;
}

} // namespace

CommandLine parse_command_line(const std::vector<std::string>& arguments) {
    if (arguments.empty())
        return usage_error("no deck given");
    CommandLine command;
    std::size_t first = 1;
    if (arguments[0] == "check")
        command.kind = CommandKind::Check;
    else if (arguments[0] == "render")
        command.kind = CommandKind::Render;
    else if (arguments[0] == "results")
        command.kind = CommandKind::Results;
    else if (arguments[0] == "new")
        command.kind = CommandKind::New;
    else if (arguments[0] == "displays" || arguments[0] == "schema") {
        command.kind = arguments[0] == "schema" ? CommandKind::Schema : CommandKind::Displays;
        return arguments.size() == 1 ? command : usage_error(arguments[0] + " takes no arguments");
    } else {
        command.kind = CommandKind::Present;
        first = 0;
    }
    for (std::size_t i = first; i < arguments.size(); ++i) {
        const std::string& argument = arguments[i];
        const bool has_value = i + 1 < arguments.size();
        if (argument == "--help" || argument == "-h") {
            command.kind = CommandKind::Help;
            return command;
        } else if (argument == "--version") {
            command.kind = CommandKind::Version;
            return command;
        } else if (command.kind == CommandKind::Render && argument == "--out" && has_value) {
            command.out_dir = arguments[++i];
        } else if (command.kind == CommandKind::Render && argument == "--size" && has_value) {
            if (!parse_size(arguments[++i], command))
                return usage_error("--size takes WIDTHxHEIGHT, like 1920x1080 (each 64 to 8192)");
        } else if (command.kind == CommandKind::Render && argument == "--slide" && has_value) {
            command.slide = whole_number(arguments[++i], 1, 1000000);
            if (!command.slide)
                return usage_error("--slide takes a slide number, counting from 1");
        } else if (command.kind == CommandKind::Render && argument == "--pdf" && has_value) {
            command.pdf_file = arguments[++i];
        } else if (command.kind == CommandKind::Render && argument == "--ink" && has_value) {
            command.ink_file = arguments[++i];
        } else if (command.kind == CommandKind::Render && argument == "--steps") {
            command.every_step = true;
        } else if (command.kind == CommandKind::Render && argument == "--handout") {
            command.handout = true;
        } else if ((command.kind == CommandKind::Present || command.kind == CommandKind::Render) &&
                   (argument == "--lang" || argument == "--dual") && has_value) {
            (argument == "--lang" ? command.language : command.dual) = arguments[++i];
        } else if (command.kind == CommandKind::Present && argument == "--display" && has_value) {
            command.display = arguments[++i];
        } else if (command.kind == CommandKind::Present && argument == "--window") {
            command.windowed = true;
        } else if (command.kind == CommandKind::Present && argument == "--kiosk") {
            command.kiosk = true;
        } else if (command.kind == CommandKind::Present && argument == "--presenter") {
            command.presenter = true;
        } else if (command.kind == CommandKind::Present && argument == "--no-presenter") {
            command.presenter = false;
        } else if (command.kind == CommandKind::Present && argument == "--presenter-display" && has_value) {
            command.presenter_display = arguments[++i];
        } else if (command.kind == CommandKind::Present && argument == "--retention-days" && has_value) {
            const auto days = whole_number(arguments[++i], 0, 36500);
            if (!days)
                return usage_error("--retention-days takes a number of days, from 0 (keep) to 36500");
            command.retention_days = *days;
        } else if (command.kind == CommandKind::Present && argument == "--vote") {
            command.vote = true;
        } else if (command.kind == CommandKind::Present && argument == "--no-vote") {
            command.vote = false;
        } else if (command.kind == CommandKind::Present && argument == "--remote") {
            command.remote = true;
        } else if (command.kind == CommandKind::Present && argument == "--no-remote") {
            command.remote = false;
        } else if (command.kind == CommandKind::Present && argument == "--remote-pin" && has_value) {
            command.remote_pin = arguments[++i];
            if (!is_remote_pin(command.remote_pin))
                return usage_error("--remote-pin takes six digits, such as 204816");
        } else if (command.kind == CommandKind::Present && argument == "--port" && has_value) {
            const auto port = whole_number(arguments[++i], 1, 65535);
            if (!port)
                return usage_error("--port takes a port number from 1 to 65535, such as 8750");
            command.port = *port;
        } else if (command.kind == CommandKind::Present && argument == "--bind" && has_value) {
            command.bind = arguments[++i];
            if (!parse_ipv4(command.bind))
                return usage_error("--bind takes an IPv4 address of this machine, such as 192.168.1.20 (or "
                                   "0.0.0.0 for all)");
        } else if (command.kind == CommandKind::Present && argument == "--host-name" && has_value) {
            command.host_name = arguments[++i];
        } else if (command.kind == CommandKind::Present && argument == "--devices-per-address" && has_value) {
            const auto count = whole_number(arguments[++i], 1, 100000);
            if (!count)
                return usage_error(
                    "--devices-per-address takes a whole number from 1 to 100000 (new devices a minute)");
            command.devices_per_address = *count;
        } else if (command.kind == CommandKind::Present && argument == "--connections-per-address" &&
                   has_value) {
            const auto count = whole_number(arguments[++i], 1, 10000);
            if (!count)
                return usage_error("--connections-per-address takes a whole number from 1 to 10000");
            command.connections_per_address = *count;
        } else if (command.kind == CommandKind::Present && argument == "--streams-per-address" && has_value) {
            const auto count = whole_number(arguments[++i], 1, 5000);
            if (!count)
                return usage_error("--streams-per-address takes a whole number from 1 to 5000");
            command.streams_per_address = *count;
        } else if (command.kind == CommandKind::Present && argument == "--clock-speed" && has_value) {
            const auto speed = whole_number(arguments[++i], 1, 1000);
            if (!speed)
                return usage_error("--clock-speed takes a whole number from 1 to 1000");
            command.clock_speed = *speed;
        } else if (command.kind == CommandKind::Present && argument == "--school" && has_value) {
            command.school = arguments[++i];
            if (const Expected<SchoolUrl> url = parse_school_url(command.school); !url)
                return usage_error("--school: " + url.error());
        } else if (command.kind == CommandKind::Present && argument == "--school-ca" && has_value) {
            command.school_ca = arguments[++i];
        } else if (command.kind == CommandKind::Present && argument == "--room" && has_value) {
            command.room = arguments[++i];
        } else if (command.kind == CommandKind::Present && argument == "--lead") {
            command.lead = true;
        } else if (command.kind == CommandKind::Present && argument == "--local") {
            command.local = true;
        } else if (command.kind == CommandKind::Present && argument == "--word-filter" && has_value) {
            command.word_filter = arguments[++i];
        } else if (command.kind == CommandKind::Results && argument == "--csv") {
            command.csv = true;
        } else if (command.kind == CommandKind::Results && argument == "--delete") {
            command.delete_results = true;
        } else if (command.kind == CommandKind::Results && argument == "--png" && has_value) {
            command.png_dir = arguments[++i];
        } else if (command.kind == CommandKind::New && argument == "--template" && has_value) {
            command.template_name = arguments[++i];
            if (std::ranges::find(deck_template_names, command.template_name) == deck_template_names.end()) {
                std::string message = "--template takes one of " + join_names(deck_template_names);
                if (auto suggestion = closest_match(command.template_name, deck_template_names))
                    message += "; did you mean " + std::string(*suggestion) + "?";
                return usage_error(std::move(message));
            }
        } else if (argument.starts_with("-")) {
            return usage_error("unknown option " + argument);
        } else {
            command.decks.push_back(argument);
        }
    }
    if (command.decks.empty())
        return usage_error("no deck given");
    if (command.kind == CommandKind::New && command.decks.size() > 1)
        return usage_error("lectern new writes one deck: give one file name");
    if (command.kind != CommandKind::Check && command.decks.size() > 1)
        return usage_error("give one deck at a time (use `lectern check` to check several)");
    if (command.school.empty() &&
        (command.lead || command.local || !command.room.empty() || !command.school_ca.empty()))
        return usage_error("--lead, --local, --room and --school-ca go with --school URL");
    if (command.lead && command.local)
        return usage_error("--local is for a room that follows; the leader is always on its own keys");
    if (command.kind == CommandKind::Results && command.delete_results &&
        (command.csv || !command.png_dir.empty()))
        return usage_error("--delete removes the results; it cannot be combined with --csv or --png");
    if (command.kind == CommandKind::Render && command.out_dir.empty() == command.pdf_file.empty())
        return usage_error(
            "render needs either --out DIR, the folder to write the pictures to, or --pdf FILE");
    if (command.kind == CommandKind::Render && command.pdf_file.empty() &&
        (command.every_step || command.handout))
        return usage_error("--steps and --handout go with --pdf FILE");
    if (command.remote == false && !command.remote_pin.empty())
        return usage_error("--remote-pin chooses the remote's PIN: it cannot go with --no-remote");
    if (!command.dual.empty() && command.dual == command.language)
        return usage_error(
            "--dual shows a second language beneath the room's: give it another one than --lang");
    if (command.kind == CommandKind::Render && !command.ink_file.empty() && command.out_dir.empty())
        return usage_error("--ink FILE goes with --out DIR: the pictures are drawn with the ink on them");
    return command;
}

const char* usage_text() {
    return R"(Usage:
  lectern DECK.toml [--display N|NAME] [--window] [--kiosk]
                  [--presenter | --no-presenter] [--presenter-display N|NAME]
                  [--retention-days N] [--no-vote | --vote] [--no-remote | --remote]
                  [--remote-pin NNNNNN] [--port N] [--bind ADDR]
                  [--word-filter FILE] [--host-name NAME] [--devices-per-address N]
                  [--connections-per-address N] [--streams-per-address N] [--clock-speed N]
                  [--school mqtt[s]://[USER:PASS@]HOST[:PORT] [--room NAME] [--lead]
                   [--local] [--school-ca FILE]] [--lang TAG] [--dual TAG]
                               present a deck full screen on the last display (usually the
                               projector), or on the display given; --window for a window.
                               With two displays the presenter panel opens on the other one;
                               with one it opens only with --presenter. --retention-days N
                               deletes stored results older than N days at start-up.
                               Decks with questions take votes from pupils' devices on the
                               school network (port 8750, all IPv4 interfaces) unless
                               --no-vote; kiosk mode takes none unless --vote. --word-filter
                               names the word list for written answers. The teacher's phone
                               remote is at /remote on the voting server (--no-remote turns
                               it off; --remote starts it for a kiosk, with --no-vote or for
                               a deck without questions); its PIN is on the presenter panel
                               only, new each session; --remote-pin NNNNNN chooses it (and
                               turns the remote on) when there is no panel. --host-name NAME
                               lets devices use NAME for this computer; new devices per
                               address a minute (60), connections (32) and live pages (40)
                               per address can be raised for a class behind one router.
                               --clock-speed N runs every timer N times as fast (soak tool).
                               --school joins the school's MQTT broker: --lead drives every
                               room showing the same deck; the others follow its slides and
                               polls (--local: on their own keys instead) and show the
                               school's totals once a poll is revealed. --room names this
                               room (default: the host name); --school-ca FILE for mqtts://
                               A deck in several languages (languages = [...]) is shown in
                               its first unless --lang TAG; L switches language live;
                               --dual TAG shows a second language smaller beneath the first
  lectern displays             list the displays
  lectern new FILE.toml [--template lesson|assembly|parents|corridor]
                               start a deck from a template (default: lesson), commented,
                               with the schema beside it for your editor; never overwrites
  lectern schema               print the deck format as a JSON Schema, for editors
  lectern check DECK.toml...   check decks and print every problem as file:line:column
  lectern render DECK.toml --out DIR [--size WxH] [--slide N] [--ink FILE]
                 [--lang TAG] [--dual TAG]
                               write each slide (and build step) as a PNG, no display needed;
                               default size 1920x1080; --ink FILE draws a session's ink on
                               them (saved with "Save ink..." on the presenter panel)
  lectern render DECK.toml --pdf FILE [--steps] [--handout] [--slide N]
                 [--lang TAG] [--dual TAG]
                               write the deck as a PDF with real, searchable text: a page a
                               slide as it looks after its last build step (--steps: a page
                               for every step), or --handout: two slides an A4 page, each
                               with its speaker notes beside it
  lectern results DECK.toml [--csv] [--delete] [--png DIR]
                               print the deck's last poll results (the session still running,
                               or else the last one finished); --csv writes CSV
                               (poll,question,option,count), --png DIR a chart per poll,
                               --delete removes every stored result of the deck
  lectern --help               show this help
  lectern --version            show the version and the deck format version

Exit codes: 0 success (check: no errors, warnings allowed), 1 a deck has an error, a
picture could not be written, or (results) nothing is stored or a file could not be read
or removed, or (new) the file exists already, 2 usage error.
The deck format is described in slides/README.md.

Keys while presenting (a school can change them in ~/.config/lectern/input.conf):
)";
}

} // namespace lectern
