#!/usr/bin/env bash
# Device voting benchmark (issue 8): builds lectern and vote_bench in Release, then 1,000 simulated devices
# vote at once over loopback against the real lectern under a private Xvfb. Prints votes a second, p50 and
# p99 acknowledgement, vote-to-screen time, lost votes, and lectern's CPU and memory, with the targets.
# Usage: tools/bench/vote_bench.sh [--devices N] [--votes N] [--samples N]
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
"$top/tools/setup.sh"
build="$top/build/bench"
cmake -S "$top" -B "$build" -DCMAKE_BUILD_TYPE=Release -DLECTERN_BUILD_TESTS=OFF -DLECTERN_BUILD_BENCH=ON >/dev/null
cmake --build "$build" -j2 --target lectern vote_bench
timeout --kill-after=10 660 "$build/tools/bench/vote_bench" "$build/engine/app/lectern" "$@"
