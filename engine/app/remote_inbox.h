// RemoteInbox: the teacher's remote's commands and picture requests, handed from the voting server's
// thread to the presentation's (net/remote_routes.h). The server's thread puts them in and wakes the loop
// through the wake function (EventWait::post); the loop takes them out, acts on each through the same
// command path as keys, and answers it.
//
// Closing answers what is left (a command with the state as it is, a picture with a Failure) and every
// later request at once: the voting server waits for every answer before it goes, and must never wait
// for a loop that has stopped. The hooks hold the inbox's shared state, not the inbox, so they stay safe
// to call whichever goes first.
#pragma once

#include "core/base/expected.h"
#include "core/remote/remote_command.h"
#include "net/remote_routes.h"

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace lectern {

class RemoteInbox {
public:
    struct Command {
        RemoteCommand command;
        std::function<void()> applied;
    };
    struct Picture {
        bool next = false; // the next view, not the one on screen
        int width = 0;
        std::function<void(Expected<std::string> png)> done;
    };
    struct Mail {
        std::vector<Command> commands;
        std::vector<Picture> pictures;
    };

    // A phone that sends faster than the loop draws has the pictures past this many refused at once
    // (drawing one takes tens of milliseconds); commands are small and all kept.
    static constexpr std::size_t pictures_waiting_max = 4;

    RemoteInbox();
    RemoteInbox(const RemoteInbox&) = delete;
    RemoteInbox& operator=(const RemoteInbox&) = delete;
    ~RemoteInbox(); // closes

    // For VoteServerOptions::remote_hooks.
    RemoteHooks hooks() const;
    // How a request wakes the presentation's loop; requests wait in the inbox until it is set.
    void wake_with(std::function<void()> wake);
    // Everything waiting, oldest first.
    Mail take();
    // Answers everything waiting and, from now on, every request as it comes.
    void close();

    struct Shared;

private:
    std::shared_ptr<Shared> m_shared;
};

} // namespace lectern
