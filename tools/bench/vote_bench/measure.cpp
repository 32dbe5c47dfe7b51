#include "measure.h"

#include "../present_bench/clock.h"
#include "../present_bench/proc_readings.h"
#include "server_requests.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <sstream>
#include <unistd.h>

namespace vote_bench {

using present_bench::sleep_ms;

std::size_t BenchSettings::devices_for(double rate) const {
    const auto needed = static_cast<std::size_t>(std::ceil(rate / votes_per_device_second));
    return std::clamp(needed, fewest_devices, most_devices);
}

double HeldFigures::kib_each() const {
    return held > 0 ? static_cast<double>(rss_with_kb - rss_before_kb) / static_cast<double>(held) : 0;
}

const RunResult* ServerFigures::at_rate(double rate) const {
    for (const RunResult& run : runs) {
        if (run.rate == rate)
            return &run;
    }
    return nullptr;
}

const RunResult* ServerFigures::highest_sustained() const {
    const RunResult* best = nullptr;
    for (const RunResult& run : runs) {
        if (run.sustained() && (best == nullptr || run.rate > best->rate))
            best = &run;
    }
    return best;
}

std::size_t ServerFigures::max_threads() const {
    std::size_t most = static_cast<std::size_t>(std::max(
        {threads_idle, threads_after_load, idle_connections.threads_with, streams.threads_with, 0L}));
    for (const RunResult& run : runs)
        most = std::max(most, run.max_threads);
    return most;
}

std::vector<double> fsync_times(const std::string& folder, std::size_t count) {
    const std::string path = folder + "/fsync-floor.log";
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    std::vector<double> times;
    const std::string line(99, 'v');
    for (std::size_t i = 0; fd >= 0 && i < count; ++i) {
        if (::write(fd, (line + "\n").data(), line.size() + 1) != static_cast<ssize_t>(line.size() + 1))
            break;
        const double start = present_bench::now_ms();
        ::fsync(fd);
        times.push_back(present_bench::now_ms() - start);
    }
    if (fd >= 0)
        ::close(fd);
    std::filesystem::remove(path);
    return times;
}

long status_of(pid_t pid, const std::string& field) {
    return present_bench::status_field("/proc/" + std::to_string(pid) + "/status", field);
}

std::map<std::string, ThreadTime> thread_times(pid_t pid) {
    std::map<std::string, ThreadTime> times;
    std::error_code error;
    for (const auto& task :
         std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/task", error)) {
        const std::string name = present_bench::read_file(task.path().string() + "/comm");
        std::istringstream schedstat(present_bench::read_file(task.path().string() + "/schedstat"));
        double running_ns = 0, waiting_ns = 0;
        schedstat >> running_ns >> waiting_ns;
        // By name and thread id: lectern's own threads all share its name.
        times[name.substr(0, name.find('\n')) + "/" + task.path().filename().string()] = {running_ns / 1e9,
                                                                                          waiting_ns / 1e9};
    }
    return times;
}

void run_ladder(const BenchSettings& settings, DeviceFleet& fleet, double ceiling, bool check_totals,
                const Target& target, const std::vector<int>& totals_before, ServerFigures& figures) {
    for (const double rate : settings.ladder) {
        if (rate > ceiling)
            break;
        RunResult run = fleet.run(rate, settings.run_seconds, settings.devices_for(rate));
        bool exact = true;
        if (check_totals) {
            sleep_ms(600); // the state others read is refreshed at most ten times a second
            const std::vector<int> after = server_totals(target);
            const std::vector<int> expected = fleet.expected_totals();
            exact = after.size() == expected.size() && totals_before.size() == expected.size();
            for (std::size_t i = 0; exact && i < after.size(); ++i)
                exact = after[i] == totals_before[i] + expected[i];
        }
        std::fprintf(stderr,
                     "vote_bench: %s offered %.0f/s: %.0f acknowledged/s, %zu unanswered, %zu failed%s\n",
                     figures.name.c_str(), rate, run.per_second(), run.unanswered, run.failed,
                     exact ? "" : ", TOTALS DIFFER");
        const bool sustained = run.sustained();
        figures.runs.push_back(std::move(run));
        figures.runs_exact.push_back(exact);
        if (!sustained)
            break;
        sleep_ms(1000);
    }
}

HeldFigures measure_held(const BenchSettings& settings, pid_t pid, const Target& target, HeldKind kind,
                         std::size_t first_address, const std::vector<std::string>& tokens) {
    HeldFigures figures;
    figures.asked = settings.held_connections;
    sleep_ms(2500); // connections closed before are gone from the server
    figures.rss_before_kb = status_of(pid, "VmRSS");
    HeldConnections held;
    figures.held =
        held.open(target, kind, settings.held_connections, settings.held_per_address, first_address, tokens);
    sleep_ms(500);
    figures.rss_with_kb = status_of(pid, "VmRSS");
    figures.threads_with = status_of(pid, "Threads");
    figures.statuses = held.statuses();
    held.release();
    return figures;
}

} // namespace vote_bench
