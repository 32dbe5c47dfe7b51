#include "deck_watcher.h"

#include <array>
#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

namespace lectern {

DeckWatcher::DeckWatcher(std::filesystem::path deck, DeckLoadOptions options, std::function<void()> loaded,
                         int settle_ms)
    : m_deck(std::move(deck)), m_options(std::move(options)), m_loaded(std::move(loaded)),
      m_settle_ms(settle_ms) {
    std::filesystem::path folder = m_deck.parent_path();
    if (folder.empty())
        folder = ".";
    m_fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
    if (m_fd < 0)
        return;
    // The whole folder: a save renames a new file over the deck, and pictures live beside it.
    const std::uint32_t events =
        IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB;
    if (inotify_add_watch(m_fd, folder.c_str(), events) < 0 || pipe(m_stop_pipe) != 0) {
        close(m_fd);
        m_fd = -1;
        return;
    }
    m_thread = std::thread([this] { run(); });
}

DeckWatcher::~DeckWatcher() {
    if (m_thread.joinable()) {
        const char stop = 1;
        [[maybe_unused]] const auto written = write(m_stop_pipe[1], &stop, 1);
        m_thread.join();
    }
    for (int fd : {m_fd, m_stop_pipe[0], m_stop_pipe[1]}) {
        if (fd >= 0)
            close(fd);
    }
}

std::optional<DeckLoadResult> DeckWatcher::take_result() {
    std::lock_guard lock(m_mutex);
    std::optional<DeckLoadResult> result = std::move(m_result);
    m_result.reset();
    return result;
}

void DeckWatcher::run() {
    std::array<char, 4096> buffer{};
    bool pending = false;
    while (true) {
        std::array<pollfd, 2> fds{{{m_fd, POLLIN, 0}, {m_stop_pipe[0], POLLIN, 0}}};
        // Sleeps until something changes; once something has, until it has been quiet for a moment.
        const int ready = poll(fds.data(), fds.size(), pending ? m_settle_ms : -1);
        if (ready < 0)
            continue;
        if (fds[1].revents & POLLIN)
            return;
        if (ready == 0 && pending) {
            pending = false;
            DeckLoadResult result = load_deck_file(m_deck, m_options);
            {
                std::lock_guard lock(m_mutex);
                m_result = std::move(result);
            }
            m_loaded();
            continue;
        }
        if (fds[0].revents & POLLIN) {
            while (read(m_fd, buffer.data(), buffer.size()) > 0) {
            }
            pending = true; // any change in the folder: the deck, or a picture it shows
        }
    }
}

} // namespace lectern
