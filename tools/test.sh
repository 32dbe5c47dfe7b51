#!/usr/bin/env bash
# Builds the test configuration (Debug, AddressSanitizer + UndefinedBehaviorSanitizer) and runs every
# test through ctest, then the fuzz targets briefly (tools/fuzz/run.sh, clang). Installs what is missing
# first. Arguments go to ctest.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/tools/setup.sh"
build="$top/build/test"
cmake -S "$top" -B "$build" -DCMAKE_BUILD_TYPE=Debug -DLECTERN_SANITIZE=ON -DLECTERN_BUILD_TESTS=ON \
    -DLECTERN_BUILD_BENCH=OFF -DLECTERN_WERROR=ON >/dev/null
cmake --build "$build" -j2
cd "$build"
ctest --output-on-failure -j2 "$@"
"$top/tools/fuzz/run.sh" 10
