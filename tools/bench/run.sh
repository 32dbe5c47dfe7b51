#!/usr/bin/env bash
# Builds the benchmarks in Release and runs them. Usage: tools/bench/run.sh
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
"$top/tools/setup.sh"
build="$top/build/bench"
cmake -S "$top" -B "$build" -DCMAKE_BUILD_TYPE=Release -DLECTERN_BUILD_TESTS=OFF -DLECTERN_BUILD_BENCH=ON >/dev/null
cmake --build "$build" -j2 --target deck_load_bench render_bench marks_bench lectern
"$build/tools/bench/deck_load_bench" 1000 30
"$build/tools/bench/render_bench" "$top/slides/qzone-pupils.toml" summary 30
"$top/tools/bench/export_bench.sh"
"$build/tools/bench/marks_bench" "$top/slides/qzone-pupils.toml" summary 300
"$top/tools/bench/present_bench.sh"
"$top/tools/bench/vote_bench.sh"
"$top/tools/bench/school_bench.sh"
"$top/tools/bench/idle_polling_driver.sh" "$build/engine/app/lectern"
