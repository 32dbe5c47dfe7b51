#include "report.h"

#include "../present_bench/numbers.h"
#include "../present_bench/proc_readings.h"

#include <algorithm>
#include <cstdio>
#include <unistd.h>

namespace vote_bench {

using present_bench::fixed;

double percentile(std::vector<double> values, double p) {
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto at = static_cast<std::size_t>(p / 100.0 * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(at, values.size() - 1)];
}

namespace {

const char* verdict(bool met) {
    return met ? "met" : "NOT MET";
}

std::string ratio(double ours, double floor) {
    return floor > 0 ? fixed(ours / floor, 2) + "x" : "-";
}

std::string statuses_text(const RunResult& run) {
    std::string text;
    for (const auto& [code, count] : run.statuses)
        text += std::to_string(code) + "x" + std::to_string(count) + " ";
    if (run.failed > 0)
        text += "failed " + std::to_string(run.failed) + " ";
    if (run.unanswered > 0)
        text += "unanswered " + std::to_string(run.unanswered) + " ";
    if (run.reconnects > 0)
        text += "reconnects " + std::to_string(run.reconnects);
    return text;
}

void print_run(const RunResult* run, bool exact, bool with_totals) {
    if (run == nullptr) {
        std::printf(" | %9s %7s %7s %5s %5s %5s %6s", "-", "-", "-", "-", "-", "-", "-");
        return;
    }
    std::printf(" | %9.0f %7.1f %7.1f %5s %5.1f %5.1f %6.1f", run->per_second(), percentile(run->ack_ms, 50),
                percentile(run->ack_ms, 99), run->sustained() ? "yes" : "NO", run->server_cpu_s,
                run->bench_cpu_s, std::max(0.0, run->machine_cpu_s - run->server_cpu_s - run->bench_cpu_s));
    if (with_totals)
        std::printf(" %5s", exact ? "exact" : "DIFF");
}

void print_row(const char* figure, const std::string& ours, const std::string& floor, const std::string& vs,
               const std::string& target) {
    std::printf("  %-50s %12s %12s %9s   %s\n", figure, ours.c_str(), floor.c_str(), vs.c_str(),
                target.c_str());
}

std::string mib(long kb) {
    return fixed(static_cast<double>(kb) / 1024.0, 1);
}

} // namespace

bool print_report(const std::string& command, const BenchSettings& settings, const ServerFigures& lectern,
                  const ServerFigures& floor, const std::vector<double>& fsync_ms) {
    std::printf("\nvote_bench: %s\n", command.c_str());
    std::printf("  %ld cores, load average %s; keep-alive devices, open loop, %.0f s a rate; devices "
                "max(%zu, rate/%.1f) "
                "up to %zu, %zu a source address 127.0.x.y\n",
                sysconf(_SC_NPROCESSORS_ONLN), present_bench::load_average().c_str(), settings.run_seconds,
                settings.fewest_devices, settings.votes_per_device_second, settings.most_devices,
                settings.devices_per_address);
    std::printf("  lectern offered at most %.0f/s (its devices may vote 4 times a second); the floor answers "
                "200 at once, saving nothing\n\n",
                settings.lectern_ceiling());
    // Two header lines, in the widths of print_run.
    std::printf("  %17s | %-56s | %-50s\n", "", "lectern", "floor");
    std::printf("  %9s %7s", "offered/s", "devices");
    for (int side = 0; side < 2; ++side) {
        std::printf(" | %9s %7s %7s %5s %5s %5s %6s", "acked/s", "p50 ms", "p99 ms", "sust.", "CPU s",
                    "bench", "others");
        if (side == 0)
            std::printf(" %5s", "votes");
    }
    std::printf("\n");
    for (const double rate : settings.ladder) {
        const RunResult* ours = lectern.at_rate(rate);
        const RunResult* theirs = floor.at_rate(rate);
        if (ours == nullptr && theirs == nullptr)
            continue;
        std::printf("  %9.0f %7zu", rate, settings.devices_for(rate));
        const auto index = ours ? static_cast<std::size_t>(ours - lectern.runs.data()) : 0;
        print_run(ours, ours && lectern.runs_exact[index], true);
        if (ours == nullptr)
            std::printf(" %5s", "");
        print_run(theirs, true, false);
        std::printf("\n");
    }
    std::printf(
        "  CPU s: the server's CPU seconds over the run; bench: the load generator's; others: the rest of "
        "the machine's; votes: totals exact\n");
    for (const RunResult& run : lectern.runs) {
        if (!run.sustained() || run.reconnects > 0)
            std::printf("  lectern at %.0f/s: %s\n", run.rate, statuses_text(run).c_str());
    }

    std::printf("\n  %-50s %12s %12s %9s   %s\n", "figure", "lectern", "floor", "vs floor", "target");
    const RunResult* best = lectern.highest_sustained();
    const RunResult* floor_best = floor.highest_sustained();
    const double best_rate = best ? best->per_second() : 0;
    const double best_p99 = best ? percentile(best->ack_ms, 99) : 0;
    const bool rate_met =
        best && best->rate >= target_sustained_per_second && best_p99 < target_p99_at_sustained_ms;
    print_row("highest rate sustained (offered), votes/s", best ? fixed(best->rate, 0) : "none",
              floor_best ? fixed(floor_best->rate, 0) : "none",
              best && floor_best ? ratio(best->rate, floor_best->rate) : "-", "");
    print_row("  durable votes acknowledged there, a second", fixed(best_rate, 0),
              floor_best ? fixed(floor_best->per_second(), 0) : "-",
              floor_best ? ratio(best_rate, floor_best->per_second()) : "-",
              std::string(">= 20000/s with p99 < 50 ms: ") + verdict(rate_met));
    const RunResult* floor_there = best ? floor.at_rate(best->rate) : nullptr;
    print_row("  acknowledgement p50 there, ms", fixed(best ? percentile(best->ack_ms, 50) : 0),
              floor_there ? fixed(percentile(floor_there->ack_ms, 50)) : "-",
              floor_there ? ratio(percentile(best->ack_ms, 50), percentile(floor_there->ack_ms, 50)) : "-",
              "");
    print_row("  acknowledgement p99 there, ms", fixed(best_p99),
              floor_there ? fixed(percentile(floor_there->ack_ms, 99)) : "-",
              floor_there ? ratio(best_p99, percentile(floor_there->ack_ms, 99)) : "-", "");
    const RunResult* ours5 = lectern.at_rate(target_rate_for_low_p99);
    const RunResult* floor5 = floor.at_rate(target_rate_for_low_p99);
    const double p99_5 = ours5 ? percentile(ours5->ack_ms, 99) : 0;
    const bool low_met = ours5 && ours5->sustained() && p99_5 < target_p99_at_5000_ms;
    print_row("acknowledgement p50 at 5,000/s, ms", ours5 ? fixed(percentile(ours5->ack_ms, 50)) : "-",
              floor5 ? fixed(percentile(floor5->ack_ms, 50)) : "-",
              ours5 && floor5 ? ratio(percentile(ours5->ack_ms, 50), percentile(floor5->ack_ms, 50)) : "-",
              "");
    print_row("acknowledgement p99 at 5,000/s, ms", ours5 ? fixed(p99_5) : "-",
              floor5 ? fixed(percentile(floor5->ack_ms, 99)) : "-",
              ours5 && floor5 ? ratio(p99_5, percentile(floor5->ack_ms, 99)) : "-",
              std::string("< 10 ms: ") + verdict(low_met));
    // A vote is acknowledged after the fsync of its batch, which may wait for the batch before it.
    print_row("fsync of a 100-byte append, same disk, p50 ms", fixed(percentile(fsync_ms, 50), 2), "", "",
              "(a durable vote waits for one or two)");
    print_row("fsync of a 100-byte append, same disk, p99 ms", fixed(percentile(fsync_ms, 99), 2), "", "",
              "");
    const auto cpu_per_vote = [](const RunResult* run) {
        return run && run->acknowledged() > 0
                   ? run->server_cpu_s / static_cast<double>(run->acknowledged()) * 1e6
                   : 0;
    };
    print_row("server CPU per acknowledged vote at 5,000/s, us", fixed(cpu_per_vote(ours5), 0),
              fixed(cpu_per_vote(floor5), 0), ratio(cpu_per_vote(ours5), cpu_per_vote(floor5)), "");
    // The machine is shared: what other programs took while each server was measured, in cores of the two.
    const auto others_cores = [](const ServerFigures& server) {
        double others = 0, wall = 0;
        for (const RunResult& run : server.runs) {
            others += std::max(0.0, run.machine_cpu_s - run.server_cpu_s - run.bench_cpu_s);
            wall += run.elapsed_ms / 1000;
        }
        return wall > 0 ? others / wall : 0;
    };
    print_row("other programs' CPU during the runs, cores", fixed(others_cores(lectern), 2),
              fixed(others_cores(floor), 2), "", "");
    const bool exact =
        !lectern.runs_exact.empty() &&
        std::all_of(lectern.runs_exact.begin(), lectern.runs_exact.end(), [](bool e) { return e; });
    print_row("totals = every device's last acknowledged choice", exact ? "yes" : "NO", "", "",
              std::string("none lost or counted twice: ") + verdict(exact));
    if (!lectern.to_screen.empty()) {
        print_row("vote to screen, median ms", fixed(present_bench::median(lectern.to_screen)), "", "", "");
        print_row("vote to screen, worst ms",
                  fixed(*std::max_element(lectern.to_screen.begin(), lectern.to_screen.end())), "", "", "");
    }
    const bool threads_met = static_cast<long>(lectern.max_threads()) < target_threads_below;
    print_row("threads, idle", std::to_string(lectern.threads_idle), std::to_string(floor.threads_idle), "",
              "");
    print_row("threads, most seen (votes, connections, streams)", std::to_string(lectern.max_threads()),
              std::to_string(floor.max_threads()), "", std::string("< 20: ") + verdict(threads_met));
    print_row("RSS idle, MiB", mib(lectern.rss_idle_kb), mib(floor.rss_idle_kb),
              ratio(static_cast<double>(lectern.rss_idle_kb), static_cast<double>(floor.rss_idle_kb)), "");
    print_row("RSS after the votes, MiB", mib(lectern.rss_after_load_kb), mib(floor.rss_after_load_kb), "",
              "");
    print_row("peak RSS (VmHWM), MiB", mib(lectern.hwm_kb), mib(floor.hwm_kb), "", "");
    for (const auto& [label, ours, theirs] :
         {std::tuple{"idle keep-alive connections", &lectern.idle_connections, &floor.idle_connections},
          std::tuple{"event-stream followers", &lectern.streams, &floor.streams}}) {
        print_row((std::string(label) + " held (of " + std::to_string(ours->asked) + ")").c_str(),
                  std::to_string(ours->held), std::to_string(theirs->held), "", "");
        print_row("  RSS before, MiB", mib(ours->rss_before_kb), mib(theirs->rss_before_kb), "", "");
        print_row("  RSS with them held, MiB", mib(ours->rss_with_kb), mib(theirs->rss_with_kb), "", "");
        print_row("  threads with them held", std::to_string(ours->threads_with),
                  std::to_string(theirs->threads_with), "", "");
        print_row("  RSS each, KiB", fixed(ours->kib_each(), 2), fixed(theirs->kib_each(), 2),
                  ratio(ours->kib_each(), theirs->kib_each()), "");
        if (ours->held < ours->asked) {
            std::printf("    lectern's answers:");
            for (const auto& [code, count] : ours->statuses)
                std::printf(" %d x %zu", code, count);
            std::printf(" (0: none in time)\n");
        }
    }
    // Where lectern's time went: a thread that waited long for a CPU was ready to work, and the machine's
    // two cores were busy with something else (the load generator, other programs).
    std::printf("  lectern's threads over the ladder, seconds on a CPU / runnable but waiting for one:\n   ");
    for (const auto& [name, time] : lectern.busiest_threads)
        std::printf(" %s %.2f/%.2f;", name.c_str(), time.running_s, time.waiting_s);
    std::printf("\n");
    return rate_met && low_met && threads_met && exact;
}

} // namespace vote_bench
