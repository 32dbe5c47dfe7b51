#include "http_load.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
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
    int fd = -1;          // the connection of the vote in flight, or -1
    std::size_t next = 0; // the next vote to send
    double due_ms = 0;    // when the vote in flight was due
    int choice = 0;       // of the vote in flight
    std::string out, in;
};

std::string vote_request(const LoadPlan& plan, std::size_t device, int choice) {
    char token[33];
    std::snprintf(token, sizeof token, "%032zx", plan.token_base + device + 1);
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
    std::vector<int> final_choice(plan.devices, 0);
    const std::size_t total = plan.devices * plan.votes_per_device;
    const double interval_ms = 1000.0 / plan.rate;
    std::size_t scheduled =
        0; // votes whose due time has come (in order: vote k of every device, k = 0, 1...)
    std::size_t answered = 0;
    const double start = now_ms();

    auto send_vote = [&](std::size_t index, double due) {
        Device& d = devices[index];
        d.due_ms = due;
        d.choice = choice_of(index, d.next, plan.options);
        d.out = vote_request(plan, index, d.choice);
        d.in.clear();
        d.fd = connect_to(plan.port, false);
        if (d.fd < 0) {
            ++result.failed;
            ++answered;
            ++d.next;
            return;
        }
        epoll_event event{};
        event.events = EPOLLOUT;
        event.data.u64 = index;
        ::epoll_ctl(poller, EPOLL_CTL_ADD, d.fd, &event);
    };
    auto finish = [&](std::size_t index, int status) {
        Device& d = devices[index];
        ::close(d.fd);
        d.fd = -1;
        ++answered;
        if (status == 0) {
            ++result.failed;
        } else {
            result.ack_ms.push_back(now_ms() - d.due_ms);
            ++result.statuses[status];
            if (status == 200)
                final_choice[index] = d.choice;
        }
        ++d.next;
        // Its next vote may already be due: send it at once, still timed from when it was due.
        const std::size_t next_slot = d.next * plan.devices + index;
        if (d.next < plan.votes_per_device && next_slot < scheduled)
            send_vote(index, start + static_cast<double>(next_slot) * interval_ms);
    };

    std::vector<epoll_event> events(512);
    while (answered < total) {
        // Every vote now due goes out, unless its device is still waiting for an answer.
        const double now = now_ms();
        while (scheduled < total && start + static_cast<double>(scheduled) * interval_ms <= now) {
            const std::size_t index = scheduled % plan.devices;
            const double due = start + static_cast<double>(scheduled) * interval_ms;
            ++scheduled;
            if (devices[index].fd < 0)
                send_vote(index, due);
        }
        const double next_due =
            scheduled < total ? start + static_cast<double>(scheduled) * interval_ms : now + 10000;
        const int wait = static_cast<int>(std::clamp(std::ceil(next_due - now_ms()), 0.0, 10000.0));
        const int ready = ::epoll_wait(poller, events.data(), static_cast<int>(events.size()), wait);
        if (ready < 0 && errno != EINTR)
            break;
        if (ready == 0 && scheduled >= total) {
            result.error = "no answer for 10 s";
            break;
        }
        for (int e = 0; e < ready; ++e) {
            const std::size_t index = events[static_cast<std::size_t>(e)].data.u64;
            Device& d = devices[index];
            if (d.fd < 0)
                continue;
            const std::uint32_t what = events[static_cast<std::size_t>(e)].events;
            if (!d.out.empty() && (what & EPOLLOUT)) {
                const ssize_t written = ::send(d.fd, d.out.data(), d.out.size(), MSG_NOSIGNAL);
                if (written < 0 && errno != EAGAIN) {
                    finish(index, 0);
                    continue;
                }
                if (written > 0)
                    d.out.erase(0, static_cast<std::size_t>(written));
                if (d.out.empty()) {
                    epoll_event event{};
                    event.events = EPOLLIN;
                    event.data.u64 = index;
                    ::epoll_ctl(poller, EPOLL_CTL_MOD, d.fd, &event);
                }
                continue;
            }
            if (what & (EPOLLIN | EPOLLHUP | EPOLLERR)) {
                char buffer[4096];
                const ssize_t got = ::recv(d.fd, buffer, sizeof buffer, 0);
                if (got < 0 && errno == EAGAIN)
                    continue;
                if (got > 0)
                    d.in.append(buffer, static_cast<std::size_t>(got));
                int status = 0;
                if (whole_response(d.in, status))
                    finish(index, status);
                else if (got <= 0)
                    finish(index, 0);
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
