#!/usr/bin/env bash
# Builds a Release lectern and presents a deck (default: the pupils' QZone and QQ assembly).
# Installs what is missing first. Usage: tools/run.sh [DECK.toml] [lectern options...]
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/tools/setup.sh"
build="$top/build/release"
cmake -S "$top" -B "$build" -DCMAKE_BUILD_TYPE=Release -DLECTERN_BUILD_TESTS=OFF -DLECTERN_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" -j2 --target lectern
deck=${1:-$top/slides/qzone-pupils.toml}
shift || true
exec "$build/engine/app/lectern" "$deck" "$@"
