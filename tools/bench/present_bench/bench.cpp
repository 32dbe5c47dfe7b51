#include "bench.h"

#include "clock.h"
#include "numbers.h"
#include "process.h"
#include "settings.h"

#include <X11/keysym.h>
#include <sys/wait.h>

namespace present_bench {

Run Bench::launch(const Program& program) {
    Run run = launch_once(program);
    if (!run.ok)
        ++g_failures;
    return run;
}

std::string Bench::quit(const Program& program, Run& run) {
    if (run.pid <= 0)
        return "not running";
    std::string how;
    bool clean = false;
    if (program.quits_with_escape) {
        m_screen.press(XK_Escape);
        sleep_ms(100);
        m_screen.press(XK_Escape);
        if (auto status = wait_exit(run.pid, 3000)) {
            clean = WIFEXITED(*status) && WEXITSTATUS(*status) == 0;
            how = clean ? "Esc twice, exit 0" : "Esc twice, bad exit status";
        } else {
            how = "did not quit on Esc twice; " + terminate(run.pid);
        }
    } else {
        how = terminate(run.pid);
        clean = how == "SIGTERM";
    }
    if (!clean)
        ++g_failures;
    run.pid = 0;
    g_app = 0;
    return how;
}

Run Bench::launch_once(const Program& program) {
    Run run;
    const double until_black = now_ms() + 3000;
    while (look(m_screen, program.background) != Seen::Black && now_ms() < until_black)
        sleep_ms(5); // the previous window must be gone
    if (look(m_screen, program.background) != Seen::Black) {
        run.error = "the screen was not black before the launch";
        return run;
    }
    const double start = now_ms();
    run.pid = spawn(program.args, child_environment(m_screen.name()), m_log);
    if (run.pid == 0) {
        run.error = "could not start";
        return run;
    }
    g_app = run.pid;
    while (now_ms() - start < first_frame_timeout_ms) {
        const Seen seen = look(m_screen, program.background);
        const double at = now_ms() - start;
        if (seen != Seen::Black && run.first_change_ms < 0)
            run.first_change_ms = at;
        if (seen == Seen::Background) {
            run.first_frame_ms = at;
            run.ok = true;
            return run;
        }
        if (wait_exit(run.pid, 0)) {
            run.error = "exited before showing a frame (see " + m_log + ")";
            run.pid = 0;
            g_app = 0;
            return run;
        }
        sleep_ms(poll_interval_ms);
    }
    run.error = "no frame of background " + hex(program.background) + " within " +
                fixed(first_frame_timeout_ms / 1000, 0) + " s; the sample points show" +
                seen_colours(m_screen);
    return run;
}

} // namespace present_bench
