#include "deck_watcher.h"

#include <array>
#include <fcntl.h>
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
    m_inotify.reset(inotify_init1(IN_CLOEXEC | IN_NONBLOCK));
    // The whole folder: a save renames a new file over the deck, and pictures live beside it.
    const std::uint32_t events =
        IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB;
    int stop_pipe[2] = {-1, -1};
    if (!m_inotify || inotify_add_watch(m_inotify.get(), folder.c_str(), events) < 0 ||
        pipe2(stop_pipe, O_CLOEXEC) != 0)
        return; // not watching: the show goes on with the deck it has
    m_stop_read.reset(stop_pipe[0]);
    m_stop_write.reset(stop_pipe[1]);
    m_thread = std::thread([this] { run(); });
}

DeckWatcher::~DeckWatcher() {
    if (m_thread.joinable()) {
        const char stop = 1;
        [[maybe_unused]] const auto written = write(m_stop_write.get(), &stop, 1);
        m_thread.join();
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
        std::array<pollfd, 2> fds{{{m_inotify.get(), POLLIN, 0}, {m_stop_read.get(), POLLIN, 0}}};
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
            while (read(m_inotify.get(), buffer.data(), buffer.size()) > 0) {
            }
            pending = true; // any change in the folder: the deck, or a picture it shows
        }
    }
}

} // namespace lectern
