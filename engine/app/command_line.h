// CommandLine: what the user asked `lectern` to do, parsed from argv. Pure parsing, no side effects.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace lectern {

enum class CommandKind { Present, Check, Render, Results, Displays, New, Schema, Help, Version, UsageError };

struct CommandLine {
    CommandKind kind = CommandKind::Help;
    std::vector<std::string> decks;
    std::string error;   // for UsageError: what was wrong
    std::string out_dir; // render: --out DIR
    int width = 1920;    // render: --size WxH
    int height = 1080;
    std::optional<int> slide;      // render: --slide N (1-based)
    std::string pdf_file;          // render: --pdf FILE
    std::string ink_file;          // render: --ink FILE, a session's ink saved from the panel
    bool every_step = false;       // render --pdf: --steps, a page for every build step
    bool handout = false;          // render --pdf: --handout, two slides an A4 page with their notes
    std::string language;          // present, render: --lang TAG, the room's language ("" = the deck's own)
    std::string dual;              // present, render: --dual TAG, a second language beneath ("" = none)
    std::string display;           // present: --display N|NAME ("" = the last display)
    bool windowed = false;         // present: --window
    bool kiosk = false;            // present: --kiosk
    std::optional<bool> presenter; // present: --presenter (true) or --no-presenter (false); unset = automatic
    std::string presenter_display; // present: --presenter-display N|NAME
    int retention_days = 0;        // present: --retention-days N (0 = keep results until deleted)
    std::optional<bool>
        vote; // present: --vote (true) or --no-vote (false); unset = on, but off in kiosk mode
    std::optional<bool> remote; // present: --remote (true) or --no-remote (false); unset = on when voting is
    std::string remote_pin;     // present: --remote-pin NNNNNN ("" = a fresh one each session)
    int port = 8750;            // present: --port N, where the voting server listens
    std::string bind = "0.0.0.0"; // present: --bind ADDR (default: every IPv4 interface)
    std::string word_filter;      // present: --word-filter FILE for words answers ("" = the usual places)
    std::string host_name;        // present: --host-name NAME, another name devices may use for this computer
    int devices_per_address = 60; // present: --devices-per-address N, new devices per address a minute
    int connections_per_address = 32;     // present: --connections-per-address N (a class behind one router)
    int streams_per_address = 40;         // present: --streams-per-address N
    int clock_speed = 1;                  // present: --clock-speed N, timers N times as fast (the soak tool)
    std::string school;                   // present: --school mqtt://[USER:PASS@]HOST[:PORT] ("" = alone)
    std::string school_ca;                // present: --school-ca FILE, for mqtts://
    std::string room;                     // present: --room NAME ("" = this computer's host name)
    bool lead = false;                    // present: --lead, this room leads the school's show
    bool local = false;                   // present: --local, a follower that starts off the leader
    bool csv = false;                     // results: --csv
    bool delete_results = false;          // results: --delete
    std::string png_dir;                  // results: --png DIR
    std::string template_name = "lesson"; // new: --template NAME
};

CommandLine parse_command_line(const std::vector<std::string>& arguments);

// The text of `lectern --help`.
const char* usage_text();

} // namespace lectern
