#!/usr/bin/env bash
# Checks that Lectern's layers hold: every `#include "X/..."` in engine/<layer>/ names a layer that
# <layer> may depend on, no engine file reaches another folder through "../", and the lower layers
# include none of the libraries that belong to the adapters. Run by ctest (test `layers_hold`); prints
# one line per offending include, compiler-style (file:line: error: ...), and exits 1 when there is any.
#
#   tools/check-layers.sh [root]      root: the project folder (default: the one this script is in)
#   tools/check-layers.sh --self-test  checks the checker: a made-up tree with one of each fault must give
#                                      exactly the expected lines (test `layers_check_finds_each_fault`)
#
# The one table of who may include whom. The order: core < render; core < polls < net; core < school;
# render and polls < panel; render < export; everything < app. A layer may always include its own folder.
set -euo pipefail

declare -A may_include=(
    [core]=""
    [render]="core"
    [polls]="core"
    [net]="core polls"
    [school]="core"
    [panel]="core render polls"
    [export]="core render"
    [app]="core render polls net school panel export"
)

# Libraries a layer must not include (extended regular expressions on the path inside <...> or "...").
sdl='SDL2?/|SDL[_.a-z]*\.h$'
imgui='imgui'
network='boost/|asio|httplib|sodium\.h|qrencode\.h|sys/socket\.h'
declare -A must_not_include=(
    [core]="$sdl|$imgui|$network|fontconfig/"
    [polls]="$sdl|$imgui|$network|fontconfig/"
    [render]="$imgui|$network"
    [net]="$sdl|$imgui|fontconfig/"
    [school]="$sdl|$imgui|$network|fontconfig/"
    [panel]="$network"
    [export]="$imgui|$network"
    [app]=""
)

# A tree with one of each fault, and the exact lines the check must print for it.
self_test() {
    tree=$(mktemp -d) # global: the trap runs after this function has returned
    trap 'rm -rf "$tree"' EXIT
    mkdir -p "$tree"/engine/{core,render,polls,net,panel,app,extra}
    printf '%s\n' '#include "deck.h"' '#include <arpa/inet.h>' '#include <toml++/toml.h>' \
        '#include <SDL2/SDL.h>' '#include <SDL_ttf.h>' '#include <imgui.h>' '#include <boost/asio.hpp>' \
        '#include <httplib.h>' '  #  include "render/sdl_window.h"' '#include "../app/main.h"' \
        >"$tree/engine/core/a.h"
    printf '%s\n' '#include "core/deck/deck.h"' '#include "polls/poll_book.h"' >"$tree/engine/render/r.cpp"
    printf '%s\n' '#include "core/polls/poll.h"' '#include "net/vote_server.h"' >"$tree/engine/polls/p.cpp"
    printf '%s\n' '#include <net/if.h>' '#include "polls/poll_book.h"' '#include "app/poll_book.h"' \
        >"$tree/engine/net/n.h"
    printf '%s\n' '#include "render/sdl_window.h"' '#include "polls/poll_book.h"' '#include "net/qr_code.h"' \
        >"$tree/engine/panel/p.h"
    printf '%s\n' '#include "panel/p.h"' '#include "net/n.h"' '#include <SDL2/SDL.h>' \
        >"$tree/engine/app/m.cpp"
    local expected="$tree/engine/core/a.h:4: error: core must not include <SDL2/SDL.h>: that library belongs to another layer
$tree/engine/core/a.h:5: error: core must not include <SDL_ttf.h>: that library belongs to another layer
$tree/engine/core/a.h:6: error: core must not include <imgui.h>: that library belongs to another layer
$tree/engine/core/a.h:7: error: core must not include <boost/asio.hpp>: that library belongs to another layer
$tree/engine/core/a.h:8: error: core must not include <httplib.h>: that library belongs to another layer
$tree/engine/core/a.h:9: error: core must not include render (\"render/sdl_window.h\"): core may include only its own folder
$tree/engine/core/a.h:10: error: \"../app/main.h\": engine files include other layers by their folder, not through ../
$tree/engine/extra:1: error: engine/extra is in no layer: add it to the table in tools/check-layers.sh
$tree/engine/net/n.h:3: error: net must not include app (\"app/poll_book.h\"): net may include only core polls
$tree/engine/panel/p.h:3: error: panel must not include net (\"net/qr_code.h\"): panel may include only core render polls
$tree/engine/polls/p.cpp:2: error: polls must not include net (\"net/vote_server.h\"): polls may include only core
$tree/engine/render/r.cpp:2: error: render must not include polls (\"polls/poll_book.h\"): render may include only core
12 include(s) break the layers (the table is in tools/check-layers.sh)"
    local got status=0
    got=$("$0" "$tree") || status=$?
    if [[ $status -ne 1 || $got != "$expected" ]]; then
        echo "the layer check did not find exactly the planted faults (exit $status); expected:"
        echo "$expected"
        echo "got:"
        echo "$got"
        exit 1
    fi
    echo "the layer check finds each planted fault"
}

[[ ${1:-} == --self-test ]] && {
    self_test
    exit 0
}

include_line='^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]([^>"]*)[>"]'
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
problems=0

report() { # file line message
    echo "$1:$2: error: ${*:3}"
    problems=$((problems + 1))
}

[[ -d $root/engine ]] || {
    echo "$root/engine: error: no engine folder to check"
    exit 1
}

for folder in "$root"/engine/*/; do
    layer=$(basename "$folder")
    if [[ ! -v "may_include[$layer]" ]]; then
        report "${folder%/}" 1 "engine/$layer is in no layer: add it to the table in tools/check-layers.sh"
        continue
    fi
    while IFS=: read -r file line text; do
        [[ $text =~ $include_line ]] || continue
        header=${BASH_REMATCH[1]}
        if [[ $header == ../* || $header == */../* ]]; then
            report "$file" "$line" "\"$header\": engine files include other layers by their folder," \
                "not through ../"
            continue
        fi
        if [[ $text == *'"'* && $header == */* ]]; then
            target=${header%%/*}
            if [[ -v "may_include[$target]" && $target != "$layer" &&
                " ${may_include[$layer]} " != *" $target "* ]]; then
                report "$file" "$line" "$layer must not include $target (\"$header\"):" \
                    "$layer may include only ${may_include[$layer]:-its own folder}"
                continue
            fi
        fi
        forbidden=${must_not_include[$layer]}
        if [[ -n $forbidden && $header =~ $forbidden ]]; then
            report "$file" "$line" "$layer must not include <$header>: that library belongs to another layer"
        fi
    done < <(grep -rnE '^[[:space:]]*#[[:space:]]*include' \
        --include='*.h' --include='*.cpp' --include='*.hpp' "$folder" || true)
done

if ((problems > 0)); then
    echo "$problems include(s) break the layers (the table is in tools/check-layers.sh)"
    exit 1
fi
echo "layers hold: ${#may_include[@]} layers, every include points down"
