#!/usr/bin/env bash
# Installs the build into a DESTDIR and packages it, as a technician would, and checks the result against
# the README ("Installing Lectern"): every file the README lists is installed and nothing else; the
# installed lectern finds its shared files through its prefix (check passes on the installed decks, new
# uses the installed templates); the unit names the installed program; the .deb holds the same files and
# depends on the Debian runtime packages the README names, never a -dev package. Installs nothing
# system-wide.
#
#   install_check.sh BUILD_DIR SOURCE_DIR SANITIZED(ON|OFF)
set -euo pipefail
build=$(cd "$1" && pwd)
source=$(cd "$2" && pwd)
sanitized=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

# The fenced block after a marker comment in the README, without the words after each path.
readme_block() {
    awk -v marker="<!-- $1 -->" '$0 == marker { found = 1; next }
        found && /^```/ { if (inside) exit; inside = 1; next }
        inside { print $1 }' "$source/README.md"
}

# Every file matches a pattern of the README, and every pattern matches a file.
same_as_readme() { # what, file listing
    local what=$1 files=$2 pattern file matched
    mapfile -t patterns < <(readme_block package-files)
    ((${#patterns[@]} > 0)) || fail "the README lists no files after <!-- package-files -->"
    while IFS= read -r file; do
        matched=0
        for pattern in "${patterns[@]}"; do
            # shellcheck disable=SC2053 # the README's patterns are globs on purpose
            [[ $file == $pattern ]] && matched=1 && break
        done
        ((matched)) || fail "$what has $file, which the README does not list"
    done <<<"$files"
    for pattern in "${patterns[@]}"; do
        matched=0
        while IFS= read -r file; do
            # shellcheck disable=SC2053
            [[ $file == $pattern ]] && matched=1 && break
        done <<<"$files"
        ((matched)) || fail "$what has nothing the README lists as $pattern"
    done
}

# 1. cmake --install into a DESTDIR, prefix /usr as the package has it.
DESTDIR="$work/root" cmake --install "$build" --prefix /usr >/dev/null
installed=$(cd "$work/root" && find . -type f -o -type l | sed 's|^\.||' | sort)
same_as_readme "the DESTDIR install" "$installed"

# 2. The installed lectern finds its decks, templates and schema through its prefix.
lectern="$work/root/usr/bin/lectern"
shared="$work/root/usr/share/lectern"
cd "$work"
"$lectern" check "$shared"/slides/*.toml >"$work/check.out" 2>"$work/check.err" ||
    fail "the installed lectern check fails on the installed decks: $(cat "$work/check.out" "$work/check.err")"
grep -q "error" "$work/check.out" && fail "errors in the installed decks: $(cat "$work/check.out")"
"$lectern" new "$work/lesson.toml" >/dev/null || fail "the installed lectern new fails"
"$lectern" check "$work/lesson.toml" >/dev/null 2>&1 || fail "the installed lesson template does not check clean"
cmp -s "$work/lectern-deck.schema.json" "$shared/slides/lectern-deck.schema.json" ||
    fail "lectern new wrote a schema other than the installed one"
rm "$shared/slides/templates/corridor.toml"
message=$("$lectern" new "$work/corridor.toml" --template corridor 2>&1 || true)
[[ $message == *"$shared/slides/templates/corridor.toml"* ]] ||
    fail "the installed lectern new did not look for its templates in the install prefix: $message"

# 3. The unit runs the installed program on an installed deck; the man page is lectern --help's.
unit="$work/root/usr/lib/systemd/system/lectern-kiosk.service"
grep -qx 'ExecStart=/usr/bin/lectern ${LECTERN_DECK} --kiosk --retention-days 30' "$unit" ||
    fail "the unit does not start /usr/bin/lectern: $(grep ExecStart "$unit")"
grep -qx 'Environment=LECTERN_DECK=/usr/share/lectern/slides/qzone-corridor.toml' "$unit" ||
    fail "the unit's default deck is not the installed corridor deck"
zcat "$work/root/usr/share/man/man1/lectern.1.gz" | grep -q 'lectern new FILE.toml' ||
    fail "the man page lacks lectern new from --help"

# 4. The .deb: the same files, and the README's dependencies (the sanitizers' runtimes only in a
#    sanitized test build).
(cd "$build" && cpack -G DEB -B "$work/package" >/dev/null)
deb=$(ls "$work"/package/lectern_*.deb)
packaged=$(dpkg-deb -c "$deb" | awk '$1 !~ /^d/ { print $6 }' | sed 's|^\.||' | sort)
[[ $packaged == "$installed" ]] || fail "the .deb's files differ from the DESTDIR install: $(diff <(echo "$packaged") <(echo "$installed"))"
depends=$(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/(.*)//; s/ //g' | grep -v '^$' | sort -u)
[[ $sanitized == ON ]] && depends=$(grep -v -e '^libasan' -e '^libubsan' <<<"$depends")
expected=$(readme_block package-depends | sort -u)
[[ $depends == "$expected" ]] ||
    fail "the .deb depends on other packages than the README says: $(diff <(echo "$expected") <(echo "$depends"))"
grep -q -- '-dev$' <<<"$depends" && fail "the .deb depends on a -dev package: $depends"

if ((failures > 0)); then
    echo "$failures problem(s)"
    exit 1
fi
echo "installed $(wc -l <<<"$installed") files into a DESTDIR and a .deb, as the README lists them"
