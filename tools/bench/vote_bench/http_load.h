// DeviceFleet: simulated devices voting over loopback at an offered rate, driven by one epoll loop so the
// client costs little of the machine the server also runs on.
//
// Each device has a server-issued token, a source address 127.0.x.y shared with `per_address` - 1 others,
// and one kept-alive connection it reuses for all its votes (reconnecting, inside the timed part, when
// the server closed it). Open loop: in a run at `rate` votes a second, vote slot s is due at s / rate
// seconds and belongs to device s mod devices; a device whose previous vote is still unanswered sends
// as soon as it is answered, and every time is measured from when the vote was due, so a slow server
// cannot hide its queue (no coordinated omission).
#pragma once

#include "sockets.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <sys/types.h>
#include <vector>

namespace vote_bench {

// The server the votes go to: its port, room code and the poll on screen.
struct Target {
    int port = 0;
    std::string room = "BNCH";
    std::string poll = "bench";
    std::size_t options = 4;
};

struct RunResult {
    double rate = 0;            // offered, votes a second
    std::size_t devices = 0;    // devices taking part
    std::size_t offered = 0;    // votes due in the run
    double elapsed_ms = 0;      // from the first vote due to the last answer
    std::vector<double> ack_ms; // per 200: from when it was due to its whole answer
    std::map<int, std::size_t> statuses;
    std::size_t failed = 0;      // connection refused or cut before a whole answer
    std::size_t unanswered = 0;  // still waiting when the run's time ran out
    std::size_t reconnects = 0;  // connections the server had closed, opened again
    std::size_t max_threads = 0; // of the server process, sampled during the run
    double server_cpu_s = 0;     // the server's utime + stime over the run
    double bench_cpu_s = 0;      // this process's, over the run
    double machine_cpu_s = 0;    // every process's on the machine (/proc/stat), over the run

    std::size_t acknowledged() const { return statuses.count(200) ? statuses.at(200) : 0; }
    // Acknowledged votes a second of wall time.
    double per_second() const {
        return elapsed_ms > 0 ? static_cast<double>(acknowledged()) / elapsed_ms * 1000 : 0;
    }
    // Sustained: at least 98% of the offer acknowledged within the run's wall time, so the queue left
    // when the offer stops is at most 2% of it (100 ms of a 5 s run), and no vote refused.
    bool sustained() const;
};

class DeviceFleet {
public:
    // tokens: one server-issued device token each; device i votes from device_address(first_address +
    // i / per_address). server_pid: whose threads and CPU time are read (0: none).
    DeviceFleet(Target target, std::vector<std::string> tokens, std::size_t per_address,
                std::size_t first_address, pid_t server_pid);
    ~DeviceFleet();
    DeviceFleet(const DeviceFleet&) = delete;
    DeviceFleet& operator=(const DeviceFleet&) = delete;

    std::size_t size() const { return m_devices.size(); }

    // The first `devices` devices vote for `seconds` at `rate` a second. Their connections are opened
    // before the clock starts; the run ends when every vote is answered, or `seconds` + 10 s after it began.
    RunResult run(double rate, double seconds, std::size_t devices);

    // Per option: how many devices' last acknowledged vote chose it.
    std::vector<int> expected_totals() const;

    // Closes every connection.
    void disconnect();

private:
    struct Device {
        std::string request_head; // the vote request up to its Content-Length value
        std::uint32_t source = 0;
        int fd = -1;
        bool in_flight = false;
        std::size_t due_votes = 0;  // this run: votes whose time has come
        std::size_t sent_votes = 0; // this run: votes sent (or failed to send)
        std::size_t votes_ever = 0; // every run: picks the choice, so each vote changes the device's mind
        double due_ms = 0;          // of the vote in flight
        int choice = 0;             // of the vote in flight
        int last_acknowledged = 0;  // 0: none yet
        std::string out, in;
    };
    // Connects every one of the first `devices` devices that has no connection, outside the timed part.
    void prepare(std::size_t devices);
    bool connect(std::size_t index);
    void close(std::size_t index);
    void send_vote(std::size_t index, double due_ms);

    Target m_target;
    std::vector<Device> m_devices;
    std::size_t m_per_address;
    std::size_t m_first_address;
    pid_t m_server;
    int m_poller = -1;
    RunResult* m_result = nullptr;
};

} // namespace vote_bench
