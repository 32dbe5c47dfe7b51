#!/usr/bin/env bash
# Regenerates tests/decks/invalid/*.expected from the current `lectern check` output.
# Run it only on purpose, after changing a message, and read the diff before committing:
# the expected files are the specification of what teachers see.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
lectern=${LECTERN:-$top/build/dev/engine/app/lectern}
[[ -x $lectern ]] || { echo "build lectern first (or set LECTERN=path)" >&2; exit 2; }
cd "$top/tests/decks"
for deck in invalid/*.toml; do
    "$lectern" check "$deck" 2>/dev/null > "${deck%.toml}.expected" || true
done
echo "updated $(ls invalid/*.expected | wc -l) expected files; review with: git diff tests/decks"
