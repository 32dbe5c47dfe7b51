#!/usr/bin/env bash
# Export (issue 22): slides per second of `lectern render DECK --out DIR` end to end (a new process each
# run: loading the deck, finding fonts, decoding pictures, drawing and writing every view), beside the
# floor measured in the same run: the same number of frames, already drawn, only written as PNG by as
# many processes as lectern uses (render_bench --floor). The ratio is lectern's rate over the floor's.
# Usage: tools/bench/export_bench.sh [DECK] [RUNS]   (default: slides/qzone-pupils.toml, 5 runs)
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
deck=${1:-$top/slides/qzone-pupils.toml}
runs=${2:-5}
build="$top/build/bench"
cmake -S "$top" -B "$build" -DCMAKE_BUILD_TYPE=Release -DLECTERN_BUILD_TESTS=OFF -DLECTERN_BUILD_BENCH=ON >/dev/null
cmake --build "$build" -j2 --target lectern render_bench >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

times=()
for ((i = 0; i < runs; i++)); do
    rm -rf "$out/slides"
    start=$(date +%s%N)
    "$build/engine/app/lectern" render "$deck" --out "$out/slides" 2>"$out/log"
    end=$(date +%s%N)
    times+=($(((end - start) / 1000)))
done
views=$(find "$out/slides" -name '*.png' | wc -l)
bytes=$(du -sb "$out/slides" | cut -f1)
median_us=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")
floor=$("$build/tools/bench/render_bench" "$deck" --floor)
floor_per_s=$(sed -n 's/.*floor: \([0-9.]*\) slides\/s.*/\1/p' <<<"$floor")
echo "$floor"
awk -v us="$median_us" -v n="$views" -v f="$floor_per_s" -v b="$bytes" -v r="$runs" -v load="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
    rate = n / (us / 1e6)
    printf "export_bench: lectern render, %d views at 1920x1080, median of %d runs: %.3f s = %.1f slides/s (%.2f MiB of PNG)\n", n, r, us / 1e6, rate, b / 1048576
    printf "export_bench: %.2fx the floor (%.1f slides/s, frames already drawn, only written); target 54 slides/s: %s (load average %s)\n", rate / f, f, ((rate >= 54) ? "met" : sprintf("missed by %.0f %%", 100 * (1 - rate / 54))), load
}'
