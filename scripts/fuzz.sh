#!/usr/bin/env bash
# Fuzzes the places where outside data flows in (issue 6): chainmap import,
# merge of two files, JSON Canvas import. cargo-fuzz (libFuzzer), stable
# toolchain, no sanitizer (`-s none`), debug assertions on.
#
#   bash scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET…]
#
# SECONDS_PER_TARGET defaults to 20 (a short pass for CI); the targets default
# to import, merge and canvas_import. Each target starts from the seeds
# (fuzz/seeds/TARGET, the conformance files, tests/hostile) and keeps what it
# finds in fuzz/corpus/TARGET (not in git). Installs cargo-fuzz when missing.
# Exits non-zero when a target crashes (the input is kept in fuzz/artifacts/).
# Set FUZZ_RUNS=N to stop each target after N executions instead of a time.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

SECONDS_PER_TARGET="${1:-20}"
shift || true
TARGETS=("$@")
if [ "${#TARGETS[@]}" -eq 0 ]; then
  TARGETS=(import merge canvas_import)
fi

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: installing cargo-fuzz from crates.io (a few minutes)…"
  # --locked first; the registry mirror may lack a pinned dependency, then resolve afresh.
  cargo install cargo-fuzz --locked || cargo install cargo-fuzz
fi

# cargo-fuzz needs no nightly feature without a sanitizer; should a future
# version ask for one, the stable compiler can still be told to allow it.
FLAGS=(-s none -a)
if ! cargo fuzz build "${FLAGS[@]}" "${TARGETS[@]:0:1}" >/tmp/chainmap-fuzz-build.log 2>&1; then
  if grep -q "nightly\|-Z" /tmp/chainmap-fuzz-build.log; then
    echo "fuzz: this cargo-fuzz wants nightly features; retrying with RUSTC_BOOTSTRAP=1"
    export RUSTC_BOOTSTRAP=1
    cargo fuzz build "${FLAGS[@]}" "${TARGETS[@]:0:1}"
  else
    cat /tmp/chainmap-fuzz-build.log
    exit 2
  fi
fi

seeds_for() {
  local t="$1"
  echo "fuzz/seeds/$t"
  case "$t" in
    import)
      [ -d ../shared/conformance ] && echo "../shared/conformance"
      echo "tests/fixtures/conformance"
      echo "tests/hostile"
      ;;
  esac
}

status=0
summary=()
for t in "${TARGETS[@]}"; do
  mkdir -p "fuzz/corpus/$t" "fuzz/artifacts/$t"
  mapfile -t seeds < <(seeds_for "$t")
  limit=(-max_total_time="$SECONDS_PER_TARGET")
  if [ -n "${FUZZ_RUNS:-}" ]; then
    limit=(-runs="$FUZZ_RUNS")
  fi
  log="fuzz/artifacts/$t/last-run.log"
  if [ -n "${FUZZ_RUNS:-}" ]; then
    echo "fuzz: $t ($FUZZ_RUNS runs)…"
  else
    echo "fuzz: $t ($SECONDS_PER_TARGET s)…"
  fi
  start=$(date +%s)
  set +e
  cargo fuzz run "${FLAGS[@]}" "$t" "fuzz/corpus/$t" "${seeds[@]}" -- \
    "${limit[@]}" -dict=fuzz/chainmap.dict -timeout=10 -rss_limit_mb=4096 \
    -print_final_stats=1 -artifact_prefix="fuzz/artifacts/$t/" >"$log" 2>&1
  code=$?
  set -e
  took=$(($(date +%s) - start))
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  if [ "$code" -ne 0 ]; then
    status=1
    summary+=("$t: CRASH after ${execs:-?} executions, ${took}s (exit $code); see $log and fuzz/artifacts/$t/")
    grep -m5 -A15 'panicked\|ERROR: libFuzzer\|==ERROR' "$log" || tail -40 "$log"
  else
    summary+=("$t: ${execs:-?} executions in ${took}s, 0 crashes")
  fi
done

echo
echo "fuzz summary:"
for line in "${summary[@]}"; do
  echo "  $line"
done
exit "$status"
