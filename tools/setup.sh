#!/usr/bin/env bash
# Installs what Lectern needs to build and test on Debian 12, and nothing that is already there.
# Non-interactive; uses sudo when not run as root. Safe to run again and again.
set -euo pipefail

packages=(
  # build
  build-essential cmake pkg-config clang-format
  # core
  libtomlplusplus-dev doctest-dev
  # tests: zlib deflates the huge test pictures they make (small on disk)
  zlib1g-dev
  # written answers: Unicode normalisation and look-alike letters (NFKC, uspoof skeletons); text: line
  # breaking (ICU), bidi (FriBidi), scripts (HarfBuzz), and the Unicode conformance files the tests run
  libicu-dev libfribidi-dev libharfbuzz-dev unicode-data
  # rendering, fonts and the presenter panel
  libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev libimgui-dev libfontconfig-dev libharfbuzz-dev
  fonts-dejavu-core
  # slides written as PNG several times faster than SDL_image's libpng path (png_encoder.h)
  libdeflate-dev
  # a face made for each script (SDL_ttf has no fallback of its own; the README's font table): Noto for
  # Arabic, Urdu Nastaliq, the Indic scripts, Ethiopic, Hebrew, Thai ... (12 MB download) and CJK with
  # Simplified, Traditional, Japanese and Korean forms (57 MB)
  fonts-noto-core fonts-noto-cjk
  # end-to-end tests: a real X server, key presses and screenshots
  xvfb xdotool x11-apps x11-utils
  # tools/bench/present_bench: Xlib and XTest key presses
  libx11-dev libxtst-dev
  # QR codes for the join address; cpp-httplib is the HTTP client of the tests
  libcpp-httplib-dev libqrencode-dev
  # the event-driven HTTP server (Boost.Beast on Asio, header-only) and device tokens (HMAC, libsodium)
  libboost-dev libsodium-dev
  # the voter page's tests: a real headless Chromium driven over WebDriver by a stdlib-only script
  chromium chromium-driver python3
  # the join slide's QR code read back from a screenshot, as a phone camera would
  zbar-tools
  # a whole school on one MQTT broker: the client library, and a real broker for the tests
  libmosquitto-dev mosquitto
  # the deck schema checked with a real validator; PDF export (Cairo) and its tests (pdftotext, pdfinfo)
  python3-jsonschema libcairo2-dev poppler-utils
  # the man page, written from `lectern --help`; .deb packages (dpkg-shlibdeps)
  help2man dpkg-dev
  # the deck loader's fuzz target (libFuzzer comes with clang)
  clang
)

missing=()
for package in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    [[ $status == "install ok installed" ]] || missing+=("$package")
done
if ((${#missing[@]} == 0)); then
    exit 0
fi

sudo=()
if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "setup: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
