#!/usr/bin/env bash
# Installs the Debian 12 packages pepgen needs, only those that are missing.
# Safe to run again: with everything present it touches nothing.
#   bash scripts/install-deps.sh            # pepgen's build and test packages
#   bash scripts/install-deps.sh PKG...     # these instead (scripts/browser-test.sh: chromium, ...)
set -euo pipefail

packages=(
  g++ make cmake pkg-config
  libcmark-gfm-dev libcmark-gfm-extensions-dev
  libboost-json1.81-dev
  libkainjow-mustache-dev
  libyaml-cpp-dev
  catch2
  libcsv-dev
  libcpp-httplib-dev
  libmimalloc-dev
  libxxhash-dev
  libxlsxwriter-dev
  liborcus-dev
  libixion-dev
  clang
  libclang-rt-14-dev
)

if (($#)); then packages=("$@"); fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  echo "Memasang paket yang belum ada: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "Perlu hak root untuk apt-get (jalankan sebagai root atau dengan sudo)." >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
