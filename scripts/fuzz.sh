#!/usr/bin/env bash
# Coverage-guided fuzzing of pepgen with libFuzzer (clang), see tests/fuzz/README.md.
#
#   scripts/fuzz.sh                 build, then fuzz every target for FUZZ_SECONDS (default 60) each
#   scripts/fuzz.sh TARGET...       only these targets (e.g. render_fuzz)
#   scripts/fuzz.sh --regress       build, then run every file of tests/fuzz/corpus/ and
#                                   tests/fuzz/regressions/ once through every target (fast; for CI)
#   scripts/fuzz.sh --build-only    configure and build only
#
# Environment:
#   FUZZ_SECONDS   seconds per target (default 60)
#   FUZZ_JOBS      parallel libFuzzer workers per target (default 1; uses -fork)
#   FUZZ_BUILD_DIR build directory (default build-fuzz in the repository)
#   FUZZ_SKIP_BUILD 1: use the targets already built (e.g. for a second, parallel invocation)
#   FUZZ_ARGS      extra libFuzzer flags, e.g. "-only_ascii=1"
#   FUZZ_SET_ASIDE 1: set the known, reported findings aside (tests/fuzz/known_issues/) so
#                  that fuzzing can look for new ones; never used by --regress
#   CC, CXX        default clang, clang++
#
# The working corpus lives in $FUZZ_BUILD_DIR/corpus/<target> (seeded from
# tests/fuzz/corpus/<target>), so the repository is never written to. Crash
# reproducers go to $FUZZ_BUILD_DIR/artifacts/<target>/. Exit status: 0 when
# no target crashed, 1 when one did, 2 on build/usage errors.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fuzz_src="$repo/tests/fuzz"
build="${FUZZ_BUILD_DIR:-$repo/build-fuzz}"
seconds="${FUZZ_SECONDS:-60}"
jobs="${FUZZ_JOBS:-1}"
all_targets=(front_matter_fuzz content_load_fuzz data_json_fuzz render_fuzz worksheet_csv_fuzz serve_path_fuzz workbook_fuzz)

# Per-target input size limits: a Markdown file, a JSON data file, the
# render target's NUL-separated strings, a request target, a workbook.
max_len_for() {
  case "$1" in
    front_matter_fuzz) echo 16384 ;;
    content_load_fuzz) echo 16384 ;;
    data_json_fuzz) echo 16384 ;;
    render_fuzz) echo 8192 ;;
    serve_path_fuzz) echo 2048 ;;
    workbook_fuzz) echo 65536 ;;  # whole .xlsx/.ods packages (the seeds are 7 to 50 KB)
    *) echo 4096 ;;
  esac
}

mode=fuzz
targets=()
for arg in "$@"; do
  case "$arg" in
    --regress) mode=regress ;;
    --build-only) mode=build ;;
    -h|--help) sed -n '2,20p' "${BASH_SOURCE[0]}"; exit 0 ;;
    -*) echo "fuzz.sh: unknown option $arg" >&2; exit 2 ;;
    *) targets+=("$arg") ;;
  esac
done
[ ${#targets[@]} -eq 0 ] && targets=("${all_targets[@]}")
for t in "${targets[@]}"; do
  case " ${all_targets[*]} " in *" $t "*) ;; *) echo "fuzz.sh: unknown target $t (have: ${all_targets[*]})" >&2; exit 2 ;; esac
done

# ------------------------------------------------------------------ build
export CC="${CC:-clang}" CXX="${CXX:-clang++}"
if ! command -v "$CXX" >/dev/null; then
  echo "fuzz.sh: $CXX not found; install clang (Debian: apt-get install clang libclang-rt-14-dev)" >&2
  exit 2
fi
san_flags="-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fsanitize-coverage-ignorelist=$fuzz_src/coverage_ignorelist.txt"
# The root includes tests/fuzz once its CMakeLists.txt has `add_subdirectory(tests/fuzz)`;
# until then tests/fuzz is configured as the top-level project (it pulls the root in).
if grep -q 'add_subdirectory(tests/fuzz)' "$repo/CMakeLists.txt"; then
  source_dir="$repo"; extra=(-DPEPGEN_FUZZ=ON)
