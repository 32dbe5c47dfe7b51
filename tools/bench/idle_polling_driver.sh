#!/usr/bin/env bash
# Idle CPU on a video driver whose event wait polls (kmsdrm on a kiosk without a desktop; SDL's offscreen
# driver stands in for it here, as kmsdrm needs a real screen): lectern shows one slide and nothing
# happens for 10 s; prints its CPU ticks and wakeups (voluntary context switches, all threads).
# Usage: tools/bench/idle_polling_driver.sh [LECTERN] [DECK]
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
lectern=${1:-$top/build/bench/engine/app/lectern}
deck=${2:-$top/slides/qzone-corridor.toml}
data=$(mktemp -d)
SDL_VIDEODRIVER=offscreen LECTERN_ALLOW_INVISIBLE_DISPLAY=1 XDG_DATA_HOME=$data \
    "$lectern" "$deck" --no-vote >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$data"' EXIT
sleep 3
sample() {
    local ticks wakeups=0
    ticks=$(awk '{print $14 + $15}' /proc/$pid/stat)
    for status in /proc/$pid/task/*/status; do
        wakeups=$((wakeups + $(awk '/^voluntary_ctxt_switches/ {print $2}' "$status")))
    done
    echo "$ticks $wakeups"
}
read -r t0 w0 < <(sample)
sleep 10
read -r t1 w1 < <(sample)
echo "idle 10 s on SDL's offscreen driver (polls like kmsdrm): $((t1 - t0)) CPU ticks, $((w1 - w0)) wakeups"
