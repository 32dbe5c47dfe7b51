// Soak test for kiosk mode (issue 9): the real lectern shows the corridor deck as a kiosk under a private
// Xvfb with its clock running fast (--clock-speed), for ADVANCES slide changes (10,000), while this tool
// saves the deck RELOADS times (500), each a real change, as an editor does (a new file renamed over the
// old). Every few seconds, and at the start and the end, lectern's own counters (SIGUSR1: slide changes,
// reloads, text and picture textures) and its memory (/proc) are read; the saves are spread over the
// whole run. It fails if lectern dies, stops advancing, misses a reload, or its memory grows: the
// average VmRSS of the last quarter more than 8 MiB above the second quarter's (by then the caches are
// full, text to its budget (four screens, core/show/texture_budget.h) and pictures within their 96 MiB,
// and evict from then on).
// Memory is reported in parts beside the floor (issue 22): with --floor, the least SDL2 + SDL2_ttf program
// (tools/bench/floor_window) runs on the same screen through the whole run, and its VmRSS at the end is
// the floor; lectern's steady VmRSS (the last quarter's average) is given against it, split into text
// textures, pictures, the heap in use and the heap freed but held (mallinfo2, every arena), and the rest
// (RssAnon/RssFile: the libraries, Mesa's buffers, fonts mapped).
// Usage: soak LECTERN DECK [--advances N] [--reloads N] [--speed N] [--floor FLOOR_WINDOW] [--short]
// --short: 1,000 slide changes and 50 reloads (about 2 minutes), for trying a change.
// tools/soak/run.sh builds lectern in Release and runs this on slides/qzone-corridor.toml.
#include "../bench/present_bench/clock.h"
#include "../bench/present_bench/proc_readings.h"
#include "../bench/present_bench/process.h"
#include "../bench/present_bench/x_screen.h"

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

using namespace present_bench;

namespace {

struct Stats {
    long slide_changes = -1;
    long reloads = -1;
    long text_textures = -1;
    long text_kib = -1;
    long pictures = -1;
    long picture_kib = -1;
    long text_budget_kib = -1;
    long heap_in_use_kib = -1;
    long heap_free_kib = -1;
    long rss_kb = -1;
    long hwm_kb = -1;
    long rss_anon_kb = -1;
    long rss_file_kb = -1;
};

// Asks lectern for its counters and reads the line it writes to the log.
Stats read_stats(pid_t pid, const std::string& log) {
    const std::size_t before = read_file(log).size();
    ::kill(pid, SIGUSR1);
    Stats stats;
    const std::regex line("lectern: stats: slide changes ([0-9]+), reloads ([0-9]+), text textures ([0-9]+) "
                          "\\(([0-9]+) KiB\\), pictures ([0-9]+) \\(([0-9]+) KiB\\)");
    for (int i = 0; i < 300; ++i) {
        sleep_ms(10);
        const std::string text = read_file(log);
        std::smatch found;
        const std::string fresh = text.size() > before ? text.substr(before) : std::string();
        if (std::regex_search(fresh, found, line)) {
            stats.slide_changes = std::atol(found[1].str().c_str());
            stats.reloads = std::atol(found[2].str().c_str());
            stats.text_textures = std::atol(found[3].str().c_str());
            stats.text_kib = std::atol(found[4].str().c_str());
            stats.pictures = std::atol(found[5].str().c_str());
            stats.picture_kib = std::atol(found[6].str().c_str());
            const std::regex heap(
                "text budget ([0-9]+) KiB, heap in use ([0-9]+) KiB, heap free ([0-9]+) KiB");
            if (std::regex_search(fresh, found, heap)) {
                stats.text_budget_kib = std::atol(found[1].str().c_str());
                stats.heap_in_use_kib = std::atol(found[2].str().c_str());
                stats.heap_free_kib = std::atol(found[3].str().c_str());
            }
            break;
        }
    }
    const std::string status = "/proc/" + std::to_string(pid) + "/status";
    stats.rss_kb = status_field(status, "VmRSS");
    stats.hwm_kb = status_field(status, "VmHWM");
    stats.rss_anon_kb = status_field(status, "RssAnon");
    stats.rss_file_kb = status_field(status, "RssFile");
    return stats;
}

void print(const char* when, const Stats& s) {
    std::printf(
        "  %-6s slide changes %6ld  reloads %4ld  text textures %4ld (%6ld KiB)  pictures %3ld (%6ld KiB)  "
        "VmRSS %6.1f MiB  VmHWM %6.1f MiB\n",
        when, s.slide_changes, s.reloads, s.text_textures, s.text_kib, s.pictures, s.picture_kib,
        static_cast<double>(s.rss_kb) / 1024.0, static_cast<double>(s.hwm_kb) / 1024.0);
    std::fflush(stdout);
}

double mib(long kib) {
    return static_cast<double>(kib) / 1024.0;
}

// Where lectern's memory is, beside the floor program's, at the end of the run.
void print_parts(const Stats& s, double steady_mib, long floor_kb) {
    std::printf(
        "soak: memory at the end: VmRSS %.1f MiB (RssAnon %.1f, RssFile %.1f); text textures %.1f MiB "
        "(budget %.1f MiB), pictures %.1f MiB, heap in use %.1f MiB (texture pixels are in it: "
        "llvmpipe keeps them in malloc'd memory), heap free in the allocator's lists %.1f MiB (pages "
        "malloc_trim gave back are counted there but not resident: compare RssAnon)\n",
        mib(s.rss_kb), mib(s.rss_anon_kb), mib(s.rss_file_kb), mib(s.text_kib), mib(s.text_budget_kib),
        mib(s.picture_kib), mib(s.heap_in_use_kib), mib(s.heap_free_kib));
    if (floor_kb > 0)
        std::printf("soak: steady VmRSS %.1f MiB against the floor program's %.1f MiB in the same run: floor "
                    "+ %.1f MiB (%.2fx; target: floor + 60 MiB)\n",
                    steady_mib, mib(floor_kb), steady_mib - mib(floor_kb), steady_mib / mib(floor_kb));
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: soak LECTERN DECK [--advances N] [--reloads N] [--speed N] [--floor "
                             "FLOOR_WINDOW] [--short]\n");
        return 2;
    }
    const std::string lectern = argv[1];
    const std::filesystem::path source = argv[2];
    long advances = 10000, reloads = 500, speed = 200;
    std::string floor_window;
    for (int i = 3; i < argc; ++i) {
        const std::string option = argv[i];
        if (option == "--short") {
            advances = 1000;
            reloads = 50;
            continue;
        }
        if (i + 1 >= argc)
            break;
        const std::string value = argv[++i];
        if (option == "--advances")
            advances = std::clamp(std::atol(value.c_str()), 1L, 1000000L);
        else if (option == "--reloads")
            reloads = std::clamp(std::atol(value.c_str()), 0L, 100000L);
        else if (option == "--speed")
            speed = std::clamp(std::atol(value.c_str()), 1L, 1000L);
        else if (option == "--floor")
            floor_window = value;
    }
    install_fatal_signal_handlers(3600);
    install_x_io_error_handler();

