#!/usr/bin/env bash
# Builds the Debian package: a Release lectern (no sanitizers, no tests) installed under /usr by CPack,
# with the runtime libraries it links as its dependencies (dpkg-shlibdeps). Installs what is missing
# first. Prints the path of the .deb; install it on any Debian 12 machine with
#   sudo apt install ./lectern_*.deb
#
#   tools/package.sh [BUILD_DIR]      default build/package
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/tools/setup.sh"
build=${1:-$top/build/package}
cmake -S "$top" -B "$build" -DCMAKE_BUILD_TYPE=Release -DLECTERN_SANITIZE=OFF -DLECTERN_BUILD_TESTS=OFF \
    -DLECTERN_BUILD_BENCH=OFF -DLECTERN_WERROR=OFF >/dev/null
cmake --build "$build" -j2
(cd "$build" && cpack -G DEB >/dev/null)
deb=$(ls -t "$build"/lectern_*.deb | head -n 1)
echo "$deb"
