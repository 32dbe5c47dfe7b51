#include "measure_idle_memory.h"

#include "clock.h"
#include "numbers.h"
#include "proc_readings.h"
#include "settings.h"

#include <cstdio>

namespace present_bench {

IdleFigures measure_idle(Bench& bench, const Program& program) {
    IdleFigures figures;
    Run run = bench.launch(program);
    if (!run.ok) {
        std::fprintf(stderr, "present_bench: %s idle run: %s\n", program.label.c_str(), run.error.c_str());
        figures.quit = bench.quit(program, run);
        return figures;
    }
    sleep_ms(settle_ms);
    const CpuSample before = sample_cpu(run.pid);
    sleep_ms(idle_ms);
    const CpuSample after = sample_cpu(run.pid);
    const std::string status = "/proc/" + std::to_string(run.pid) + "/status";
    figures.hwm_kb = status_field(status, "VmHWM");
    figures.rss_kb = status_field(status, "VmRSS");
    figures.ticks = after.ticks - before.ticks;
    figures.wakeups = after.wakeups - before.wakeups;
    figures.main_wakeups = after.main_wakeups - before.main_wakeups;
    figures.threads = after.threads;
    figures.ok = true;
    figures.quit = bench.quit(program, run);
    return figures;
}

void report_idle_memory(Bench& bench, const Program& lectern, const Program& floor,
                        const Selection& selection, Report& report) {
    const IdleFigures app = measure_idle(bench, lectern);
    const IdleFigures floor_figures = measure_idle(bench, floor);
    for (const auto* figures : {&app, &floor_figures}) {
        std::printf("\n%s idle %.0f s: %ld ticks, %ld voluntary switches in all %zu threads (%ld in the main "
                    "thread); VmHWM %ld kB, VmRSS %ld kB; quit: %s\n",
                    figures == &app ? "lectern" : "floor_window", idle_ms / 1000, figures->ticks,
                    figures->wakeups, figures->threads, figures->main_wakeups, figures->hwm_kb,
                    figures->rss_kb, figures->quit.c_str());
    }
    const std::string& command_base = report.command_base();
    if (selection.wanted("memory")) {
        const double above = static_cast<double>(app.hwm_kb - floor_figures.hwm_kb) / 1024.0;
        report.add({"peak memory (VmHWM), lectern", mb(app.hwm_kb) + " = floor + " + fixed(above) + " MiB",
                    "<= floor + " + fixed(memory_target_mb, 0) + " MiB",
                    report.verdict(app.ok && floor_figures.ok && above <= memory_target_mb),
                    command_base + " --only memory"});
        report.add({"peak memory (VmHWM), floor_window", mb(floor_figures.hwm_kb), "(reference)", "-",
                    command_base + " --only memory"});
    }
    if (selection.wanted("idle")) {
        report.add({"idle CPU over 10 s on slide 1, lectern",
                    std::to_string(app.ticks) + " ticks (" + std::to_string(app.ticks * 10) + " ms), " +
                        std::to_string(app.wakeups) + " wakeups (" + std::to_string(app.main_wakeups) +
                        " main thread)",
                    "<= " + std::to_string(idle_target_ticks) + " tick",
                    report.verdict(app.ok && app.ticks <= idle_target_ticks), command_base + " --only idle"});
        report.add({"idle CPU over 10 s, floor_window",
                    std::to_string(floor_figures.ticks) + " ticks, " + std::to_string(floor_figures.wakeups) +
                        " wakeups (" + std::to_string(floor_figures.main_wakeups) + " main thread)",
                    "(reference)", "-", command_base + " --only idle"});
    }
}

} // namespace present_bench