    // The deck is copied beside a copy of its pictures, so the saves touch nothing of the project's.
    const std::filesystem::path work =
        std::filesystem::temp_directory_path() / ("lectern-soak-" + std::to_string(getpid()));
    std::filesystem::remove_all(work);
    std::filesystem::create_directories(work / "slides");
    std::filesystem::copy(source.parent_path() / ".." / "assets", work / "assets",
                          std::filesystem::copy_options::recursive);
    const std::filesystem::path deck = work / "slides" / "deck.toml";
    const std::string original = read_file(source.string());
    std::ofstream(deck) << original;
    const std::string log = (work / "lectern.log").string();

    VirtualScreen screen;
    if (!screen.start(log))
        return 1;
    std::vector<std::string> env = child_environment(screen.name());
    env.push_back("XDG_DATA_HOME=" + (work / "data").string());
    const pid_t pid =
        spawn({lectern, deck.string(), "--kiosk", "--clock-speed", std::to_string(speed)}, env, log);
    g_app = pid;
    // The floor on the same screen, idle through the whole run: what SDL itself costs here.
    const pid_t floor_pid =
        floor_window.empty() ? 0 : spawn({floor_window}, child_environment(screen.name()), log);
    sleep_ms(3000);

    std::printf("soak: lectern %s --kiosk --clock-speed %ld, %s: %ld slide changes and %ld reloads\n",
                lectern.c_str(), speed, source.filename().c_str(), advances, reloads);
    const double start = now_ms();
    Stats first = read_stats(pid, log);
    print("start", first);
    Stats half, last = first;
    long saves = 0, missed = 0;
    bool failed = false;
    double last_progress = now_ms();
    long last_changes = first.slide_changes;
    // A slide's title, so each save changes what is drawn (new text textures) and not just the file.
    const std::size_t slides_at = original.find("[[slides]]");
    const std::size_t title_at = original.find("title = \"", slides_at == std::string::npos ? 0 : slides_at);
    // The saves are spread over the whole run, one every `every` slide changes, so reloads and advances
    // go on together from start to end.
    const long every = std::max(1L, advances / std::max(1L, reloads));
    long next_report = advances / 10;
    // VmRSS of every sample, by where in the run it was taken: the second quarter against the last.
    std::vector<double> second_quarter_mib, last_quarter_mib;
    while (!failed && (last.slide_changes < advances || saves < reloads)) {
        if (saves < reloads && last.slide_changes >= saves * every) {
            std::string edited = original;
            if (title_at != std::string::npos)
                edited.insert(title_at + 9, "Edit " + std::to_string(saves + 1) + ": ");
            const std::filesystem::path temporary = work / "slides" / ".deck.toml.swp";
            std::ofstream(temporary) << edited;
            std::filesystem::rename(temporary, deck); // as an editor saves
            ++saves;
            // The watcher waits for saving to settle (300 ms), then loads off the render thread: wait
            // for this reload to land before the next save, or it would only coalesce with it.
            const long reloads_before = last.reloads;
            const double saved_at = now_ms();
            do {
                sleep_ms(100);
                last = read_stats(pid, log);
            } while (last.reloads <= reloads_before && now_ms() - saved_at < 5000 && ::kill(pid, 0) == 0);
            if (last.reloads <= reloads_before)
                ++missed;
        } else {
            sleep_ms(250);
            last = read_stats(pid, log);
        }
        if (::kill(pid, 0) != 0) {
            std::fprintf(stderr, "soak: lectern died; its output is in %s\n", log.c_str());
            failed = true;
            break;
        }
        if (last.slide_changes > last_changes) {
            last_changes = last.slide_changes;
            last_progress = now_ms();
        } else if (now_ms() - last_progress > 20000) {
            std::fprintf(stderr, "soak: lectern stopped advancing for 20 s\n");
            failed = true;
        }
        if (half.slide_changes < 0 && last.slide_changes >= advances / 2)
            half = last;
        const double rss_mib = static_cast<double>(last.rss_kb) / 1024.0;
        if (last.slide_changes >= advances / 4 && last.slide_changes < advances / 2)
            second_quarter_mib.push_back(rss_mib);
        else if (last.slide_changes >= advances * 3 / 4)
            last_quarter_mib.push_back(rss_mib);
        if (last.slide_changes >= next_report && last.slide_changes < advances) {
            print("during", last);
            next_report += advances / 10;
        }
    }
    sleep_ms(1500); // the last reload lands
    last = read_stats(pid, log);
    print("end", last);
    const double minutes = (now_ms() - start) / 60000.0;
    if (half.slide_changes < 0)
        half = first;
    // By a quarter of the way every cache has long been full (text to its budget, every picture drawn)
    // and every kind of change has happened many times: from then on memory only goes up and down with
    // what is being drawn and loaded. The last quarter's average must not be above the second quarter's.
    auto mean = [](const std::vector<double>& values) {
        double sum = 0;
        for (double v : values)
            sum += v;
        return values.empty() ? 0.0 : sum / static_cast<double>(values.size());
    };
    const double growth_mib = mean(last_quarter_mib) - mean(second_quarter_mib);
    std::printf(
        "soak: %.1f minutes; %ld slide changes, %ld reloads of %ld saves; average VmRSS %.1f MiB in the "
        "second quarter, %.1f MiB in the last (%+.1f MiB); VmHWM %.1f MiB at half way, %.1f MiB at the "
        "end; text textures %ld -> %ld, pictures %ld -> %ld\n",
        minutes, last.slide_changes, last.reloads, saves, mean(second_quarter_mib), mean(last_quarter_mib),
        growth_mib, static_cast<double>(half.hwm_kb) / 1024.0, static_cast<double>(last.hwm_kb) / 1024.0,
        first.text_textures, last.text_textures, first.pictures, last.pictures);
    if (missed > 0 || last.reloads < saves) {
        std::fprintf(stderr, "soak: only %ld of %ld saves were reloaded\n", last.reloads, saves);
        failed = true;
    }
    if (growth_mib > 8.0) {
        std::fprintf(stderr, "soak: memory grew by %.1f MiB from the second quarter to the last\n",
                     growth_mib);
        failed = true;
    }
    const long floor_kb =
        floor_pid > 0 ? status_field("/proc/" + std::to_string(floor_pid) + "/status", "VmRSS") : -1;
    print_parts(last, mean(last_quarter_mib), floor_kb);
    std::printf("soak: %s\n", failed ? "FAILED" : "passed");
    if (floor_pid > 0)
        terminate(floor_pid);
    terminate(pid);
    g_app = 0;
    screen.stop();
    if (!failed)
        std::filesystem::remove_all(work);
    return failed ? 1 : 0;
}
