#include "connection_guard.h"

namespace lectern {

namespace {
// The presenting machine itself (the address tools and benchmarks on it use); other 127/8 addresses
// are limited like any other, which is how the tests play a misbehaving machine.
bool is_this_machine(const std::string& address) {
    return address == "127.0.0.1" || address == "::1" || address == "::ffff:127.0.0.1";
}
} // namespace

bool ConnectionGuard::admit(const std::string& address) {
    std::lock_guard lock(m_mutex);
    std::size_t& count = m_in_progress[address];
    if (count >= m_limit && !is_this_machine(address))
        return false;
    ++count;
    return true;
}

void ConnectionGuard::release(const std::string& address) {
    std::lock_guard lock(m_mutex);
    const auto found = m_in_progress.find(address);
    if (found != m_in_progress.end() && --found->second == 0)
        m_in_progress.erase(found);
}

} // namespace lectern
