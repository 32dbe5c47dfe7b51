// RemoteCommand: the body of POST /api/remote/command (docs/vote-api.md, "The teacher's remote"), read
// strictly: {"command": "next"} for one of next, previous, first, last, black, white, open, close,
// reveal, hide; or {"command": "goto", "slide": N} with N from 1 to the deck's slide count. Pure.
#pragma once

#include "core/base/expected.h"

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace lectern {

enum class RemoteAction { Next, Previous, First, Last, Black, White, Open, Close, Reveal, Hide, Goto };

struct RemoteCommand {
    RemoteAction action = RemoteAction::Next;
    std::size_t slide = 0; // for Goto: 0-based, already checked against the deck
};

struct RemoteActionName {
    RemoteAction action;
    std::string_view name;
};
std::span<const RemoteActionName> remote_action_names();

// The PIN of POST /api/remote/login, {"pin": "123456"}, or a Failure saying why the body was refused.
// Whether the PIN is right is RemoteAccess's question, not this one's.
Expected<std::string> parse_remote_login(std::string_view body);

// The command, or a Failure saying why the body was refused (for a 400 answer).
Expected<RemoteCommand> parse_remote_command(std::string_view body, std::size_t slide_count);

} // namespace lectern
