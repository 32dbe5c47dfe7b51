#!/usr/bin/env bash
# Device voting benchmark (issue 13): builds lectern and vote_bench in Release, then keep-alive devices
# (server-issued tokens, spread over 127.0.x.y source addresses) vote over loopback at rising offered rates
# against the real lectern under a private Xvfb, and against a trivial floor server in the same run.
# Prints sustained durable votes a second, p50 and p99 acknowledgement, whether every vote was counted
# once, vote-to-screen time, lectern's threads and memory idle, per idle connection and per event stream,
# each beside the floor's and the issue's targets.
# Usage: tools/bench/vote_bench.sh [--seconds S] [--samples N]
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
"$top/tools/setup.sh"
build="$top/build/bench"
cmake -S "$top" -B "$build" -DCMAKE_BUILD_TYPE=Release -DLECTERN_BUILD_TESTS=OFF -DLECTERN_BUILD_BENCH=ON >/dev/null
cmake --build "$build" -j2 --target lectern vote_bench
# The driver stops lectern, the floor and Xvfb on any exit; its own watchdog ends it after 10 minutes.
timeout --kill-after=10 660 "$build/tools/bench/vote_bench" "$build/engine/app/lectern" "$@"
