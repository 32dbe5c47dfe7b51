// Connections held open at once, for the server's memory per connection: idle kept-alive connections
// (each has had one answer and waits for the next request) or event-stream followers (GET /api/events).
// `per_address` of them share each source address 127.0.x.y, under the server's per-address limits.
#pragma once

#include "http_load.h"

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace vote_bench {

enum class HeldKind { IdleKeepAlive, EventStream };

class HeldConnections {
public:
    HeldConnections() = default;
    ~HeldConnections() { release(); }
    HeldConnections(const HeldConnections&) = delete;
    HeldConnections& operator=(const HeldConnections&) = delete;

    // Opens `count` connections and sends each its request (with `tokens[i % tokens.size()]` as its
    // cookie), in batches, waiting up to 20 s in all for their answers (for a stream, its headers and
    // first event). Returns how many are held with a 200.
    std::size_t open(const Target& target, HeldKind kind, std::size_t count, std::size_t per_address,
                     std::size_t first_address, const std::vector<std::string>& tokens);

    std::size_t held() const { return m_held; }
    const std::map<int, std::size_t>& statuses() const { return m_statuses; }

    // Closes them all.
    void release();

private:
    std::vector<int> m_fds;
    std::size_t m_held = 0;
    std::map<int, std::size_t> m_statuses; // 0: no answer in time
};

} // namespace vote_bench
