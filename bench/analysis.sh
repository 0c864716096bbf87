#!/usr/bin/env bash
# Import + full analysis of the 10,000-stage / 15,050-flow file, natively and
# as wasm in Chromium, against graphology in the same Chromium: the workload
# of ../shared/bench, and ours written on graphology (bench/chainmap-graphology.js). Called by `scripts/bench.sh --analysis` (which prepares
# $SCRATCH: the harness copy, node_modules, the release build in dist/).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SCRATCH=${SCRATCH:-/tmp/chainmap-bench}
RUNS=${RUNS:-5}
export NODE_PATH="$SCRATCH/node_modules"
cd "$SCRATCH"
[ -d node_modules/esbuild ] || npm install --no-audit --no-fund esbuild >/dev/null
echo "export { DirectedGraph } from 'graphology'; export { stronglyConnectedComponents, connectedComponents } from 'graphology-components'; export { bfsFromNode } from 'graphology-traversal';" > graphology-entry.mjs
node_modules/.bin/esbuild graphology-entry.mjs --bundle --format=iife --global-name=GB --log-level=warning --outfile=bench/graphology.bundle.js
cp "$ROOT/bench/analysis.html" "$ROOT/bench/chainmap-graphology.js" bench/
node "$ROOT/bench/to-chainmap.js" bench/graphs/chain-10k.json > bench/graphs/chain-10k.chainmap.json
(cd "$ROOT" && cargo build --release --example analyse_file 2>/dev/null)
NATIVE="${CARGO_TARGET_DIR:-$ROOT/target}/release/examples/analyse_file"
echo "== import + analysis of chain-10k (10,000 stages, 15,050 flows)"
"$NATIVE" bench/graphs/chain-10k.chainmap.json --runs "$RUNS"
node "$ROOT/bench/run-analysis.js" --bench bench --dist dist --graph graphs/chain-10k.json \
  --map graphs/chain-10k.chainmap.json --runs "$RUNS"
