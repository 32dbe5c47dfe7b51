#include "http_load.h"

#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace vote_bench {

namespace {

double now_ms() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

int connect_to(int port, bool blocking) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | (blocking ? 0 : SOCK_NONBLOCK), 0);
    if (fd < 0)
        return -1;
    const int yes = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(static_cast<std::uint16_t>(port));
    inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0 && errno != EINPROGRESS) {
        ::close(fd);
        return -1;
    }
    return fd;
}

// Whether `text` holds a whole HTTP response (headers and Content-Length body); its status in `status`.
bool whole_response(const std::string& text, int& status) {
    const std::size_t end = text.find("\r\n\r\n");
    if (end == std::string::npos)
        return false;
    status = text.size() > 12 ? std::atoi(text.c_str() + 9) : 0;
    std::size_t length = 0;
    const std::size_t header = text.find("Content-Length: ");
    if (header != std::string::npos && header < end)
        length = static_cast<std::size_t>(std::atol(text.c_str() + header + 16));
    return text.size() >= end + 4 + length;
}

struct Device {
    int fd = -1;
    std::size_t index = 0;
    std::size_t sent = 0; // votes sent
    std::string out;      // what is still to be written
    std::string in;       // what has arrived of the answer
    double sent_at = 0;
    int last_choice = 0;
    bool done = false;
};

std::string vote_request(const LoadPlan& plan, std::size_t device, int choice) {
    char token[33];
    std::snprintf(token, sizeof token, "%032zx", device + 1);
    const std::string body = "{\"poll\":\"" + plan.poll + "\",\"choices\":[" + std::to_string(choice) + "]}";
    return "POST /api/vote?room=" + plan.room +
           " HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: lectern_device=" + token +
           "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
           "\r\n\r\n" + body;
}

} // namespace

int choice_of(std::size_t device, std::size_t vote, std::size_t options) {
    return static_cast<int>((device * 7 + vote * 3) % options) + 1;
}

LoadResult run_load(const LoadPlan& plan) {
    LoadResult result;
    result.expected_totals.assign(plan.options, 0);
    const int poller = ::epoll_create1(0);
    std::vector<Device> devices(plan.devices);
    const double start = now_ms();
    for (std::size_t i = 0; i < devices.size(); ++i) {
        Device& d = devices[i];
        d.index = i;
        d.fd = connect_to(plan.port, false);
        if (d.fd < 0) {
            ++result.failed_connections;
            d.done = true;
            continue;
        }
        d.last_choice = choice_of(i, 0, plan.options);
        d.out = vote_request(plan, i, d.last_choice);
        epoll_event event{};
        event.events = EPOLLIN | EPOLLOUT;
        event.data.u64 = i;
        ::epoll_ctl(poller, EPOLL_CTL_ADD, d.fd, &event);
    }
    std::size_t finished = result.failed_connections;
    std::vector<int> final_choice(plan.devices, 0);
    std::vector<epoll_event> events(256);
    while (finished < devices.size()) {
        const int ready = ::epoll_wait(poller, events.data(), static_cast<int>(events.size()), 10000);
        if (ready <= 0) {
            result.error = "no progress for 10 s";
            break;
        }
        for (int e = 0; e < ready; ++e) {
            Device& d = devices[events[static_cast<std::size_t>(e)].data.u64];
            if (d.done)
                continue;
            if (!d.out.empty() && (events[static_cast<std::size_t>(e)].events & EPOLLOUT)) {
                if (d.sent_at == 0)
                    d.sent_at = now_ms(); // the first vote: timed from when the connection could send
                const ssize_t written = ::send(d.fd, d.out.data(), d.out.size(), MSG_NOSIGNAL);
                if (written > 0)
                    d.out.erase(0, static_cast<std::size_t>(written));
                if (d.out.empty()) {
                    epoll_event event{};
                    event.events = EPOLLIN;
                    event.data.u64 = d.index;
                    ::epoll_ctl(poller, EPOLL_CTL_MOD, d.fd, &event);
                }
            }
            if (events[static_cast<std::size_t>(e)].events & (EPOLLIN | EPOLLHUP | EPOLLERR)) {
                char buffer[4096];
                const ssize_t got = ::recv(d.fd, buffer, sizeof buffer, 0);
                if (got <= 0 && !(got < 0 && errno == EAGAIN)) {
                    ++result.failed_connections;
                    d.done = true;
                    ++finished;
                    ::close(d.fd);
                    continue;
                }
                if (got > 0)
                    d.in.append(buffer, static_cast<std::size_t>(got));
                int status = 0;
                if (!whole_response(d.in, status))
                    continue;
                result.ack_ms.push_back(now_ms() - d.sent_at);
                ++result.statuses[status];
                if (status == 200)
                    final_choice[d.index] = d.last_choice;
                d.in.clear();
                ++d.sent;
                if (d.sent >= plan.votes_per_device) {
                    d.done = true;
                    ++finished;
                    ::close(d.fd);
                    continue;
                }
                d.last_choice = choice_of(d.index, d.sent, plan.options);
                d.out = vote_request(plan, d.index, d.last_choice);
                d.sent_at = now_ms();
                epoll_event event{};
                event.events = EPOLLIN | EPOLLOUT;
                event.data.u64 = d.index;
                ::epoll_ctl(poller, EPOLL_CTL_MOD, d.fd, &event);
            }
        }
    }
    result.elapsed_ms = now_ms() - start;
    ::close(poller);
    for (int choice : final_choice) {
        if (choice > 0)
            ++result.expected_totals[static_cast<std::size_t>(choice - 1)];
    }
    return result;
}

std::string http_request(int port, const std::string& request) {
    const int fd = connect_to(port, true);
    if (fd < 0)
        return {};
    std::string text;
    if (::send(fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size())) {
        char buffer[4096];
        int status = 0;
        while (!whole_response(text, status)) {
            const ssize_t got = ::recv(fd, buffer, sizeof buffer, 0);
            if (got <= 0)
                break;
            text.append(buffer, static_cast<std::size_t>(got));
        }
    }
    ::close(fd);
    return text;
}

} // namespace vote_bench
