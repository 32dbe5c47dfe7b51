// InFlight: how many answers a server has handed to another thread (a vote being saved, a command the
// presentation is acting on), so that the server waits for them before it goes: an answer sent after
// its connection's event loop has stopped would reach freed memory.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <mutex>

namespace lectern {

class InFlight {
public:
    void enter() {
        std::lock_guard lock(m_mutex);
        ++m_count;
    }
    void leave() {
        std::lock_guard lock(m_mutex);
        if (--m_count == 0)
            m_none.notify_all();
    }
    // Until every enter() has had its leave().
    void wait_until_none() {
        std::unique_lock lock(m_mutex);
        m_none.wait(lock, [this] { return m_count == 0; });
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_none;
    std::size_t m_count = 0;
};

} // namespace lectern
