#!/usr/bin/env bash
# Kiosk soak (issue 9): builds lectern and the soak tool in Release, then shows the corridor deck as a kiosk
# under a private Xvfb with its clock 200 times as fast, for 10,000 slide changes and 500 saves of the
# deck, and reports slide changes, reloads, texture counts and memory at the start and the end.
# Memory is reported beside the floor program's (tools/bench/floor_window), run on the same screen.
# Usage: tools/soak/run.sh [DECK] [--advances N] [--reloads N] [--speed N] [--short]
#   --short: 1,000 slide changes and 50 reloads (about 2 minutes), for trying a change
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
deck="$top/slides/qzone-corridor.toml"
if [[ $# -gt 0 && $1 != --* ]]; then
    deck=$1
    shift
fi
"$top/tools/setup.sh"
build="$top/build/bench"
cmake -S "$top" -B "$build" -DCMAKE_BUILD_TYPE=Release -DLECTERN_BUILD_TESTS=OFF -DLECTERN_BUILD_BENCH=ON >/dev/null
cmake --build "$build" -j2 --target lectern soak floor_window
timeout --kill-after=10 3600 "$build/tools/soak/soak" "$build/engine/app/lectern" "$deck" \
    --floor "$build/tools/bench/floor_window" "$@"
