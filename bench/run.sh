#!/usr/bin/env bash
# pepgen benchmark: pepgen vs Hugo vs cp -r on the same synthetic data, plus rebuild behaviour.
# Usage: bench/run.sh [--lsps N] [--rounds R] [--incidental K] [--scale] [--keep] [options]
# See bench/README.md. Needs build/pepgen (run `bash scripts/setup.sh` first).
set -euo pipefail

usage() {
  cat <<'EOF'
bench/run.sh [options]
  --lsps N          LSPs in the synthetic data (default 2000)
  --rounds R        routine rounds: 2021-1, 2021-2, 2022-1, ... (default 10)
  --incidental K    extra incidental rounds covering ~2% of the LSPs (default 2; 0 = none)
  --scale           also run with --scale-lsps LSPs (default 10000) and print the time ratio
  --scale-lsps M    the second size for --scale (default 10000)
  --scale-rebuilds  in --scale mode, also measure the rebuild steps (4, 5) at the second size
  --skip-rebuilds   skip steps (4) and (5)
  --sample K        scorecards compared in the equivalence check (default 0 = all)
  --seed S          generator seed (default 20240601)
  --timeout SECS    kill any single timed command after SECS (default 0 = no limit)
  --pepgen PATH     pepgen binary (default: build/pepgen of this repository)
  --floor PATH      render floor tool (default: build/pepgen_render_floor, built if missing)
  --repeat R        run steps (1)-(3) R times each, in turn, and report the median (default 3)
  --keep            keep the generated projects and outputs (printed at the end)
  -h, --help        this text
EOF
}

LSPS=2000 ROUNDS=10 INCIDENTAL=2 SCALE=0 SCALE_LSPS=10000 SCALE_REBUILDS=0 SKIP_REBUILDS=0
SAMPLE=0 SEED=20240601 TIMEOUT=0 KEEP=0 REPEAT=3 PEPGEN_SRC="" FLOOR_SRC=""
CMDLINE="$(printf '%q ' "$0" "$@")"
CMDLINE="${CMDLINE% }"
while (($#)); do
  case "$1" in
    --lsps) LSPS="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --incidental) INCIDENTAL="$2"; shift 2 ;;
    --scale) SCALE=1; shift ;;
    --scale-lsps) SCALE_LSPS="$2"; shift 2 ;;
    --scale-rebuilds) SCALE_REBUILDS=1; shift ;;
    --skip-rebuilds) SKIP_REBUILDS=1; shift ;;
    --sample) SAMPLE="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --timeout) TIMEOUT="$2"; shift 2 ;;
    --pepgen) PEPGEN_SRC="$2"; shift 2 ;;
    --floor) FLOOR_SRC="$2"; shift 2 ;;
    --repeat) REPEAT="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
for v in LSPS ROUNDS INCIDENTAL SCALE_LSPS SAMPLE SEED TIMEOUT REPEAT; do
  [[ "${!v}" =~ ^[0-9]+$ ]] || { echo "run.sh: ${v,,} must be a non-negative integer" >&2; exit 2; }
done
((LSPS >= 1 && ROUNDS >= 1 && REPEAT >= 1)) || { echo "run.sh: --lsps, --rounds and --repeat must be >= 1" >&2; exit 2; }

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$REPO/bench"
PEPGEN_SRC="${PEPGEN_SRC:-$REPO/build/pepgen}"

