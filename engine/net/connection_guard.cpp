#include "connection_guard.h"

#include "core/school_network.h"

namespace lectern {

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
