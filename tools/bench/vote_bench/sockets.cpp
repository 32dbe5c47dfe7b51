#include "sockets.h"

#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

namespace vote_bench {

std::uint32_t device_address(std::size_t index) {
    const auto subnet = static_cast<std::uint32_t>(1 + index / 250);
    const auto host = static_cast<std::uint32_t>(1 + index % 250);
    return 0x7F000000u | (subnet << 8) | host;
}

std::string address_text(std::uint32_t address) {
    return std::to_string(address >> 24) + "." + std::to_string((address >> 16) & 0xFFu) + "." +
           std::to_string((address >> 8) & 0xFFu) + "." + std::to_string(address & 0xFFu);
}

int open_connection(std::uint32_t source, int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    const int yes = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
    // The port is picked at connect time, per (source, destination): thousands of connections from a
    // few hundred sources never run short of ports.
    ::setsockopt(fd, IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, &yes, sizeof yes);
    sockaddr_in from{};
    from.sin_family = AF_INET;
    from.sin_addr.s_addr = htonl(source);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(static_cast<std::uint16_t>(port));
    to.sin_addr.s_addr = htonl(this_machine);
    if (::bind(fd, reinterpret_cast<sockaddr*>(&from), sizeof from) != 0 ||
        (::connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0 && errno != EINPROGRESS)) {
        ::close(fd);
        return -1;
    }
    return fd;
}

long raise_file_limit() {
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return -1;
    limit.rlim_cur = limit.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &limit);
    ::getrlimit(RLIMIT_NOFILE, &limit);
    return static_cast<long>(limit.rlim_cur);
}

std::string_view header_value(std::string_view head, std::string_view name) {
    for (std::size_t at = head.find("\r\n"); at != std::string_view::npos && at + 2 < head.size();) {
        const std::size_t start = at + 2;
        const std::size_t end = std::min(head.find("\r\n", start), head.size());
        const std::string_view line = head.substr(start, end - start);
        if (line.size() > name.size() && line[name.size()] == ':' &&
            ::strncasecmp(line.data(), name.data(), name.size()) == 0) {
            std::string_view value = line.substr(name.size() + 1);
            while (!value.empty() && value.front() == ' ')
                value.remove_prefix(1);
            return value;
        }
        at = end;
    }
    return {};
}

std::optional<ResponseView> whole_response(std::string_view bytes, bool head_only) {
    const std::size_t end = bytes.find("\r\n\r\n");
    if (end == std::string_view::npos)
        return std::nullopt;
    ResponseView response;
    response.head = bytes.substr(0, end);
    response.status = bytes.size() > 12 ? std::atoi(bytes.data() + 9) : 0;
    std::size_t length = 0;
    if (!head_only) {
        const std::string_view given = header_value(response.head, "Content-Length");
        length = given.empty() ? 0 : std::strtoul(std::string(given).c_str(), nullptr, 10);
    }
    if (bytes.size() < end + 4 + length)
        return std::nullopt;
    response.body = bytes.substr(end + 4, length);
    response.size = end + 4 + length;
    return response;
}

void BlockingClient::close() {
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    m_in.clear();
}

std::optional<Response> BlockingClient::request(const std::string& text) {
    if (auto answer = attempt(text))
        return answer;
    close(); // the server may have closed an idle kept-alive connection: once more on a new one
    return attempt(text);
}

std::optional<Response> BlockingClient::attempt(const std::string& text) {
    using clock = std::chrono::steady_clock;
    const auto until = clock::now() + std::chrono::seconds(5);
    if (m_fd < 0 && (m_fd = open_connection(this_machine, m_port)) < 0)
        return std::nullopt;
    for (std::size_t sent = 0; sent < text.size();) {
        const ssize_t wrote = ::send(m_fd, text.data() + sent, text.size() - sent, MSG_NOSIGNAL);
        if (wrote > 0) {
            sent += static_cast<std::size_t>(wrote);
            continue;
        }
        if (wrote < 0 && errno != EAGAIN && errno != EINPROGRESS && errno != ENOTCONN)
            return std::nullopt;
        pollfd ready{m_fd, POLLOUT, 0};
        if (clock::now() > until || ::poll(&ready, 1, 100) < 0)
            return std::nullopt;
    }
    while (clock::now() < until) {
        if (const auto whole = whole_response(m_in)) {
            Response response{whole->status, std::string(whole->head), std::string(whole->body)};
            m_in.erase(0, whole->size);
            return response;
        }
        pollfd ready{m_fd, POLLIN, 0};
        if (::poll(&ready, 1, 100) <= 0)
            continue;
        char buffer[16384];
        const ssize_t got = ::recv(m_fd, buffer, sizeof buffer, 0);
        if (got == 0 || (got < 0 && errno != EAGAIN))
            return std::nullopt;
        if (got > 0)
            m_in.append(buffer, static_cast<std::size_t>(got));
    }
    return std::nullopt;
}

} // namespace vote_bench
