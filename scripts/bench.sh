#!/usr/bin/env bash
# Layout benchmark, on demand (not part of scripts/test.sh): our wasm
# `layout_json` against dagre (network simplex and tight-tree) and elkjs in
# the same headless Chromium, Graphviz dot natively, and our native build,
# on the standard graph set of ../shared/bench. Prints a table per graph and
# the geometric means of our time and crossings over each peer's; the raw
# JSON lines are kept in $SCRATCH/out/.
#
#   scripts/bench.sh [--quick] [--runs N] [--no-build] [--graphs "dag-100-s1 deep-1000-s1 …"]
#                    [--analysis]
#   scripts/bench.sh --ui [--runs N] [--no-build]          (UI only: no layout set)
#   scripts/bench.sh [--edit] [--drag] [--pan] [--tti] [--size] [--runs N] [--no-build]
#
#   --quick     dag-100-s1, dag-1000-s1 and deep-1000-s1 only
#   --runs N    measurements per tool and graph (default 3), each in a fresh page
#               (the first layout after load: what a user waits for)
#   --no-build  reuse $SCRATCH/dist from the previous run
#   --analysis  also import + analyse the 10,000-stage file (native and wasm)
#               against the graphology workload in the same Chromium
#               (bench/analysis.sh; esbuild is installed in SCRATCH to bundle it)
#   --ui        the UI benchmarks instead of the layout set (bench/ui/ui.sh), ours
#               in headless Chromium against the harness's peers, alternating:
#               --edit  select / rename a stage → next painted frame, 100/500/2,000 stages
#               --drag  drag a stage, 1,000 (vs run-drag.js `targeted`) and 5,000 (vs `cull`)
#               --pan   drag the background, same maps, vs a framework-free pan of the peer page
#               --tti   time to ready vs the React Flow peer and the Yew probe (4G, 4x CPU)
#               --size  .wasm + .js + .css raw / gzip / brotli vs React Flow + dagre, Yew probe
#               (--ui = all five; each flag alone runs only that part)
#
# Environment: SCRATCH (default /tmp/chainmap-bench) is where the shared
# harness is copied, the peers are installed (npm) and the release build goes;
# SHARED_BENCH (default ../shared/bench) is the harness to copy.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SCRATCH=${SCRATCH:-/tmp/chainmap-bench}
SHARED=${SHARED_BENCH:-$ROOT/../shared/bench}
RUNS=3
BUILD=1
ANALYSIS=0
UI_PARTS=""
GRAPHS="dag-100-s1 dag-100-s2 dag-100-s3 dag-1000-s1 dag-1000-s2 dag-1000-s3 deep-1000-s1 deep-1000-s2 deep-1000-s3 rnd-1000-s1 dag-5000-s1 deep-5000-s1"
while [ $# -gt 0 ]; do
  case $1 in
    --quick) GRAPHS="dag-100-s1 dag-1000-s1 deep-1000-s1";;
    --runs) RUNS=$2; shift;;
    --no-build) BUILD=0;;
    --graphs) GRAPHS=$2; shift;;
    --analysis) ANALYSIS=1;;
    --ui) UI_PARTS="edit drag pan tti size";;
    --edit|--drag|--pan|--tti|--size) UI_PARTS="$UI_PARTS ${1#--}";;
    *) sed -n 2,33p "$0"; exit 2;;
  esac
  shift
done
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# 1. A writable copy of the harness, and the peers it needs.
mkdir -p "$SCRATCH/out"
rm -rf "$SCRATCH/bench"
cp -r "$SHARED" "$SCRATCH/bench"
chmod -R u+w "$SCRATCH/bench"
rm -rf "$SCRATCH/bench/node_modules"
PW=$(node -p "require('$ROOT/node_modules/playwright-core/package.json').version")
if [ ! -d "$SCRATCH/node_modules/elkjs" ] || [ ! -d "$SCRATCH/node_modules/graphology-traversal" ]; then
  (cd "$SCRATCH" && { [ -f package.json ] || npm init -y >/dev/null; } &&
    npm install --no-audit --no-fund @dagrejs/dagre@3.1.3 elkjs@0.12.1 graphology@0.26.0 \
      graphology-components graphology-traversal "playwright-core@$PW" >/dev/null)
