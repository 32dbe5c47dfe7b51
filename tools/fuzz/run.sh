#!/usr/bin/env bash
# Builds the fuzz targets with clang (libFuzzer + AddressSanitizer + UndefinedBehaviorSanitizer) and runs
# each for SECONDS (default 30) over a seed corpus made from every test deck and the shipped decks, plus
# vote bodies and pictures. Any crash, leak, timeout or sanitizer report fails the run and leaves the input that caused
# it in build/fuzz/findings/. tools/test.sh runs it briefly; run it for longer by hand:
#   tools/fuzz/run.sh 3600
set -euo pipefail
seconds=${1:-30}
top=$(cd "$(dirname "$0")/../.." && pwd)
"$top/tools/setup.sh"
build="$top/build/fuzz"
cmake -S "$top" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
    -DLECTERN_FUZZ=ON -DLECTERN_BUILD_TESTS=OFF -DLECTERN_BUILD_BENCH=OFF -DLECTERN_WERROR=ON >/dev/null
cmake --build "$build" -j2 --target deck_fuzz vote_fuzz picture_fuzz

# Seeds: every deck in the project (valid and invalid), and the vote bodies the tests use.
seeds="$build/seeds"
rm -rf "$seeds" && mkdir -p "$seeds/deck" "$seeds/vote" "$seeds/picture" "$build/corpus/deck" "$build/corpus/vote" \
    "$build/corpus/picture" "$build/findings"
# Named by their path (tests/decks/e2e/assembly.toml and slides/templates/assembly.toml are both seeds).
find "$top/tests/decks" "$top/slides" -name '*.toml' -print0 | while IFS= read -r -d '' deck; do
    relative=${deck#"$top"/}
    cp "$deck" "$seeds/deck/${relative//\//_}"
done
# Seeds: the small pictures of the tests and the shipped ones (names alike overwrite each other).
find "$top/tests" "$top/assets" "$top/slides" -type f \( -name '*.png' -o -name '*.jpg' -o -name '*.svg' -o -name '*.gif' \
    -o -name '*.webp' \) -size -64k -exec cp -t "$seeds/picture" {} + 2>/dev/null || true
i=0
for body in '{"poll": "p1", "choices": [2]}' '{"poll": "w", "text": "be kind"}' '{"poll": "p", "choices": [1, 3]}' \
            '{"poll": "p", "text": "call 07700 900123"}' '{"poll": "p", "choices": [1], "name": "x"}' \
            '{"a":[1,-2.5e3,true,null,"\u00e9\ud83d\ude00"]}' '192.168.1.20' 'fe80::1%eth0' '::ffff:10.0.0.1'; do
    printf '%s' "$body" > "$seeds/vote/seed-$i"
    i=$((i + 1))
done

status=0
for target in deck vote picture; do
    echo "fuzz: ${target}_fuzz for ${seconds} s"
    if ! "$build/tools/fuzz/${target}_fuzz" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
            -max_len=65536 -print_final_stats=1 -artifact_prefix="$build/findings/${target}-" \
            "$build/corpus/$target" "$seeds/$target" 2>"$build/${target}_fuzz.log"; then
        echo "fuzz: ${target}_fuzz found a problem; the input is in $build/findings/, the report:" >&2
        grep -A 30 "ERROR\|SUMMARY\|deadly" "$build/${target}_fuzz.log" | head -60 >&2
        status=1
    else
        grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$build/${target}_fuzz.log" | sed 's/^/  /'
    fi
done
exit $status
