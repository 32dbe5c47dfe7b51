#!/usr/bin/env bash
# Regenerates the golden images in tests/golden/ from the current renderer. Run it only on purpose, after
# changing how slides look, then look at every changed picture before committing: the goldens are the
# specification of what the room sees. A normal test run never writes a golden.
# Usage: tools/update-goldens.sh   (uses build/dev; set BUILD=dir to use another build folder)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/tools/setup.sh"
build=${BUILD:-$top/build/dev}
cmake -S "$top" -B "$build" -DLECTERN_BUILD_TESTS=ON >/dev/null
cmake --build "$build" -j2 --target render_tests
# Start from an empty folder, so goldens of renamed or removed views do not linger.
rm -f "$top"/tests/golden/*.png
cd "$top"
status=0
LECTERN_UPDATE_GOLDENS=1 "$build/tests/render/render_tests" --test-case='golden images:*' --no-intro || status=$?
count=$(ls "$top"/tests/golden/*.png | wc -l)
size=$(du -ch "$top"/tests/golden/*.png | tail -1 | cut -f1)
echo "wrote $count golden images ($size) to tests/golden"
if ((status != 0)); then
    echo "some golden checks failed while regenerating (see above): fix those before committing" >&2
    exit "$status"
fi
echo "now review them: git diff --stat tests/golden, then open each changed picture (git status tests/golden)"