else
  source_dir="$fuzz_src"; extra=()
fi
if [ -f "$build/CMakeCache.txt" ] && ! grep -q "^CMAKE_HOME_DIRECTORY:INTERNAL=$source_dir\$" "$build/CMakeCache.txt"; then
  # The source layout changed (the root now includes tests/fuzz): start the
  # build over, keeping the working corpus and the reproducers.
  find "$build" -mindepth 1 -maxdepth 1 ! -name corpus ! -name artifacts -exec rm -rf {} +
fi
mkdir -p "$build"
printf '*\n' > "$build/.gitignore"
if [ "${FUZZ_SKIP_BUILD:-0}" != 1 ]; then
cmake -S "$source_dir" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DPEPGEN_BUILD_TESTS=OFF -DPEPGEN_SANITIZE=OFF "${extra[@]}" \
  "-DCMAKE_CXX_FLAGS=$san_flags" >"$build/configure.log" 2>&1 || { cat "$build/configure.log" >&2; exit 2; }
# The ignorelist is not a dependency CMake knows about: rebuild everything when it changes.
ignore_sum=$(sha256sum "$fuzz_src/coverage_ignorelist.txt" | cut -d' ' -f1)
if [ "$(cat "$build/ignorelist.sha256" 2>/dev/null)" != "$ignore_sum" ]; then
  cmake --build "$build" --target clean >/dev/null 2>&1 || true
  echo "$ignore_sum" > "$build/ignorelist.sha256"
fi
cmake --build "$build" --target "${targets[@]}" -j "$(nproc)" >"$build/build.log" 2>&1 || {
  tail -n 80 "$build/build.log" >&2; echo "fuzz.sh: build failed (full log: $build/build.log)" >&2; exit 2; }
echo "fuzz.sh: built ${targets[*]} in $build/fuzz"
fi
[ "$mode" = build ] && exit 0

# Sanitizer settings: stop at the first report, symbolize, keep leaks fatal.
# malloc_context_size=8 and max_malloc_fill_size=0 only make allocation cheaper
# (shorter allocation stacks in reports, no 0xbe fill of new memory); together
# they were ~15% of render_fuzz's time.
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:symbolize=1:detect_stack_use_after_return=1:strict_string_checks=1:check_initialization_order=1:malloc_context_size=8:max_malloc_fill_size=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:abort_on_error=1}"
if [ "${FUZZ_SET_ASIDE:-0}" = 1 ] && [ "$mode" = fuzz ]; then
  export UBSAN_OPTIONS="$UBSAN_OPTIONS:suppressions=$fuzz_src/known_issues/ubsan.supp"
  # Harness-level checks to skip (oracles, hangs): the ids in known_issues/harness.txt.
  PEPGEN_FUZZ_SET_ASIDE="$(grep -vE '^[[:space:]]*(#|$)' "$fuzz_src/known_issues/harness.txt" | tr '\n' ' ' || true)"
  export PEPGEN_FUZZ_SET_ASIDE
  echo "fuzz.sh: FUZZ_SET_ASIDE=1: known findings in tests/fuzz/known_issues/ are set aside"
fi
# Scratch projects of the harnesses go here, so nothing is left in /tmp after a crash.
export TMPDIR="$build/tmp/$$"
rm -rf "$TMPDIR"; mkdir -p "$TMPDIR"
trap 'rm -rf "$TMPDIR"' EXIT

dict_args() {
  local d="$fuzz_src/dict/$1.dict"
  [ -f "$d" ] && echo "-dict=$d"
  return 0
}

