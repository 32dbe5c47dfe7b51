#include "deadline_stream.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

namespace lectern {

namespace {

// Waits for `events` on the socket for up to `ms`; true when they came.
bool wait_for(int socket, short events, long long ms) {
    if (ms < 0)
        return false;
    pollfd entry{socket, events, 0};
    int ready = 0;
    do
        ready = ::poll(&entry, 1, static_cast<int>(ms));
    while (ready < 0 && errno == EINTR);
    return ready > 0;
}

} // namespace

std::string address_of(int socket, bool local, int* port) {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    const int got = local ? ::getsockname(socket, reinterpret_cast<sockaddr*>(&address), &length)
                          : ::getpeername(socket, reinterpret_cast<sockaddr*>(&address), &length);
    if (got != 0)
        return {};
    char text[INET6_ADDRSTRLEN] = "";
    if (address.ss_family == AF_INET) {
        const auto* v4 = reinterpret_cast<sockaddr_in*>(&address);
        inet_ntop(AF_INET, &v4->sin_addr, text, sizeof text);
        if (port)
            *port = ntohs(v4->sin_port);
    } else if (address.ss_family == AF_INET6) {
        const auto* v6 = reinterpret_cast<sockaddr_in6*>(&address);
        inet_ntop(AF_INET6, &v6->sin6_addr, text, sizeof text);
        if (port)
            *port = ntohs(v6->sin6_port);
    }
    return text;
}

DeadlineStream::DeadlineStream(int socket, std::chrono::milliseconds read_deadline,
                               std::chrono::milliseconds write_timeout)
    : m_socket(socket), m_read_by(std::chrono::steady_clock::now() + read_deadline),
      m_write_timeout(write_timeout) {
}

bool DeadlineStream::is_readable() const {
    if (m_buffered_from < m_buffered_to)
        return true;
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(m_read_by - std::chrono::steady_clock::now());
    return wait_for(m_socket, POLLIN, left.count());
}

bool DeadlineStream::is_writable() const {
    return wait_for(m_socket, POLLOUT, m_write_timeout.count());
}

ssize_t DeadlineStream::read(char* ptr, size_t size) {
    if (m_buffered_from == m_buffered_to) {
        if (!is_readable())
            return -1;
        ssize_t got = 0;
        do
            got = ::recv(m_socket, m_buffer.data(), m_buffer.size(), 0);
        while (got < 0 && errno == EINTR);
        if (got <= 0)
            return got;
        m_buffered_from = 0;
        m_buffered_to = static_cast<std::size_t>(got);
    }
    const std::size_t n = std::min(size, m_buffered_to - m_buffered_from);
    std::memcpy(ptr, m_buffer.data() + m_buffered_from, n);
    m_buffered_from += n;
    return static_cast<ssize_t>(n);
}

ssize_t DeadlineStream::write(const char* ptr, size_t size) {
    if (!is_writable())
        return -1;
    ssize_t sent = 0;
    do
        sent = ::send(m_socket, ptr, size, MSG_NOSIGNAL);
    while (sent < 0 && errno == EINTR);
    return sent;
}

void DeadlineStream::get_remote_ip_and_port(std::string& ip, int& port) const {
    ip = address_of(m_socket, false, &port);
}

void DeadlineStream::get_local_ip_and_port(std::string& ip, int& port) const {
    ip = address_of(m_socket, true, &port);
}

} // namespace lectern
