// DeckWatcher: notices when the deck being shown is edited and loads the new version off the render
// thread. Watches the deck's folder (editors save by writing a new file and renaming it over the old
// one) with inotify, waits until saving has settled, then loads and validates the whole deck (text,
// pictures, theme) and hands the result over through a callback, which wakes the main loop.
// Implemented: Linux inotify; debounce; a deck that is deleted or unreadable reported as an error.
// Missing: other operating systems; fonts are checked when drawn, not before the swap.
#pragma once

#include "core/base/unique_fd.h"
#include "core/deck/deck_loader.h"

#include <atomic>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

namespace lectern {

class DeckWatcher {
public:
    // `loaded` runs on the watcher's thread after every change; take the result with take_result().
    DeckWatcher(std::filesystem::path deck, DeckLoadOptions options, std::function<void()> loaded,
                int settle_ms = 300);
    ~DeckWatcher();
    DeckWatcher(const DeckWatcher&) = delete;
    DeckWatcher& operator=(const DeckWatcher&) = delete;

    bool watching() const { return m_thread.joinable(); }
    // The latest load since the last call, if any.
    std::optional<DeckLoadResult> take_result();

private:
    void run();

    std::filesystem::path m_deck;
    DeckLoadOptions m_options;
    std::function<void()> m_loaded;
    int m_settle_ms;
    UniqueFd m_inotify;
    UniqueFd m_stop_read; // the destructor writes a byte to m_stop_write to end the thread's wait
    UniqueFd m_stop_write;
    std::mutex m_mutex;
    std::optional<DeckLoadResult> m_result;
    std::thread m_thread;
};

} // namespace lectern
