#include "remote_inbox.h"

#include <mutex>
#include <utility>

namespace lectern {

struct RemoteInbox::Shared {
    std::mutex mutex; // guards what follows: the server's thread and the presentation's share it
    Mail mail;
    std::function<void()> wake;
    bool closed = false;
};

namespace {

constexpr const char* ended = "the presentation has ended";

// Answers `mail` as a closed inbox does.
void answer_closed(RemoteInbox::Mail& mail) {
    for (RemoteInbox::Command& command : mail.commands)
        command.applied();
    for (RemoteInbox::Picture& picture : mail.pictures)
        picture.done(Failure{ended});
}

} // namespace

RemoteInbox::RemoteInbox() : m_shared(std::make_shared<Shared>()) {
}

RemoteInbox::~RemoteInbox() {
    close();
}

RemoteHooks RemoteInbox::hooks() const {
    RemoteHooks hooks;
    hooks.command = [shared = m_shared](RemoteCommand command, std::function<void()> applied) {
        std::function<void()> wake;
        bool taken = false;
        {
            std::lock_guard lock(shared->mutex);
            if (!shared->closed) {
                shared->mail.commands.push_back({command, std::move(applied)});
                wake = shared->wake;
                taken = true;
            }
        }
        if (!taken) // the inbox is closed: the state stays as it is
            applied();
        else if (wake)
            wake();
    };
    hooks.slide_png = [shared = m_shared](bool next, int width,
                                          std::function<void(Expected<std::string>)> done) {
        std::function<void()> wake;
        const char* refusal = nullptr;
        {
            std::lock_guard lock(shared->mutex);
            if (shared->closed)
                refusal = ended;
            else if (shared->mail.pictures.size() >= pictures_waiting_max)
                refusal = "the presentation is still drawing the last pictures asked for: ask again";
            else {
                shared->mail.pictures.push_back({next, width, std::move(done)});
                wake = shared->wake;
            }
        }
        if (refusal)
            done(Failure{refusal});
        else if (wake)
            wake();
    };
    return hooks;
}

void RemoteInbox::wake_with(std::function<void()> wake) {
    bool waiting = false;
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->wake = wake;
        waiting = !m_shared->mail.commands.empty() || !m_shared->mail.pictures.empty();
    }
    if (waiting && wake)
        wake();
}

RemoteInbox::Mail RemoteInbox::take() {
    std::lock_guard lock(m_shared->mutex);
    return std::exchange(m_shared->mail, {});
}

void RemoteInbox::close() {
    Mail left;
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->closed = true;
        m_shared->wake = nullptr;
        left = std::exchange(m_shared->mail, {});
    }
    answer_closed(left); // outside the lock: answering sends on the server's side
}

} // namespace lectern
