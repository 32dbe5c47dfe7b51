// Readings from /proc: load average, status fields, CPU time and wakeups, and the GL driver a process loaded.
#pragma once

#include <cstddef>
#include <string>
#include <sys/types.h>

namespace present_bench {

// The whole file at path, or "" when it cannot be read.
std::string read_file(const std::string& path);

// The 1- and 5-minute load averages: other work on the machine makes every figure slower.
std::string load_average();

// A "Name:  value kB" field of /proc/PID[/task/TID]/status, or -1.
long status_field(const std::string& status_path, const std::string& name);

struct CpuSample {
    long ticks = 0;        // utime + stime of every thread
    long wakeups = 0;      // voluntary context switches, summed over threads
    long main_wakeups = 0; // the main thread's alone
    std::size_t threads = 0;
};

// CPU time and voluntary context switches of pid so far.
CpuSample sample_cpu(pid_t pid);

// Which GL driver the program loaded, from its memory map: "swrast", "iris", ... or "none".
std::string gl_driver_of(pid_t pid);

} // namespace present_bench
