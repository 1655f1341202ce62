#!/usr/bin/env bash
# First README command: install what is missing, build pepgen, and generate
# the example site into site/.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" --target pepgen
build/pepgen build
echo "Situs contoh siap: buka site/index.html di peramban."
