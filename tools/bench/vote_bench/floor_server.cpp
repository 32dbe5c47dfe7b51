#include "floor_server.h"

#include "sockets.h"

#include <arpa/inet.h>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string>
#include <sys/epoll.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace vote_bench {

namespace {

// {"ok":true,"changed":false} is 27 bytes.
constexpr std::string_view vote_answer =
    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
    "27\r\n\r\n{\"ok\":true,\"changed\":false}";
constexpr std::string_view stream_answer =
    "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: "
    "no-store\r\n\r\nretry: 2000\n\nevent: state\ndata: {}\n\n";

// Bytes of the whole request at the start of `in` (headers and Content-Length body), or 0 while partial.
std::size_t whole_request(const std::string& in) {
    const std::size_t end = in.find("\r\n\r\n");
    if (end == std::string::npos)
        return 0;
    const std::string_view length = header_value(std::string_view(in).substr(0, end), "Content-Length");
    const std::size_t body = length.empty() ? 0 : std::strtoul(std::string(length).c_str(), nullptr, 10);
    return in.size() >= end + 4 + body ? end + 4 + body : 0;
}

std::string answer_to(std::string_view request, unsigned long& devices_issued) {
    if (request.starts_with("GET /api/events"))
        return std::string(stream_answer);
    if (request.starts_with("POST /api/device")) {
        char token[65];
        std::snprintf(token, sizeof token, "%064lx", ++devices_issued);
        return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nSet-Cookie: lectern_device=" +
               std::string(token) + "; HttpOnly\r\nContent-Length: 11\r\n\r\n{\"ok\":true}";
    }
    return std::string(vote_answer);
}

} // namespace

int run_floor_server(int port) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL); // never outlives the bench
    std::signal(SIGPIPE, SIG_IGN);
    raise_file_limit();
    const int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    const int yes = 1;
    ::setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    sockaddr_in at{};
    at.sin_family = AF_INET;
    at.sin_port = htons(static_cast<std::uint16_t>(port));
    at.sin_addr.s_addr = htonl(this_machine);
    if (::bind(listener, reinterpret_cast<sockaddr*>(&at), sizeof at) != 0 || ::listen(listener, 4096) != 0) {
        std::perror("floor server: listen");
        return 1;
    }
    const int poller = ::epoll_create1(EPOLL_CLOEXEC);
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.fd = listener;
    ::epoll_ctl(poller, EPOLL_CTL_ADD, listener, &event);
    std::vector<std::string> in(1024), out(1024); // by file descriptor
    std::vector<epoll_event> events(512);
    unsigned long devices_issued = 0;
    for (;;) {
        const int ready = ::epoll_wait(poller, events.data(), static_cast<int>(events.size()), -1);
        for (int e = 0; e < ready; ++e) {
            const int fd = events[static_cast<std::size_t>(e)].data.fd;
            if (fd == listener) {
                int client = 0;
                while ((client = ::accept4(listener, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC)) >= 0) {
                    ::setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
                    if (static_cast<std::size_t>(client) >= in.size()) {
                        in.resize(static_cast<std::size_t>(client) * 2);
                        out.resize(in.size());
                    }
                    epoll_event added{};
                    added.events = EPOLLIN;
                    added.data.fd = client;
                    ::epoll_ctl(poller, EPOLL_CTL_ADD, client, &added);
                }
                continue;
            }
            const auto slot = static_cast<std::size_t>(fd);
            char buffer[16384];
            const ssize_t got = ::recv(fd, buffer, sizeof buffer, 0);
            if (got < 0 && errno == EAGAIN)
                continue;
            if (got <= 0) {
                ::close(fd);
                in[slot].clear();
                out[slot].clear();
                continue;
            }
            in[slot].append(buffer, static_cast<std::size_t>(got));
            for (std::size_t size = 0; (size = whole_request(in[slot])) > 0;) {
                out[slot] += answer_to(std::string_view(in[slot]).substr(0, size), devices_issued);
                in[slot].erase(0, size);
            }
            // Answers are a few hundred bytes and the client reads them: what does not fit now is dropped
            // with the connection rather than buffered (the floor must stay trivial).
            if (!out[slot].empty()) {
                const ssize_t wrote = ::send(fd, out[slot].data(), out[slot].size(), MSG_NOSIGNAL);
                if (wrote != static_cast<ssize_t>(out[slot].size())) {
                    ::close(fd);
                    in[slot].clear();
                }
                out[slot].clear();
            }
        }
    }
}

} // namespace vote_bench
