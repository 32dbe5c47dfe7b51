#include "held_connections.h"

#include "../present_bench/clock.h"

#include <algorithm>
#include <cerrno>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace vote_bench {

using present_bench::now_ms;

std::size_t HeldConnections::open(const Target& target, HeldKind kind, std::size_t count,
                                  std::size_t per_address, std::size_t first_address,
                                  const std::vector<std::string>& tokens) {
    release();
    const int poller = ::epoll_create1(EPOLL_CLOEXEC);
    const std::string path = kind == HeldKind::EventStream ? "/api/events" : "/api/state";
    std::vector<std::string> pending(count); // each connection's request, until it is sent
    std::vector<std::string> in(count);
    std::vector<bool> answered(count, false);
    m_fds.assign(count, -1);
    std::vector<epoll_event> events(512);
    const double give_up = now_ms() + 20000;
    // Batches as in DeviceFleet::prepare: the server's accept queue must not overflow.
    constexpr std::size_t batch = 256;
    for (std::size_t first = 0; first < count && now_ms() < give_up; first += batch) {
        std::size_t waiting = 0;
        for (std::size_t i = first; i < std::min(first + batch, count); ++i) {
            const int fd = open_connection(
                device_address(first_address + i / std::max<std::size_t>(per_address, 1)), target.port);
            if (fd < 0) {
                ++m_statuses[0];
                continue;
            }
            m_fds[i] = fd;
            pending[i] =
                "GET " + path + "?room=" + target.room +
                " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(target.port) +
                "\r\nCookie: lectern_device=" + (tokens.empty() ? std::string() : tokens[i % tokens.size()]) +
                "\r\n\r\n";
            epoll_event event{};
            event.events = EPOLLIN | EPOLLOUT;
            event.data.u64 = i;
            ::epoll_ctl(poller, EPOLL_CTL_ADD, fd, &event);
            ++waiting;
        }
        while (waiting > 0 && now_ms() < give_up) {
            const int ready = ::epoll_wait(poller, events.data(), static_cast<int>(events.size()), 50);
            for (int e = 0; e < ready; ++e) {
                const std::size_t i = events[static_cast<std::size_t>(e)].data.u64;
                const std::uint32_t what = events[static_cast<std::size_t>(e)].events;
                if (answered[i] || m_fds[i] < 0)
                    continue;
                if ((what & EPOLLOUT) && !pending[i].empty()) {
                    const ssize_t wrote =
                        ::send(m_fds[i], pending[i].data(), pending[i].size(), MSG_NOSIGNAL);
                    if (wrote > 0)
                        pending[i].erase(0, static_cast<std::size_t>(wrote));
                    if (pending[i].empty()) {
                        epoll_event event{};
                        event.events = EPOLLIN;
                        event.data.u64 = i;
                        ::epoll_ctl(poller, EPOLL_CTL_MOD, m_fds[i], &event);
                    }
                }
                if (!(what & (EPOLLIN | EPOLLERR | EPOLLHUP)))
                    continue;
                char buffer[4096];
                const ssize_t got = ::recv(m_fds[i], buffer, sizeof buffer, 0);
                if (got < 0 && errno == EAGAIN)
                    continue;
                if (got > 0)
                    in[i].append(buffer, static_cast<std::size_t>(got));
                const auto answer = whole_response(in[i], kind == HeldKind::EventStream);
                // A stream is held once its first event has come (the server took it as a follower).
                const bool whole = answer && (kind == HeldKind::IdleKeepAlive || answer->status != 200 ||
                                              in[i].find("event: state", answer->size) != std::string::npos);
                if (whole || got <= 0) {
                    answered[i] = true;
                    --waiting;
                    const int status = whole ? answer->status : 0;
                    ++m_statuses[status];
                    if (status == 200) {
                        ++m_held;
                    } else {
                        ::close(m_fds[i]);
                        m_fds[i] = -1;
                    }
                    in[i].clear();
                    in[i].shrink_to_fit();
                }
            }
        }
    }
    for (std::size_t i = 0; i < count; ++i) {
        if (m_fds[i] >= 0 && !answered[i])
            ++m_statuses[0]; // no answer within the time: still held open, not counted as held
    }
    ::close(poller); // the connections stay open; nothing more is read from them
    return m_held;
}

void HeldConnections::release() {
    for (int& fd : m_fds) {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
    m_fds.clear();
    m_held = 0;
    m_statuses.clear();
}

} // namespace vote_bench
