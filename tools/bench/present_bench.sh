#!/usr/bin/env bash
# Presenting benchmarks (issue 5): builds lectern, present_bench and floor_window in Release, then measures
# launch to first frame, peak memory, idle CPU and key-to-screen latency under a private Xvfb and prints a
# table with the targets. Extra arguments go to the driver, e.g. --only keys, --runs 20.
# Usage: tools/bench/present_bench.sh [--deck DECK --background RRGGBB] [--runs N] [--presses N] [--only FIGURE]
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
"$top/tools/setup.sh"
build="$top/build/bench"
cmake -S "$top" -B "$build" -DCMAKE_BUILD_TYPE=Release -DLECTERN_BUILD_TESTS=OFF -DLECTERN_BUILD_BENCH=ON >/dev/null
cmake --build "$build" -j2 --target lectern present_bench floor_window
# The driver starts and always stops its own Xvfb; its own watchdog ends it after 10 minutes, this one too.
timeout --kill-after=10 660 "$build/tools/bench/present_bench" "$build/engine/app/lectern" \
    "$build/tools/bench/floor_window" "$@"
