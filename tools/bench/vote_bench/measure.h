// What vote_bench measures of one server (lectern, or the floor), and the steps that measure it: the
// ladder of offered rates, and connections held open for memory per connection.
#pragma once

#include "held_connections.h"
#include "http_load.h"

#include <cstddef>
#include <map>
#include <string>
#include <sys/types.h>
#include <vector>

namespace vote_bench {

struct BenchSettings {
    double run_seconds = 5; // each offered rate, this long
    std::vector<double> ladder{5000, 10000, 15000, 20000, 25000, 30000, 40000, 50000};
    // lectern allows a device 4 votes a second (then 429): devices are added as the rate grows, each
    // voting at most this often, so every refusal would be the server's doing, not the budget's.
    double votes_per_device_second = 3.5;
    std::size_t fewest_devices = 1000;
    std::size_t most_devices = 9000;      // lectern holds at most 10,000 connections
    std::size_t devices_per_address = 10; // lectern allows 32 connections per address: 900 addresses
    std::size_t held_connections = 5000;  // idle keep-alive connections, then event streams
    std::size_t held_per_address = 25;    // 32 connections and 40 streams allowed per address: 200 addresses
    std::size_t screen_samples = 20;

    // How many devices vote at `rate`.
    std::size_t devices_for(double rate) const;
    // The highest rate the ladder offers lectern: beyond it its devices would exceed 4 votes a second.
    double lectern_ceiling() const { return static_cast<double>(most_devices) * votes_per_device_second; }
};

struct HeldFigures {
    std::size_t asked = 0, held = 0;
    long rss_before_kb = 0, rss_with_kb = 0, threads_with = 0;
    std::map<int, std::size_t> statuses;
    // (RSS with them held - RSS before) / held, KiB.
    double kib_each() const;
};

// A thread's time, from /proc/PID/task/TID/schedstat: on a CPU, and runnable but waiting for one (the
// machine's other work, or the load generator, had it).
struct ThreadTime {
    double running_s = 0, waiting_s = 0;
};

struct ServerFigures {
    std::string name;
    pid_t pid = 0;
    std::vector<RunResult> runs;  // the ladder, up to the first rate not sustained
    std::vector<bool> runs_exact; // per run: server totals == every device's last acknowledged choice
    long rss_idle_kb = 0, threads_idle = 0, rss_after_load_kb = 0, threads_after_load = 0, hwm_kb = 0;
    HeldFigures idle_connections, streams;
    std::vector<double> to_screen;                                   // ms, lectern only
    std::vector<std::pair<std::string, ThreadTime>> busiest_threads; // "name/id", over the ladder

    const RunResult* at_rate(double rate) const;
    const RunResult* highest_sustained() const;
    std::size_t max_threads() const;
};

// Offers each rate of the ladder (up to `ceiling`) for settings.run_seconds, stopping after the first not
// sustained. `check_totals`: after each run, compare the server's totals with the fleet's expectation
// plus `totals_before`.
void run_ladder(const BenchSettings& settings, DeviceFleet& fleet, double ceiling, bool check_totals,
                const Target& target, const std::vector<int>& totals_before, ServerFigures& figures);

// Holds `settings.held_connections` connections of `kind` and reads the server's RSS and threads.
HeldFigures measure_held(const BenchSettings& settings, pid_t pid, const Target& target, HeldKind kind,
                         std::size_t first_address, const std::vector<std::string>& tokens);

// The durable floor: `count` appends of a 100-byte line to a file in `folder`, each followed by fsync, as
// lectern's results log is written. Milliseconds per fsync.
std::vector<double> fsync_times(const std::string& folder, std::size_t count);

// VmRSS (or another kB field) of pid's /proc status.
long status_of(pid_t pid, const std::string& field);

// Time on and waiting for a CPU per thread of pid, by "name/thread id".
std::map<std::string, ThreadTime> thread_times(pid_t pid);

} // namespace vote_bench