# --- dependencies (Debian packages, only the missing ones) ---------------------------------
missing=()
command -v python3 >/dev/null 2>&1 || missing+=(python3)
command -v cc >/dev/null 2>&1 || missing+=(gcc)
command -v hugo >/dev/null 2>&1 || missing+=(hugo)
command -v curl >/dev/null 2>&1 || missing+=(curl)
if ((${#missing[@]})); then
  echo "run.sh: installing missing packages: ${missing[*]}"
  [ "$(id -u)" -eq 0 ] || { echo "run.sh: need root for apt-get" >&2; exit 1; }
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if [ ! -x "$PEPGEN_SRC" ]; then
  echo "run.sh: $PEPGEN_SRC not found; build it first: bash scripts/setup.sh" >&2
  exit 1
fi
# serve (step 7) is run by pepgen-alat, which pepgen expects beside it.
if [ ! -x "$(dirname "$PEPGEN_SRC")/pepgen-alat" ]; then
  echo "run.sh: $(dirname "$PEPGEN_SRC")/pepgen-alat not found beside $PEPGEN_SRC; build both: bash scripts/setup.sh" >&2
  exit 1
fi
if [ -z "$FLOOR_SRC" ]; then
  FLOOR_SRC="$REPO/build/pepgen_render_floor"
  [ -x "$FLOOR_SRC" ] || cmake --build "$REPO/build" -j"$(nproc)" --target pepgen_render_floor >/dev/null
fi
if [ ! -x "$FLOOR_SRC" ]; then
  echo "run.sh: $FLOOR_SRC not found" >&2
  exit 1
fi

WORK="$(mktemp -d /tmp/pepgen-bench.XXXXXX)"
cleanup() {
  if ((KEEP)); then echo "run.sh: kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# Snapshot the binary so a concurrent rebuild of build/pepgen cannot change it mid-run.
PEPGEN="$WORK/pepgen"
cp "$PEPGEN_SRC" "$PEPGEN"
cp "$(dirname "$PEPGEN_SRC")/pepgen-alat" "$WORK/pepgen-alat"
PEPGEN_SHA="$(sha256sum "$PEPGEN" | cut -c1-16)"
FLOOR="$WORK/pepgen_render_floor"
cp "$FLOOR_SRC" "$FLOOR"
# Every command is timed by bench/timed.c (see there why not /usr/bin/time).
TIMED="$WORK/timed"
cc -O2 -o "$TIMED" "$BENCH/timed.c" || { echo "run.sh: cannot compile bench/timed.c (cc)" >&2; exit 1; }
PEPGEN_VER="$("$PEPGEN" --version 2>&1 | head -1)"
HUGO_VER="$(hugo version 2>&1 | head -1)"

declare -A WALL RSS USR SYS CPU RC INFO THP PWALL
# Writing a site allocates hundreds of megabytes of page cache. On a VM, page cache that grows into
# memory the guest has not used for it before costs several times the system time of memory just freed
# (measured here: 960 MB written in 6 MB files, 2.23 s of system CPU with the cache full of earlier
# runs, 0.28 s right after dropping it; a 10,000-LSP build, 4.3 s and 1.8 s). So, as root, every full
# build, Hugo build and cp below starts from dropped caches with its own inputs (and program) read
# back in: each meets the same memory, whatever ran before it. The rebuild steps keep the cache warm.
DROP=0
if [ -w /proc/sys/vm/drop_caches ]; then
  DROP=1
  CACHES="page cache dropped before each full build, Hugo build and cp; their inputs read back first"
else
  CACHES="page cache as found (not root: drop_caches not writable)"
fi
# settle DIR... : (as root) drop the page cache, then read DIR... and the programs back into it.
settle() {
  ((DROP)) || return 0
  sync && echo 3 >/proc/sys/vm/drop_caches
  tar -cf - "$@" 2>/dev/null | cat >/dev/null
  "$PEPGEN" --version >/dev/null 2>&1; hugo version >/dev/null 2>&1; cp --version >/dev/null 2>&1
  return 0
}
LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"
# disk_state : the file system the runs write to, and how full it is, recorded with each run's figures.
# The run keeps every output until it ends: about 1.1 MB per LSP of each size (13.3 GB for --scale).
disk_state() { df -PT "$WORK" | awk 'NR == 2 {printf "%s, %.1f GiB free of %.1f GiB (%s used)", $2, $5 / 1048576, ($4 + $5) / 1048576, $6}'; }
DISK_START="$(disk_state)"
DISK_FREE_KB="$(df -P "$WORK" | awk 'NR == 2 {print $4}')"
DISK_NEED_KB=$(( (LSPS + (SCALE ? SCALE_LSPS : 0)) * 1100 ))
if ((DISK_FREE_KB < DISK_NEED_KB)); then
  echo "run.sh: warning: $WORK has $((DISK_FREE_KB / 1048576)) GiB free; this run writes about" \
       "$((DISK_NEED_KB / 1048576 + 1)) GiB and may stop with a full disk" >&2
fi

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }

# thp_faults : transparent huge pages allocated on faults since boot, system-wide ("?" without THP)
thp_faults() { awk '/^thp_fault_alloc /{print $2; found=1} END { if (!found) print "?" }' /proc/vmstat 2>/dev/null || echo "?"; }

# run_timed KEY cmd... : run under timed (bench/timed.c: wait4, as /usr/bin/time -v), record wall s (PWALL to the
# millisecond, WALL in hundredths), peak RSS KiB, user, sys, CPU%.
run_timed() {
  local key="$1"; shift
  local tf="$WORK/time.${key//[:\/ ]/_}" rc=0
  if ((TIMEOUT > 0)); then set -- timeout "$TIMEOUT" "$@"; fi
  sync
  local thp_before
  thp_before="$(thp_faults)"
  "$TIMED" "$tf" "$@" >"$tf.stdout" 2>"$tf.stderr" || rc=$?
  # New 2 MiB pages the system handed out while the command ran (its heap is made of them, see
  # run_with_configured_allocator): on this machine's VMs the first touch of each costs from 0.15 ms
  # to several ms, depending on whether the host still backs it, and that, not pepgen's own work,
  # is what moves a short rebuild's wall and system time from run to run.
  THP[$key]="$(awk -v a="$thp_before" -v b="$(thp_faults)" 'BEGIN { if (a == "?" || b == "?") print "?"; else print b - a }')"
  local wall user sys
  wall="$(kv "$tf" wall_seconds)" user="$(kv "$tf" user_seconds)" sys="$(kv "$tf" system_seconds)"
  PWALL[$key]="$(awk -v w="$wall" 'BEGIN { printf "%.3f", w }')"
  WALL[$key]="$(awk -v w="$wall" 'BEGIN { printf "%.2f", w }')"
  RSS[$key]="$(kv "$tf" max_rss_kb)"
  USR[$key]="$(awk -v x="$user" 'BEGIN { printf "%.2f", x }')"
  SYS[$key]="$(awk -v x="$sys" 'BEGIN { printf "%.2f", x }')"
  CPU[$key]="$(awk -v u="$user" -v s="$sys" -v w="$wall" 'BEGIN { if (w > 0) printf "%d%%", 100 * (u + s) / w; else print "?" }')"
  RC[$key]=$rc
  if ((rc != 0)); then
    log "FAILED ($rc): $*"
    tail -5 "$tf.stderr" | sed 's/^/    /'
  fi
  return 0
}

# typical KEY [COUNT] : KEY's figures from its median run of KEY:1..COUNT (default REPEAT; by wall time; with an even
# count, the faster of the middle two); peak RSS the largest of them; every run's wall time in
# INFO[KEY:runs]. The median, not the fastest: a 2-second run can fall wholly in one of this
# machine's fast stretches, a 60-second one cannot, so the fastest would favour short commands.
typical() {
  local key="$1" count="${2:-$REPEAT}" r runs="" pick
  for ((r = 1; r <= count; r++)); do runs+="${runs:+ }${WALL[$key:$r]}"; done
  pick="$(median_run WALL "$key" "$count")"
  WALL[$key]="${WALL[$key:$pick]}" USR[$key]="${USR[$key:$pick]}" SYS[$key]="${SYS[$key:$pick]}"
  CPU[$key]="${CPU[$key:$pick]}" RC[$key]="${RC[$key:$pick]}"
  RSS[$key]="$(for ((r = 1; r <= count; r++)); do echo "${RSS[$key:$r]}"; done | sort -n | tail -1)"
  INFO[$key:runs]="$runs"
}

# cpu_runs KEY COUNT : "user/sys" of each run KEY:1..COUNT
cpu_runs() {
  local r out=""
  for ((r = 1; r <= $2; r++)); do out+="${out:+ }${USR[$1:$r]}/${SYS[$1:$r]}"; done
  echo "$out"
}
# rebuild_runs KEY COUNT : "wall s (user/sys s, new 2 MiB pages)" of each run KEY:1..COUNT
rebuild_runs() {
  local r out=""
  for ((r = 1; r <= $2; r++)); do out+="${out:+ · }${WALL[$1:$r]} (${USR[$1:$r]}/${SYS[$1:$r]}, ${THP[$1:$r]})"; done
  echo "$out"
}
# median_of ARRAY KEY COUNT : the median of ARRAY[KEY:1..COUNT] (the lower middle of an even count)
median_of() {
  local -n values="$1"
  local r
  for ((r = 1; r <= $3; r++)); do echo "${values[$2:$r]}"; done | sort -g | sed -n "$(( ($3 + 1) / 2 ))p"
}
# median_run ARRAY KEY COUNT : which run r of ARRAY[KEY:1..COUNT] holds the median (the lower middle of an even count;
# of equal values, the earlier run)
median_run() {
  local -n values="$1"
  local r
  for ((r = 1; r <= $3; r++)); do echo "${values[$2:$r]} $r"; done | sort -g -k1,1 -k2,2n |
    sed -n "$(( ($3 + 1) / 2 ))p" | cut -d' ' -f2
}
# kv FILE KEY : the value of a KEY=value line (what timed and the floor tool write)
kv() { awk -F= -v k="$2" '$1 == k {print $2}' "$1"; }

# snapshot DIR PREFIX : mtimes (as the issue asks) and content hashes of every file
snapshot() {
  find "$1" -type f -printf '%p %T@\n' | LC_ALL=C sort >"$2.mtime"
  (cd "$1" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha1sum | awk '{print $2, $1}') >"$2.sum"
}
# compare_snap A B : "changed added removed" between two snapshot files
compare_snap() {
  local c a r
  c=$(LC_ALL=C join "$1" "$2" | awk '$2 != $3' | wc -l)
  a=$(LC_ALL=C join -v2 "$1" "$2" | wc -l)
  r=$(LC_ALL=C join -v1 "$1" "$2" | wc -l)
  echo "$c $a $r"
}

EQUIV_FAIL=0 VERIFY_FAIL=0

bench_size() {
  local n="$1" rebuilds="$2"
  local D="$WORK/n$n" P H OP OH OC
  P="$D/project" H="$D/hugo" OP="$D/out-pepgen" OH="$D/out-hugo" OC="$D/out-cp"
  mkdir -p "$D"
  log "N=$n: generating synthetic data ($n LSP x $ROUNDS rounds + $INCIDENTAL incidental)"
  INFO[$n:gen]="$(python3 "$BENCH/gen_data.py" --repo "$REPO" --out "$P" --lsps "$n" --rounds "$ROUNDS" \
    --incidental "$INCIDENTAL" --seed "$SEED")"
  python3 "$BENCH/gen_hugo.py" --project "$P" --skeleton "$BENCH/hugo" --out "$H" >/dev/null
  INFO[$n:data]="$(du -sb "$P/data/penilaian" | cut -f1) bytes in data/penilaian, $(du -sb "$P/data/lsp.json" | cut -f1) bytes lsp.json"

  # Steps (1)-(3) run REPEAT times in turn, each into new folders (a second
  # pepgen build into the same folder would be a no-op rebuild). This machine's
  # speed drifts from minute to minute: the median run of each is reported.
  local r
  for ((r = 1; r <= REPEAT; r++)); do
    log "N=$n: (1) pepgen build (run $r of $REPEAT)"
    # A full build reads and checks every round file: no parse cache left by an earlier run.
    rm -rf "$P/.pepgen-cache"
    settle "$P"
    run_timed "$n:pepgen:$r" "$PEPGEN" build --root "$P" --output "$OP.$r"
    ((RC[$n:pepgen:$r] == 0)) || { echo "run.sh: pepgen build failed; see above" >&2; exit 1; }

    # The floor is measured right after the build it is compared with: this machine's speed moves
    # by up to half between minutes (the floor alone measured 0.50 s in one run and 1.01 s in another),
    # and a floor from a fast minute set against a build from a slow one says nothing about pepgen.
    log "N=$n: (3b) kainjow alone on pepgen's pages (render floor, one thread; run $r of $REPEAT)"
    if ! "$FLOOR" --root "$P" >"$D/floor.$r.txt" 2>"$D/floor.err"; then
      echo "run.sh: render floor failed:" >&2; cat "$D/floor.err" >&2; exit 1
    fi
    for f in pages html_bytes kainjow_cpu_seconds ns_per_byte pepgen_render_cpu_seconds; do
      INFO[$n:floor_$f:$r]="$(kv "$D/floor.$r.txt" "$f")"
    done

    log "N=$n: (2) hugo build (run $r of $REPEAT)"
    settle "$H"
    run_timed "$n:hugo:$r" hugo --quiet --minify=false -s "$H" -d "$OH.$r" --cacheDir "$D/hugo-cache.$r"
    ((RC[$n:hugo:$r] == 0)) || { echo "run.sh: hugo build failed; see above" >&2; exit 1; }

    log "N=$n: (3) cp -r of pepgen's output (run $r of $REPEAT)"
    settle "$OP.$r"
    run_timed "$n:cp:$r" cp -r "$OP.$r" "$OC.$r"
  done
  for step in pepgen hugo cp; do typical "$n:$step"; done
  INFO[$n:pepgen_warn]="$(grep -c 'peringatan' "$WORK/time.${n}_pepgen_1.stderr" || true)"
  # The rebuild steps and the checks use the first run's output.
  OP="$OP.1" OH="$OH.1"

  # Each run's full build CPU against the floor measured beside it (kainjow's render CPU, plus cp's CPU
  # writing the same bytes in the same round of runs); the target is judged on the median of these.
  local floor_pick
  for ((r = 1; r <= REPEAT; r++)); do
    INFO[$n:cpu_ratio:$r]="$(awk -v u="${USR[$n:pepgen:$r]}" -v s="${SYS[$n:pepgen:$r]}" \
      -v k="${INFO[$n:floor_kainjow_cpu_seconds:$r]}" -v cu="${USR[$n:cp:$r]}" -v cs="${SYS[$n:cp:$r]}" \
      'BEGIN { printf "%.3f", (u + s) / (k + cu + cs) }')"
  done
  INFO[$n:cpu_ratio]="$(median_of INFO "$n:cpu_ratio" "$REPEAT")"
  # The floor shown is the run with the median kainjow CPU.
  floor_pick="$(median_run INFO "$n:floor_kainjow_cpu_seconds" "$REPEAT")"
  for f in pages html_bytes kainjow_cpu_seconds ns_per_byte pepgen_render_cpu_seconds; do
    INFO[$n:floor_$f]="${INFO[$n:floor_$f:$floor_pick]}"
  done

  INFO[$n:files_pepgen]="$(find "$OP" -type f | wc -l) files, $(du -sb "$OP" | cut -f1) bytes"
  INFO[$n:files_hugo]="$(find "$OH" -type f | wc -l) files, $(du -sb "$OH" | cut -f1) bytes"

  log "N=$n: equivalence check (Hugo vs pepgen)"
  if python3 "$BENCH/compare.py" --project "$P" --pepgen "$OP" --hugo "$OH" --sample "$SAMPLE" >"$D/compare.txt"; then
    INFO[$n:equiv]="OK"
  else
    INFO[$n:equiv]="FAILED"; EQUIV_FAIL=1
  fi
  cat "$D/compare.txt"

  ((rebuilds)) || return 0

  local total
  total=$(find "$OP" -type f | wc -l)
  INFO[$n:total]=$total

  log "N=$n: (4) pepgen rebuild, nothing changed"
  snapshot "$OP" "$D/s0"
  run_timed "$n:noop" "$PEPGEN" build --root "$P" --output "$OP"
  snapshot "$OP" "$D/s1"
  INFO[$n:noop_mtime]="$(compare_snap "$D/s0.mtime" "$D/s1.mtime")"
  INFO[$n:noop_bytes]="$(compare_snap "$D/s0.sum" "$D/s1.sum")"

  # The round file to touch/change: the middle routine round.
  local round
  round="$(ls "$P/data/penilaian" | grep -v -- '-i' | LC_ALL=C sort -t- -k1,1n -k2,2n | sed -n "$(( (ROUNDS + 1) / 2 ))p")"
  INFO[$n:round]="$round"

  log "N=$n: (5a) pepgen rebuild after touching data/penilaian/$round (mtime only)"
  touch "$P/data/penilaian/$round"
  run_timed "$n:touch" "$PEPGEN" build --root "$P" --output "$OP"
  snapshot "$OP" "$D/s2"
  INFO[$n:touch_mtime]="$(compare_snap "$D/s1.mtime" "$D/s2.mtime")"
  INFO[$n:touch_bytes]="$(compare_snap "$D/s1.sum" "$D/s2.sum")"

  log "N=$n: (5b) pepgen rebuild after changing one score in data/penilaian/$round"
  INFO[$n:change]="$(python3 "$BENCH/edit.py" score "$P" "$P/data/penilaian/$round")"
  run_timed "$n:change" "$PEPGEN" build --root "$P" --output "$OP"
  snapshot "$OP" "$D/s3"
  INFO[$n:change_mtime]="$(compare_snap "$D/s2.mtime" "$D/s3.mtime")"
  INFO[$n:change_bytes]="$(compare_snap "$D/s2.sum" "$D/s3.sum")"
  # pepgen's summary line: "... 2285 halaman, ... ; 57 halaman dirender)."
  local out="$WORK/time.${n}_change.stdout"
  INFO[$n:change_pages]="$(grep -oE '[0-9]+ halaman,' "$out" | grep -oE '[0-9]+' || echo '?')"
  INFO[$n:change_rendered]="$(grep -oE '[0-9]+ halaman dirender' "$out" | grep -oE '[0-9]+' || echo '?')"
  verify "$n" change "$P" "$OP"

  # (5c)-(5f): the edits a team makes between builds, each timed, each checked against a full build.
  local newest
  newest="$(ls "$P/data/penilaian" | grep -v -- '-i' | LC_ALL=C sort -t- -k1,1n -k2,2n | tail -1)"
  # (5c) is held against full builds made beside it, in the same minute, of a copy of the project
  # (with the same edit, and no parse cache, as in step 1): see floor above on this machine's drift.
  local PF="$D/project-full"
  rm -rf "$PF" && cp -a "$P" "$PF" && rm -rf "$PF/.pepgen-cache"
  local step kind label
  # Each edit is made and rebuilt REPEAT times (a score goes up, down and up again) and the median
  # rebuild counts: one sub-second run can fall in one of this machine's slow moments. The files
  # and pages reported are the last rebuild's.
  for step in "5c:newest:score" "5d:registry:rename" "5e:categories:category" "5f:template:template" "5g:guide:guide"; do
    IFS=: read -r label key kind <<<"$step"
    for ((r = 1; r <= REPEAT; r++)); do
      log "N=$n: ($label) pepgen rebuild after edit: $kind (run $r of $REPEAT)"
      if [ "$kind" = score ]; then
        INFO[$n:$key]="$(python3 "$BENCH/edit.py" score "$P" "$P/data/penilaian/$newest")"
      else
        INFO[$n:$key]="$(python3 "$BENCH/edit.py" "$kind" "$P")"
      fi
      ((r < REPEAT)) || snapshot "$OP" "$D/before-$key"
      run_timed "$n:$key:$r" "$PEPGEN" build --root "$P" --output "$OP"
      if [ "$key" = newest ]; then
        log "N=$n: ($label) full build beside it, of a copy with the same edit (run $r of $REPEAT)"
        cp "$P/data/penilaian/$newest" "$PF/data/penilaian/$newest"
        rm -rf "$PF/.pepgen-cache" "$D/out-full-newest"
        settle "$PF"
        run_timed "$n:newest_full:$r" "$PEPGEN" build --root "$PF" --output "$D/out-full-newest"
        ((RC[$n:newest_full:$r] == 0)) || { echo "run.sh: pepgen build failed; see above" >&2; exit 1; }
        INFO[$n:newest_ratio:$r]="$(awk -v a="${PWALL[$n:$key:$r]}" -v b="${PWALL[$n:newest_full:$r]}" \
          'BEGIN { printf "%.3f", a / b }')"
        # The next rebuild finds its project and output in the page cache, as the first one did.
        rm -rf "$D/out-full-newest"
        tar -cf - "$P" "$OP" 2>/dev/null | cat >/dev/null
      fi
    done
    typical "$n:$key"
    cp "$WORK/time.${n}_${key}_${REPEAT}.stdout" "$WORK/time.${n}_${key}.stdout"
    snapshot "$OP" "$D/after-$key"
    INFO[$n:${key}_bytes]="$(compare_snap "$D/before-$key.sum" "$D/after-$key.sum")"
    INFO[$n:${key}_mtime]="$(compare_snap "$D/before-$key.mtime" "$D/after-$key.mtime")"
    INFO[$n:${key}_rendered]="$(grep -oE '[0-9]+ halaman dirender' "$WORK/time.${n}_$key.stdout" | grep -oE '[0-9]+' || echo '?')"
    verify "$n" "$key" "$P" "$OP"
  done

  serve_latency "$n" "$P" "$newest"
}

# verify N KEY PROJECT OUTPUT : the output folder against a full build in memory (pepgen build --verifikasi)
verify() {
  local n="$1" key="$2" out
  if out="$("$PEPGEN" build --root "$3" --output "$4" --verifikasi 2>&1)"; then
    INFO[$n:${key}_verify]="same bytes as a full build ($(grep -oE 'Verifikasi: [0-9]+' <<<"$out" | grep -oE '[0-9]+') files)"
  else
    INFO[$n:${key}_verify]="DIFFERS from a full build"; VERIFY_FAIL=1
    grep -E 'verifikasi' <<<"$out" | head -5 | sed 's/^/    /'
  fi
}

# serve_latency N PROJECT NEWEST : pepgen serve on the project; one score of the newest round is
# saved, and the time until the server serves the rebuilt page is measured through HTTP.
serve_latency() {
  local n="$1" P="$2" newest="$3" port log pid v0 v t0 t1 lsp
  port=$((20000 + RANDOM % 20000))
  log="$WORK/serve.$n.log"
  "$PEPGEN" serve --root "$P" --port "$port" >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do grep -q 'Pratinjau:' "$log" && break; sleep 0.1; done
  if ! grep -q 'Pratinjau:' "$log"; then
    kill "$pid" 2>/dev/null || true
    INFO[$n:serve]="serve did not start (see $log)"; return 0
  fi
  v0="$(curl -s "http://127.0.0.1:$port/__pepgen/versi")"
  log "N=$n: (7) serve: save one score of $newest, wait for the rebuilt page"
  # The edit is made first and saved in one step, as an editor or pepgen import saves (a new file
  # renamed over the old): the clock starts at the save. Timing edit.py itself would count
  # Python parsing and pretty-printing 1.5 MB of JSON (0.5 s on this machine), which no team
  # member waits for.
  INFO[$n:serve_edit]="$(python3 "$BENCH/edit.py" score "$P" "$P/data/penilaian/$newest" --out "$WORK/serve-edit.json")"
  t0="$(date +%s.%N)"
  mv "$WORK/serve-edit.json" "$P/data/penilaian/$newest"
  lsp="$(grep -oE 'lsp-[a-z0-9-]+' <<<"${INFO[$n:serve_edit]}" | head -1)"
  v="$v0"
  while [ "$v" = "$v0" ]; do
    sleep 0.01
    v="$(curl -s "http://127.0.0.1:$port/__pepgen/versi")"
    [ "$(awk -v a="$(date +%s.%N)" -v b="$t0" 'BEGIN{print (a-b > 60)}')" = 1 ] && break
  done
  curl -s -o /dev/null "http://127.0.0.1:$port/lsp/$lsp/"
  t1="$(date +%s.%N)"
  # The server serves the new version just before it logs the rebuild's time: wait for that
  # line, or the log's last one is the first build's (runs 11:50-12:21 UTC printed that).
  for _ in $(seq 1 50); do [ "$(grep -c 'Situs dibangun (' "$log")" -ge 2 ] && break; sleep 0.1; done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  INFO[$n:serve]="$(awk -v a="$t1" -v b="$t0" 'BEGIN{printf "%.2f", a-b}')"
  INFO[$n:serve_build]="$(grep -oE 'Situs dibangun \([0-9]+ ms\)' "$log" | tail -1 | grep -oE '[0-9]+')"
}

SIZES=("$LSPS")
((SCALE)) && SIZES+=("$SCALE_LSPS")
for n in "${SIZES[@]}"; do
  rb=1
  ((SKIP_REBUILDS)) && rb=0
  if ((SCALE)) && [ "$n" = "$SCALE_LSPS" ] && [ "$n" != "$LSPS" ] && ((SCALE_REBUILDS == 0)); then rb=0; fi
  bench_size "$n" "$rb"
done
if ((SCALE)); then
  # Minutes apart, the two sizes can meet different machine speeds (tens of
  # percent here): for the growth ratio, full pepgen builds of both sizes
  # alternate, and the median of each is compared: at least three pairs, since
  # one pair can meet the disk in two different states (ratios 4.0 to 6.7 were seen).
  PAIRS=$((REPEAT > 3 ? REPEAT : 3))
  for ((r = 1; r <= PAIRS; r++)); do
    for n in "$LSPS" "$SCALE_LSPS"; do
      log "N=$n: (6) pepgen build for the growth ratio, alternating sizes (run $r of $PAIRS)"
      rm -rf "$WORK/n$n/project/.pepgen-cache"
      settle "$WORK/n$n/project"
      run_timed "$n:pair:$r" "$PEPGEN" build --root "$WORK/n$n/project" --output "$WORK/n$n/out-pair.$r"
      ((RC[$n:pair:$r] == 0)) || { echo "run.sh: pepgen build failed; see above" >&2; exit 1; }
    done
  done
  for n in "$LSPS" "$SCALE_LSPS"; do typical "$n:pair" "$PAIRS"; done
fi
LOAD_END="$(cut -d' ' -f1-3 /proc/loadavg)"
DISK_END="$(disk_state)"
WORK_BYTES="$(du -sb "$WORK" | cut -f1)"

# --- summary --------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
row() { # label key
  local k="$2"
  printf '  %-40s %9s %11s %9s %8s %6s %5s\n' "$1" "${WALL[$k]}" "$(mib "${RSS[$k]}")" "${USR[$k]}" "${SYS[$k]}" "${CPU[$k]}" "${RC[$k]}"
}
fmt_snap() { # "changed added removed" total
  set -- $1 "$2"
  printf '%s of %s' "$1" "$4"
  (($2 || $3)) && printf ' (+%s new, -%s gone)' "$2" "$3"
  return 0
}

CPU_MODEL="$(awk -F': ' '/^model name/{print $2; exit}' /proc/cpuinfo)"
MEM_TOTAL="$(awk '/^MemTotal/{printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
echo
echo "=================================== pepgen benchmark ==================================="
echo "  date       $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "  command    $CMDLINE"
echo "  machine    nproc $(nproc) · $MEM_TOTAL RAM · ${CPU_MODEL:-unknown CPU} · Linux $(uname -r)"
echo "  load avg   start $LOAD_START · end $LOAD_END   (1/5/15 min; other work on the machine skews wall times)"
echo "  disk       start $DISK_START · end $DISK_END; this run wrote $(awk -v b="$WORK_BYTES" 'BEGIN{printf "%.1f", b/1e9}') GB, kept until it ends"
echo "  memory     $CACHES"
echo "  pepgen     $PEPGEN_VER · binary sha256 $PEPGEN_SHA… (copy of $PEPGEN_SRC taken at start)"
echo "  hugo       $HUGO_VER"
echo "  timing     bench/timed.c (fork, exec, wait4, as /usr/bin/time -v; wall time to the millisecond); peak RSS = maximum resident set size; page cache warm;"
echo "             steps (1)-(3): the median of $REPEAT runs each (see 'runs')"
for n in "${SIZES[@]}"; do
  echo
  echo "  --- N = $n LSP ---"
  echo "  data       ${INFO[$n:gen]#gen_data: }"
  echo "             ${INFO[$n:data]}; pepgen printed ${INFO[$n:pepgen_warn]} warnings"
  printf '  %-40s %9s %11s %9s %8s %6s %5s\n' "step" "wall s" "peakRSS MiB" "user s" "sys s" "CPU" "exit"
  row "(1) pepgen build" "$n:pepgen"
  row "(2) hugo build (same data, same pages)" "$n:hugo"
  row "(3) cp -r pepgen site (I/O floor)" "$n:cp"
  if [ -n "${INFO[$n:total]:-}" ]; then
    row "(4) pepgen rebuild, nothing changed" "$n:noop"
    row "(5a) pepgen rebuild, 1 round touched" "$n:touch"
    row "(5b) pepgen rebuild, 1 score changed" "$n:change"
    row "(5c) 1 score in the newest round" "$n:newest"
    row "(5d) 1 LSP renamed in the registry" "$n:registry"
    row "(5e) category table changed" "$n:categories"
    row "(5f) round page template changed" "$n:template"
    row "(5g) a guide's text changed" "$n:guide"
  fi
  echo "  runs       (1)-(3) median of $REPEAT, peak RSS the largest; wall s of each run: pepgen ${INFO[$n:pepgen:runs]} ·" \
       "hugo ${INFO[$n:hugo:runs]} · cp ${INFO[$n:cp:runs]}"
  echo "             pepgen full builds, wall s (user/sys s, new 2 MiB pages): $(rebuild_runs "$n:pepgen" "$REPEAT")"
  echo "  outputs    pepgen ${INFO[$n:files_pepgen]}; hugo ${INFO[$n:files_hugo]}"
  echo "  ratios     wall: pepgen/hugo $(ratio "${WALL[$n:pepgen]}" "${WALL[$n:hugo]}") · pepgen/cp $(ratio "${WALL[$n:pepgen]}" "${WALL[$n:cp]}")" \
       "   peak RSS: pepgen/hugo $(ratio "${RSS[$n:pepgen]}" "${RSS[$n:hugo]}") · pepgen/cp $(ratio "${RSS[$n:pepgen]}" "${RSS[$n:cp]}")"
  echo "             CPU time (user+sys): pepgen/hugo $(ratio "$(awk -v u="${USR[$n:pepgen]}" -v s="${SYS[$n:pepgen]}" 'BEGIN{print u+s}')" "$(awk -v u="${USR[$n:hugo]}" -v s="${SYS[$n:hugo]}" 'BEGIN{print u+s}')")"
  # The least a build with kainjow could take: its rendering of these pages, plus
  # writing the same bytes (cp's own CPU time), spread perfectly over every core.
  cores="$(nproc)"
  cp_cpu="$(awk -v u="${USR[$n:cp]}" -v s="${SYS[$n:cp]}" 'BEGIN{print u+s}')"
  floor_wall="$(awk -v k="${INFO[$n:floor_kainjow_cpu_seconds]}" -v c="$cp_cpu" -v n="$cores" 'BEGIN{printf "%.2f", (k+c)/n}')"
  left="$(awk -v w="${WALL[$n:cp]}" -v k="${INFO[$n:floor_kainjow_cpu_seconds]}" -v c="$cp_cpu" -v n="$cores" 'BEGIN{printf "%.2f", 1.5*w*n-k-c}')"
  echo "  floor      kainjow alone renders the ${INFO[$n:floor_pages]} pages ($(awk -v b="${INFO[$n:floor_html_bytes]}" 'BEGIN{printf "%.0f", b/1e6}') MB of HTML) in ${INFO[$n:floor_kainjow_cpu_seconds]} s of CPU" \
       "(${INFO[$n:floor_ns_per_byte]} ns/byte; pepgen's renderer: ${INFO[$n:floor_pepgen_render_cpu_seconds]} s; the median of" \
       "$REPEAT runs, each right after a full build: $(for ((r = 1; r <= REPEAT; r++)); do printf '%s ' "${INFO[$n:floor_kainjow_cpu_seconds:$r]}"; done)s)"
  echo "             + writing the bytes (cp's CPU ${cp_cpu} s), on $cores cores: at least ${floor_wall} s = $(ratio "$floor_wall" "${WALL[$n:cp]}") x cp;" \
       "1.5 x cp leaves ${left} s of CPU for all other work"
  full_cpu="$(awk -v u="${USR[$n:pepgen]}" -v s="${SYS[$n:pepgen]}" 'BEGIN{print u+s}')"
  echo "  targets    full build CPU (user+sys) = $(awk -v r="${INFO[$n:cpu_ratio]}" 'BEGIN { printf "%.2f", r }') x the render floor" \
       "(target <= 2): the median of each run's build against the floor measured right after it; peak RSS $(mib "${RSS[$n:pepgen]}") MiB" \
       "(target <= 150 at 2,000 LSP, <= 250 at 10,000)"
  cpu_pairs=""
  for ((r = 1; r <= REPEAT; r++)); do
    cpu_pairs+="${cpu_pairs:+ · }$(awk -v u="${USR[$n:pepgen:$r]}" -v s="${SYS[$n:pepgen:$r]}" 'BEGIN { print u + s }') /"
    cpu_pairs+=" (${INFO[$n:floor_kainjow_cpu_seconds:$r]} + $(awk -v u="${USR[$n:cp:$r]}" -v s="${SYS[$n:cp:$r]}" 'BEGIN { print u + s }'))"
    cpu_pairs+=" = $(awk -v x="${INFO[$n:cpu_ratio:$r]}" 'BEGIN { printf "%.2f", x }')"
  done
  echo "             each run, CPU s: build / (kainjow + cp) = ratio: $cpu_pairs"
  echo "             (the median build's ${full_cpu} s against the median floor above: $(ratio "$full_cpu" "$(awk -v k="${INFO[$n:floor_kainjow_cpu_seconds]}" -v c="$cp_cpu" 'BEGIN{print k+c}')"))"
  if [ -n "${INFO[$n:total]:-}" ]; then
    echo "  (4) no-op rebuild: files with changed mtime $(fmt_snap "${INFO[$n:noop_mtime]}" "${INFO[$n:total]}"); with changed bytes $(fmt_snap "${INFO[$n:noop_bytes]}" "${INFO[$n:total]}")"
    echo "  (5a) touch ${INFO[$n:round]}: changed mtime $(fmt_snap "${INFO[$n:touch_mtime]}" "${INFO[$n:total]}"); changed bytes $(fmt_snap "${INFO[$n:touch_bytes]}" "${INFO[$n:total]}")"
    echo "  (5b) ${INFO[$n:round]}: ${INFO[$n:change]}: files with changed bytes $(fmt_snap "${INFO[$n:change_bytes]}" "${INFO[$n:total]}"); changed mtime $(fmt_snap "${INFO[$n:change_mtime]}" "${INFO[$n:total]}"); pages rendered ${INFO[$n:change_rendered]} of ${INFO[$n:change_pages]}; ${INFO[$n:change_verify]}"
    for key in newest registry categories template guide; do
      echo "  (${key}) ${INFO[$n:$key]}"
      if [ "$key" = newest ]; then
        pairs=""
        for ((r = 1; r <= REPEAT; r++)); do
          pairs+="${pairs:+ · }${PWALL[$n:newest:$r]} / ${PWALL[$n:newest_full:$r]} = $(awk -v x="${INFO[$n:newest_ratio:$r]}" 'BEGIN { printf "%.3f", x }')"
        done
        echo "             wall $(awk -v x="$(median_of INFO "$n:newest_ratio" "$REPEAT")" 'BEGIN { printf "%.3f", x }') x full build (target <= 0.10):" \
             "the median of each rebuild against a full build made right after it (wall s): $pairs"
      fi
      echo "             wall $(ratio "${WALL[$n:$key]}" "${WALL[$n:pepgen]}") x step (1)'s full build" \
           "(median of $REPEAT rebuilds, wall s ${INFO[$n:$key:runs]}); pages rendered ${INFO[$n:${key}_rendered]};" \
           "files with changed bytes $(fmt_snap "${INFO[$n:${key}_bytes]}" "${INFO[$n:total]}"), changed mtime $(fmt_snap "${INFO[$n:${key}_mtime]}" "${INFO[$n:total]}"); ${INFO[$n:${key}_verify]}"
      echo "             each rebuild: wall s (user/sys s, new 2 MiB pages): $(rebuild_runs "$n:$key" "$REPEAT")"
    done
    echo "  (7) serve: ${INFO[$n:serve_edit]:-}: saved -> rebuilt page served in ${INFO[$n:serve]:-?} s (target <= 1 s; the rebuild itself ${INFO[$n:serve_build]:-?} ms;" \
         "the page's reload script asks every 0.25 s)"
  fi
  echo "  equivalence: ${INFO[$n:equiv]} (Hugo vs pepgen: IK, category, rank, change on every scorecard history and"
  echo "             category page; IK, category, rank also vs an independent computation in compare.py)"
done
if ((SCALE)); then
  a="$LSPS" b="$SCALE_LSPS"
  echo
  echo "  scale $b/$a LSP (x$(ratio "$b" "$a") data): pepgen builds of both sizes alternating, median of $PAIRS each:" \
       "${WALL[$b:pair]} s / ${WALL[$a:pair]} s = $(ratio "${WALL[$b:pair]}" "${WALL[$a:pair]}")"
  echo "             (wall s of each run: $a LSP ${INFO[$a:pair:runs]} · $b LSP ${INFO[$b:pair:runs]})"
  # Wall time moves with the system time of touching memory the VM was not using (the written pages), which
  # this machine's host prices differently from minute to minute; user time is pepgen's own work.
  echo "             user/sys s of each run: $a LSP $(cpu_runs "$a:pair" "$PAIRS") · $b LSP $(cpu_runs "$b:pair" "$PAIRS")"
  echo "             median user CPU: $(median_of USR "$b:pair" "$PAIRS") s / $(median_of USR "$a:pair" "$PAIRS") s =" \
       "$(ratio "$(median_of USR "$b:pair" "$PAIRS")" "$(median_of USR "$a:pair" "$PAIRS")")" \
       "· median system CPU: $(median_of SYS "$b:pair" "$PAIRS") s / $(median_of SYS "$a:pair" "$PAIRS") s"
  echo "             from steps (1)-(3) above, minutes apart: pepgen $(ratio "${WALL[$b:pepgen]}" "${WALL[$a:pepgen]}")" \
       "· hugo $(ratio "${WALL[$b:hugo]}" "${WALL[$a:hugo]}") · cp $(ratio "${WALL[$b:cp]}" "${WALL[$a:cp]}")" \
       "   peak RSS ratio pepgen $(ratio "${RSS[$b:pepgen]}" "${RSS[$a:pepgen]}")"
fi
echo "========================================================================================"
if ((VERIFY_FAIL)); then
  echo "verification: FAILED — an incremental build differs from a full build (details above)" >&2
  exit 1
fi
if ((EQUIV_FAIL)); then
  echo "equivalence: FAILED — Hugo and pepgen disagree (details above)" >&2
  exit 1
fi
