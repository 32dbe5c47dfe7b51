#include "measure_launch.h"

#include "clock.h"
#include "numbers.h"
#include "proc_readings.h"
#include "settings.h"

#include <algorithm>
#include <cstdio>

namespace present_bench {

std::vector<LaunchFigures> measure_launches(Bench& bench, const std::vector<Program>& programs, int runs) {
    std::vector<LaunchFigures> all(programs.size());
    for (int i = 0; i < runs; ++i) {
        for (std::size_t p = 0; p < programs.size(); ++p) {
            const Program& program = programs[p];
            LaunchFigures& figures = all[p];
            Run run = bench.launch(program);
            if (!run.ok) {
                std::fprintf(stderr, "present_bench: %s launch %d: %s\n", program.label.c_str(), i + 1,
                             run.error.c_str());
                ++figures.failures;
            } else {
                figures.first_frame.push_back(run.first_frame_ms);
                figures.first_change.push_back(run.first_change_ms);
                if (figures.gl_driver.empty())
                    figures.gl_driver = gl_driver_of(run.pid);
            }
            sleep_ms(200); // let it finish starting before it is told to quit
            figures.quits.push_back(bench.quit(program, run));
        }
    }
    return all;
}

void report_launch(Bench& bench, const Program& lectern, const Program& floor, int runs, Report& report) {
    const std::vector<LaunchFigures> both = measure_launches(bench, {lectern, floor}, runs);
    const LaunchFigures& app = both[0];
    const LaunchFigures& floor_figures = both[1];
    const double app_ms = median(app.first_frame);
    const double floor_ms = median(floor_figures.first_frame);
    std::printf("\nlaunch to first frame, ms over %d launches (first change = first poll not all black):\n",
                runs);
    for (const auto* figures : {&app, &floor_figures}) {
        const bool is_app = figures == &app;
        const auto [low, high] =
            std::minmax_element(figures->first_frame.begin(), figures->first_frame.end());
        std::printf("  %-13s first frame median %.1f (%.1f..%.1f), first change median %.1f; GL driver %s; "
                    "failures %d; quit: %s\n",
                    is_app ? "lectern" : "floor_window", median(figures->first_frame),
                    figures->first_frame.empty() ? 0.0 : *low, figures->first_frame.empty() ? 0.0 : *high,
                    median(figures->first_change), figures->gl_driver.c_str(), figures->failures,
                    figures->quits.empty() ? "-" : figures->quits.front().c_str());
    }
    const double ratio = floor_ms > 0 ? app_ms / floor_ms : 0;
    const bool ok = app.failures == 0 && floor_figures.failures == 0 && !app.first_frame.empty();
    const std::string& command_base = report.command_base();
    report.add({"launch to first frame, lectern (median of " + std::to_string(runs) + ")",
                fixed(app_ms) + " ms = " + fixed(ratio, 2) + "x floor",
                "<= " + fixed(launch_target_ratio, 1) + "x floor and < " + fixed(launch_target_ms, 0) + " ms",
                report.verdict(ok && ratio <= launch_target_ratio && app_ms < launch_target_ms),
                command_base + " --only launch"});
    report.add({"launch to first frame, floor_window (median of " + std::to_string(runs) + ")",
                fixed(floor_ms) + " ms", "(reference)", "-", command_base + " --only launch"});
}

} // namespace present_bench
