#!/usr/bin/env bash
# End-to-end browser tests (tests/browser/): builds the example site into a temporary directory with the
# already built build/pepgen, serves it on 127.0.0.1 and checks it in Debian's Chromium.
#
#   bash scripts/browser-test.sh                                # everything
#   bash scripts/browser-test.sh --test-name-pattern=keyboard   # extra arguments go to `node --test`
#
# Installs only what is missing: the Debian packages chromium and poppler-utils (needs root), and the npm
# packages from package-lock.json (`npm ci`, when node_modules is missing or package-lock.json changed).
# Never downloads a browser. Build pepgen first (bash scripts/setup.sh or cmake --build build).
# Exit status: 0 when every test passes, non-zero otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

# --- Debian packages ------------------------------------------------------------------------------
bash scripts/install-deps.sh chromium poppler-utils
chromium_bin=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium_bin" ]; then
  echo "Chromium tidak ditemukan di $chromium_bin" >&2
  exit 1
fi

# --- Node and npm packages ------------------------------------------------------------------------
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "Memasang Node.js dan npm dari apt"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs >/dev/null
    command -v npm >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null
  fi
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "Perlu Node.js 20.19 atau lebih baru, beserta npm." >&2
  exit 1
fi
if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'; then
  echo "Perlu Node.js 20.19 atau lebih baru (terpasang: $(node --version))." >&2
  exit 1
fi
stamp=node_modules/.pepgen-package-lock.sha256
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -d node_modules ] || [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ]; then
  echo "npm ci (node_modules belum ada atau package-lock.json berubah)"
  npm ci --no-audit --no-fund
  echo "$lock_sum" >"$stamp"
fi

# --- Build the example site into a temporary directory --------------------------------------------
if [ ! -x build/pepgen ]; then
  echo "build/pepgen belum ada: bangun dulu (bash scripts/setup.sh, atau cmake -S . -B build && cmake --build build)." >&2
  exit 1
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pepgen-browser-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
site="$tmp/site"
echo "Membangun situs contoh ke $site"
build/pepgen build --root "$root" --output "$site"

# --- Run the tests --------------------------------------------------------------------------------
mkdir -p tests/artifacts
set +e
PEPGEN_SITE="$site" CHROMIUM="$chromium_bin" node --test --test-reporter=spec "$@" tests/browser/
status=$?
set -e
if [ "$status" -eq 0 ]; then
  echo "Uji peramban: semua lulus. Tangkapan layar dan PDF: tests/artifacts/"
else
  echo "Uji peramban: ADA YANG GAGAL (kode $status). Tangkapan layar dan PDF: tests/artifacts/" >&2
fi
exit "$status"