fi
if [ -n "$UI_PARTS" ] && [ ! -d "$SCRATCH/node_modules/@xyflow/react" ]; then
  # the React Flow peer, dagre for its size, and the binaryen the Yew probe's build uses
  BINARYEN=$(node -p "require('$ROOT/node_modules/binaryen/package.json').version")
  (cd "$SCRATCH" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund react@19 react-dom@19 @xyflow/react@12 \
    esbuild "binaryen@$BINARYEN" >/dev/null)
fi
export NODE_PATH="$SCRATCH/node_modules"

# 2. The release build (wasm) and the native example, same code.
if [ "$BUILD" = 1 ]; then
  (cd "$ROOT" && bash scripts/build-web.sh --dist "$SCRATCH/dist" >/dev/null)
fi
JS=$(cd "$SCRATCH/dist" && ls chainmap-web-*.js | head -1)
WASM=$(cd "$SCRATCH/dist" && ls chainmap-web-*_bg.wasm | head -1)
# wasm-bindgen's loader looks for the unhashed name next to the module when
# it is imported on its own (as the bench page does); Trunk hashes it.
ln -sf "$WASM" "$SCRATCH/dist/chainmap-web_bg.wasm"
(cd "$ROOT" && cargo build --release --example layout_graph 2>/dev/null)
NATIVE="$ROOT/target/release/examples/layout_graph"
[ -n "${CARGO_TARGET_DIR:-}" ] && NATIVE="$CARGO_TARGET_DIR/release/examples/layout_graph"

# UI benchmarks (bench/ui/ui.sh) instead of the layout set.
if [ -n "$UI_PARTS" ]; then
  SCRATCH="$SCRATCH" BENCH="$SCRATCH/bench" DIST="$SCRATCH/dist" RUNS="$RUNS" PARTS="$UI_PARTS" NATIVE="$NATIVE" \
    OUT="$SCRATCH/out/ui-$(date -u +%Y%m%dT%H%M%SZ).jsonl" bash "$ROOT/bench/ui/ui.sh"
  exit 0
fi

# 3. Each graph: the Chromium peers and ours round-robin in fresh pages, then dot and native.
OUT="$SCRATCH/out/layout-$(date -u +%Y%m%dT%H%M%SZ).jsonl"
cd "$SCRATCH/bench"
echo "{\"machine\":\"$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)\",\"cores\":$(nproc),\"load\":\"$(cut -d' ' -f1-3 /proc/loadavg)\",\"calibration\":$(node lib/calibrate.js),\"chromium\":\"$(chromium --version 2>/dev/null | head -1)\",\"dot\":\"$(dot -V 2>&1 | head -1)\",\"started\":\"$(date -u +%FT%TZ)\"}" >> "$OUT"
for g in $GRAPHS; do
  f="graphs/$g.json"
  [ -f "$f" ] || { echo "no graph $f" >&2; continue; }
  case $g in
    *-5000-*) tools="dagre-tt,elk";;   # dagre (network simplex) does not finish 5,000 nodes in the timeout
    *) tools="dagre,dagre-tt,elk";;
  esac
  echo "== $g ($tools, ours; $RUNS fresh runs each)" >&2
  node browser/run-layout.js "$f" --tools "$tools" --runs "$RUNS" --fresh --timeout-s 1200 \
    --cand-dir "$SCRATCH/dist" --cand-module "/cand/$JS" --cand-fn layout_json 2>/dev/null | grep '"tool"' >> "$OUT" || echo "   browser run failed" >&2
  node run-dot.js "$f" --runs "$RUNS" --out "$SCRATCH/out/dot-$g.json" >> "$OUT" || echo "   dot failed" >&2
  line=$("$NATIVE" "$f" --runs "$RUNS" --out "$SCRATCH/out/native-$g.json")
  score=$(node score-layout.js "$SCRATCH/out/native-$g.json" --graph "$f")
  node -e 'const a=JSON.parse(process.argv[1]),b=JSON.parse(process.argv[2]);console.log(JSON.stringify(Object.assign(b,a,{tool:"chainmap-native"})))' "$line" "$score" >> "$OUT"
done
cd "$ROOT"
echo
head -1 "$OUT"
node bench/summary.js "$OUT"
echo
echo "raw results: $OUT"
if [ "$ANALYSIS" = 1 ]; then
  echo
  SCRATCH="$SCRATCH" RUNS="$RUNS" bash "$ROOT/bench/analysis.sh" | tee -a "$OUT"
fi
