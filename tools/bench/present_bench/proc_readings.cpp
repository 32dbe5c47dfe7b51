#include "proc_readings.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace present_bench {

std::string read_file(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string load_average() {
    std::istringstream in(read_file("/proc/loadavg"));
    std::string one, five;
    in >> one >> five;
    return one + " " + five;
}

long status_field(const std::string& status_path, const std::string& name) {
    std::istringstream in(read_file(status_path));
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(name + ":", 0) == 0)
            return std::strtol(line.c_str() + name.size() + 1, nullptr, 10);
    }
    return -1;
}

CpuSample sample_cpu(pid_t pid) {
    CpuSample sample;
    const std::string base = "/proc/" + std::to_string(pid);
    const std::string stat = read_file(base + "/stat");
    const std::size_t paren = stat.rfind(')');
    if (paren != std::string::npos) {
        std::istringstream fields(stat.substr(paren + 2));
        std::string field;
        long utime = 0;
        long stime = 0;
        for (int i = 3; i <= 15 && fields >> field; ++i) { // field 3 is the state; 14 utime, 15 stime
            if (i == 14)
                utime = std::strtol(field.c_str(), nullptr, 10);
            if (i == 15)
                stime = std::strtol(field.c_str(), nullptr, 10);
        }
        sample.ticks = utime + stime;
    }
    sample.main_wakeups = status_field(base + "/status", "voluntary_ctxt_switches");
    std::error_code error;
    for (const auto& task : std::filesystem::directory_iterator(base + "/task", error)) {
        const long count = status_field(task.path().string() + "/status", "voluntary_ctxt_switches");
        if (count > 0)
            sample.wakeups += count;
        ++sample.threads;
    }
    return sample;
}

std::string gl_driver_of(pid_t pid) {
    std::istringstream maps(read_file("/proc/" + std::to_string(pid) + "/maps"));
    std::set<std::string> drivers;
    std::string line;
    while (std::getline(maps, line)) {
        const std::size_t slash = line.rfind('/');
        if (slash == std::string::npos)
            continue;
        const std::string file = line.substr(slash + 1);
        if (file.size() > 7 && file.compare(file.size() - 7, 7, "_dri.so") == 0)
            drivers.insert(file.substr(0, file.size() - 7));
    }
    std::string text;
    for (const std::string& driver : drivers)
        text += (text.empty() ? "" : ",") + driver;
    return text.empty() ? "none" : text;
}

} // namespace present_bench
