#include "http_load.h"

#include "../present_bench/clock.h"
#include "../present_bench/proc_readings.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <sstream>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

namespace vote_bench {

using present_bench::now_ms;

namespace {

double cpu_seconds_of_self() {
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](timeval t) {
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

double cpu_seconds_of(pid_t pid) {
    return pid > 0 ? static_cast<double>(present_bench::sample_cpu(pid).ticks) /
                         static_cast<double>(sysconf(_SC_CLK_TCK))
                   : 0;
}

// CPU seconds every core of the machine spent busy (not idle, not waiting for the disk) since boot.
double machine_busy_seconds() {
    std::istringstream line(present_bench::read_file("/proc/stat"));
    std::string cpu;
    double ticks[8] = {}; // user nice system idle iowait irq softirq steal
    line >> cpu;
    for (double& field : ticks)
        line >> field;
    const double busy = ticks[0] + ticks[1] + ticks[2] + ticks[5] + ticks[6];
    return busy / static_cast<double>(sysconf(_SC_CLK_TCK));
}

std::size_t threads_of(pid_t pid) {
    const long threads =
        pid > 0 ? present_bench::status_field("/proc/" + std::to_string(pid) + "/status", "Threads") : 0;
    return threads > 0 ? static_cast<std::size_t>(threads) : 0;
}

} // namespace

bool RunResult::sustained() const {
    return offered > 0 && per_second() >= 0.98 * rate && acknowledged() == offered;
}

DeviceFleet::DeviceFleet(Target target, std::vector<std::string> tokens, std::size_t per_address,
                         std::size_t first_address, pid_t server_pid)
    : m_target(std::move(target)), m_devices(tokens.size()),
      m_per_address(std::max<std::size_t>(per_address, 1)), m_first_address(first_address),
      m_server(server_pid), m_poller(::epoll_create1(EPOLL_CLOEXEC)) {
    for (std::size_t i = 0; i < m_devices.size(); ++i) {
        m_devices[i].source = device_address(m_first_address + i / m_per_address);
        m_devices[i].request_head = "POST /api/vote?room=" + m_target.room +
                                    " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(m_target.port) +
                                    "\r\nCookie: lectern_device=" + tokens[i] +
                                    "\r\nContent-Type: application/json\r\nContent-Length: ";
    }
}

DeviceFleet::~DeviceFleet() {
    disconnect();
    ::close(m_poller);
}

void DeviceFleet::disconnect() {
    for (std::size_t i = 0; i < m_devices.size(); ++i)
        close(i);
}

std::vector<int> DeviceFleet::expected_totals() const {
    std::vector<int> totals(m_target.options, 0);
    for (const Device& device : m_devices) {
        if (device.last_acknowledged > 0)
            ++totals[static_cast<std::size_t>(device.last_acknowledged - 1)];
    }
    return totals;
}

bool DeviceFleet::connect(std::size_t index) {
    Device& device = m_devices[index];
    device.fd = open_connection(device.source, m_target.port);
    if (device.fd < 0)
        return false;
    epoll_event event{};
    event.events = EPOLLIN | EPOLLOUT; // EPOLLOUT once: the connection is made (and any vote waiting goes)
    event.data.u64 = index;
    ::epoll_ctl(m_poller, EPOLL_CTL_ADD, device.fd, &event);
    return true;
}

void DeviceFleet::close(std::size_t index) {
    Device& device = m_devices[index];
    if (device.fd >= 0)
        ::close(device.fd); // also leaves the epoll set
    device.fd = -1;
    device.out.clear();
    device.in.clear();
}

void DeviceFleet::send_vote(std::size_t index, double due_ms) {
    Device& device = m_devices[index];
    ++device.sent_votes;
    device.due_ms = due_ms;
    device.choice = static_cast<int>((index * 7 + device.votes_ever * 3) % m_target.options) + 1;
    ++device.votes_ever;
    const std::string body =
        "{\"poll\":\"" + m_target.poll + "\",\"choices\":[" + std::to_string(device.choice) + "]}";
    device.out = device.request_head + std::to_string(body.size()) + "\r\n\r\n" + body;
    if (device.fd < 0) {
        ++m_result->reconnects;
        if (!connect(index)) {
            ++m_result->failed;
            return;
        }
        device.in_flight = true;
        return; // sent once the connection is made
    }
    device.in_flight = true;
    const ssize_t wrote = ::send(device.fd, device.out.data(), device.out.size(), MSG_NOSIGNAL);
    if (wrote > 0)
        device.out.erase(0, static_cast<std::size_t>(wrote));
    if (!device.out.empty()) {
        epoll_event event{};
        event.events = EPOLLIN | EPOLLOUT;
        event.data.u64 = index;
        ::epoll_ctl(m_poller, EPOLL_CTL_MOD, device.fd, &event);
    }
}

void DeviceFleet::prepare(std::size_t devices) {
    // In batches, each made before the next starts: thousands of connects at once would overflow the
    // server's accept queue, and the dropped ones would be retried a second later, inside the timed part.
    constexpr std::size_t batch = 256;
    std::vector<epoll_event> events(batch);
    for (std::size_t first = 0; first < devices; first += batch) {
        std::size_t waiting = 0;
        for (std::size_t i = first; i < std::min(first + batch, devices); ++i) {
            if (m_devices[i].fd < 0 && connect(i))
                ++waiting;
        }
        for (const double until = now_ms() + 2000; waiting > 0 && now_ms() < until;) {
            const int ready = ::epoll_wait(m_poller, events.data(), static_cast<int>(events.size()), 50);
            for (int e = 0; e < ready; ++e) {
                const std::size_t index = events[static_cast<std::size_t>(e)].data.u64;
                const std::uint32_t what = events[static_cast<std::size_t>(e)].events;
                if (m_devices[index].fd < 0)
                    continue;
                if (index < first || index >= first + batch) {
                    close(index); // an earlier connection the server closed (idle): made again next time
                    continue;
                }
                if (what & (EPOLLERR | EPOLLHUP | EPOLLIN)) {
                    close(index); // refused or closed at once: the run reconnects it, and counts that
                } else {
                    epoll_event event{};
                    event.events = EPOLLIN;
                    event.data.u64 = index;
                    ::epoll_ctl(m_poller, EPOLL_CTL_MOD, m_devices[index].fd, &event);
                }
                --waiting;
            }
        }
    }
}

RunResult DeviceFleet::run(double rate, double seconds, std::size_t devices) {
    RunResult result;
    m_result = &result;
    devices = std::min(devices, m_devices.size());
    result.rate = rate;
    result.devices = devices;
    result.offered = static_cast<std::size_t>(rate * seconds);
    for (std::size_t i = 0; i < devices; ++i) {
        m_devices[i].due_votes = m_devices[i].sent_votes = 0;
        m_devices[i].in_flight = false;
    }
    prepare(devices);
    std::vector<epoll_event> events(1024);
    const double interval_ms = 1000.0 / rate;
    const double cpu_before = cpu_seconds_of(m_server), bench_before = cpu_seconds_of_self();
    const double machine_before = machine_busy_seconds();
    const double start = now_ms();
    const double give_up = start + seconds * 1000 + 10000;
    double next_sample = start;
    double last_answer = start;
    std::size_t scheduled = 0, done = 0;
    const auto due_of = [&](std::size_t slot) {
        return start + static_cast<double>(slot) * interval_ms;
    };
    // Sends the device's oldest due vote unless one is in flight; a vote that cannot even be sent fails.
    const auto next_vote = [&](std::size_t index) {
        Device& device = m_devices[index];
        while (!device.in_flight && device.sent_votes < device.due_votes) {
            send_vote(index, due_of(device.sent_votes * devices + index));
            if (!device.in_flight)
                ++done;
        }
    };
    while (done < result.offered) {
        const double now = now_ms();
        if (now > give_up)
            break;
        for (; scheduled < result.offered && due_of(scheduled) <= now; ++scheduled) {
            const std::size_t index = scheduled % devices;
            ++m_devices[index].due_votes;
            next_vote(index);
        }
        if (now >= next_sample) {
            result.max_threads = std::max(result.max_threads, threads_of(m_server));
            next_sample = now + 250;
        }
        const double until = scheduled < result.offered ? due_of(scheduled) : now + 100;
        const int wait = static_cast<int>(std::clamp(std::ceil(until - now_ms()), 0.0, 100.0));
        const int ready = ::epoll_wait(m_poller, events.data(), static_cast<int>(events.size()), wait);
        for (int e = 0; e < ready; ++e) {
            const std::size_t index = events[static_cast<std::size_t>(e)].data.u64;
            const std::uint32_t what = events[static_cast<std::size_t>(e)].events;
            Device& device = m_devices[index];
            if (device.fd < 0)
                continue;
            if ((what & EPOLLOUT) && !(what & (EPOLLERR | EPOLLHUP))) {
                if (!device.out.empty()) {
                    const ssize_t wrote =
                        ::send(device.fd, device.out.data(), device.out.size(), MSG_NOSIGNAL);
                    if (wrote > 0)
                        device.out.erase(0, static_cast<std::size_t>(wrote));
                }
                if (device.out.empty()) {
                    epoll_event event{};
                    event.events = EPOLLIN;
                    event.data.u64 = index;
                    ::epoll_ctl(m_poller, EPOLL_CTL_MOD, device.fd, &event);
                }
            }
            if (!(what & (EPOLLIN | EPOLLERR | EPOLLHUP)))
                continue;
            char buffer[8192];
            const ssize_t got = ::recv(device.fd, buffer, sizeof buffer, 0);
            if (got < 0 && errno == EAGAIN)
                continue;
            if (got > 0)
                device.in.append(buffer, static_cast<std::size_t>(got));
            while (const auto answer = whole_response(device.in)) {
                if (device.in_flight) {
                    device.in_flight = false;
                    ++done;
                    last_answer = now_ms();
                    ++result.statuses[answer->status];
                    if (answer->status == 200) {
                        result.ack_ms.push_back(last_answer - device.due_ms);
                        device.last_acknowledged = device.choice;
                    }
                }
                device.in.erase(0, answer->size);
            }
            if (got <= 0) { // closed by the server (an idle kept-alive connection, or after a refusal)
                if (device.in_flight) {
                    device.in_flight = false;
                    ++result.failed;
                    ++done;
                }
                close(index);
            }
            next_vote(index);
        }
    }
    result.unanswered = result.offered - std::min(done, result.offered);
    result.elapsed_ms = last_answer - start;
    result.server_cpu_s = cpu_seconds_of(m_server) - cpu_before;
    result.bench_cpu_s = cpu_seconds_of_self() - bench_before;
    result.machine_cpu_s = machine_busy_seconds() - machine_before;
    for (std::size_t i = 0; i < devices; ++i) {
        if (m_devices[i].in_flight)
            close(i); // its answer would be taken for the next run's
        m_devices[i].in_flight = false;
    }
    m_result = nullptr;
    return result;
}

} // namespace vote_bench
