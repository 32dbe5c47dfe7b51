// ConnectionGuard: how many requests one address may have in progress at once, so one misbehaving
// machine cannot hold every working thread (the presenting machine's own loopback is not limited).
// Event streams do not count once they are streaming: a class behind one router shares an address.
#pragma once

#include <cstddef>
#include <map>
#include <mutex>
#include <string>

namespace lectern {

class ConnectionGuard {
public:
    explicit ConnectionGuard(std::size_t per_address) : m_limit(per_address) {}

    // A connection starts being served; false when its address already has too many (close it).
    bool admit(const std::string& address);
    // It ended, or became an event stream.
    void release(const std::string& address);

private:
    std::mutex m_mutex;
    std::map<std::string, std::size_t> m_in_progress;
    std::size_t m_limit;
};

} // namespace lectern
