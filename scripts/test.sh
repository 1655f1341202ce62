#!/usr/bin/env bash
# Second README command: build everything and run the whole test suite:
# unit and end-to-end tests, the same under AddressSanitizer and
# UndefinedBehaviorSanitizer, the fuzz regression corpus, and the browser
# suite in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

bash scripts/install-deps.sh

echo "== Pengujian unit dan ujung-ke-ujung"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$jobs"
# Twice as many at once as there are cores: much of the suite waits (on
# child processes, a preview rebuilding, kill points in a build), and the
# cores would sit idle meanwhile. The sanitizer stage below is CPU-bound.
ctest --test-dir build --output-on-failure -j"$((jobs * 2))"

echo "== Pengujian yang sama dengan AddressSanitizer + UndefinedBehaviorSanitizer"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DPEPGEN_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  LSAN_OPTIONS=suppressions="$PWD/tests/lsan.supp" \
  ctest --test-dir build-asan --output-on-failure -j"$jobs"

if [ -f scripts/fuzz.sh ]; then
  echo "== Korpus fuzzing (regresi)"
  bash scripts/fuzz.sh --regress
fi

echo "== Pengujian peramban (Chromium headless)"
bash scripts/browser-test.sh