# ------------------------------------------------------------------ regress
# Every file once through every target. libFuzzer stops at the first failing
# file, so after a failure the run resumes with the files after it: all
# failures are reported, with one process per failure (plus one).
if [ "$mode" = regress ]; then
  status=0
  files=()
  for dir in "$fuzz_src"/corpus/* "$fuzz_src"/regressions/*; do
    [ -d "$dir" ] || continue
    while IFS= read -r -d '' f; do files+=("$f"); done < <(find "$dir" -type f ! -name '.*' ! -name 'README*' -print0 | sort -z)
  done
  for t in "${targets[@]}"; do
    log="$build/regress-$t.log"
    : > "$log"
    rest=("${files[@]}")
    failed=0
    while [ ${#rest[@]} -gt 0 ]; do
      part="$build/regress-$t.part.log"
      if "$build/fuzz/$t" -timeout=10 -rss_limit_mb=2048 -max_len="$(max_len_for "$t")" "${rest[@]}" >"$part" 2>&1; then
        cat "$part" >> "$log"; break
      fi
      cat "$part" >> "$log"
      bad=$(grep -E '^Running: ' "$part" | tail -n 1 | sed 's/^Running: //')
      failed=$((failed + 1)); status=1
      why=$(grep -m1 -E 'runtime error|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|UNSAFE HTML|INVALID JSON|OUT-OF-RANGE FIGURE|pepgen fuzz harness' "$part" | sed 's/^==[0-9]*==//' | cut -c1-160)
      echo "fuzz.sh: regress $t: FAIL ${bad#$repo/}: ${why:-see $log}"
      # Resume after the failing file.
      idx=-1
      for i in "${!rest[@]}"; do [ "${rest[$i]}" = "$bad" ] && idx=$i && break; done
      [ $idx -lt 0 ] && break   # crashed before running any file (harness set-up): nothing to resume
      rest=("${rest[@]:$((idx + 1))}")
    done
    rm -f "$build/regress-$t.part.log"
    if [ $failed -eq 0 ]; then echo "fuzz.sh: regress $t: ${#files[@]} inputs OK"
    else echo "fuzz.sh: regress $t: $failed of ${#files[@]} inputs failed (log: $log)"; fi
  done
  exit $status
fi

# ------------------------------------------------------------------ fuzz
status=0
summary=()
for t in "${targets[@]}"; do
  corpus="$build/corpus/$t"
  artifacts="$build/artifacts/$t"
  mkdir -p "$corpus" "$artifacts"
  if [ -d "$fuzz_src/corpus/$t" ]; then cp -n "$fuzz_src/corpus/$t"/* "$corpus"/ 2>/dev/null || true; fi
  log="$build/fuzz-$t.log"
  args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$(max_len_for "$t")"
        -print_final_stats=1 -artifact_prefix="$artifacts/" $(dict_args "$t") ${FUZZ_ARGS:-})
  if [ "$jobs" -gt 1 ]; then args+=(-fork="$jobs" -ignore_crashes=0); fi
  echo "fuzz.sh: fuzzing $t for ${seconds}s (log: $log)"
  count_artifacts() { ls "$artifacts" | grep -cE '^(crash|leak|timeout|oom)-' || true; }
  before=$(count_artifacts)
  set +e
  "$build/fuzz/$t" "${args[@]}" "$corpus" >"$log" 2>&1
  rc=$?
  set -e
  stats=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
  execs=$(grep -E 'stat::average_exec_per_sec' "$log" | tail -n 1 | awk '{print $2}' || true)
  summary+=("$t: rc=$rc exec/s=${execs:-?} last: ${stats:-?}")
  after=$(count_artifacts)
  if [ $rc -ne 0 ] || [ "$after" -gt "$before" ]; then
    status=1
    echo "fuzz.sh: $t FAILED (exit $rc)"
    grep -E 'ERROR: |SUMMARY: |runtime error|UNSAFE HTML|INVALID JSON|OUT-OF-RANGE FIGURE' "$log" | head -n 10 || true
    for a in $(ls -t "$artifacts" | grep -E '^(crash|leak|timeout|oom)-' | head -n 5); do
      echo "fuzz.sh: reproducer: $artifacts/$a"
      echo "         replay:    $build/fuzz/$t $artifacts/$a"
      echo "         minimize:  $build/fuzz/$t -minimize_crash=1 -runs=100000 -artifact_prefix=$artifacts/min- $artifacts/$a"
    done
  fi
done
echo
echo "fuzz.sh: summary"
for s in "${summary[@]}"; do echo "  $s"; done
exit $status
