#!/usr/bin/env bash
# UI benchmarks (called by scripts/bench.sh --ui | --edit --drag --pan --tti --size):
# our release build in headless Chromium against the shared harness's
# framework-free peer page (browser/svg-drag.html, the page of
# browser/run-drag.js), its React Flow peer (bundle/react-flow-peer) and its
# Yew probe, ours and the peer alternating, RUNS rounds each, fresh browser per
# measurement. Appends JSON lines to $OUT and prints bench/ui/summary.js.
#
# Environment (set by scripts/bench.sh): SCRATCH, BENCH (the writable harness
# copy), DIST (trunk build --release output), RUNS (default 3), PARTS (any of
# "edit drag pan tti size"), NATIVE (examples/layout_graph binary), OUT.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
UI="$ROOT/bench/ui"
RUNS=${RUNS:-3}
PARTS=${PARTS:-"edit drag pan tti size"}
OUT=${OUT:-$SCRATCH/out/ui-$(date -u +%Y%m%dT%H%M%SZ).jsonl}
CAND="$SCRATCH/cand"
mkdir -p "$SCRATCH/out"
NM="$SCRATCH/node_modules"
has() { case " $PARTS " in *" $1 "*) return 0;; *) return 1;; esac; }
tag() { node -e 'const t=JSON.parse(process.argv[1]);require("readline").createInterface({input:process.stdin}).on("line",l=>{l=l.trim();if(l.startsWith("{"))console.log(JSON.stringify(Object.assign({},t,JSON.parse(l))))})' "$1"; }

# The Yew probe (Yew 0.23 + petgraph + serde_json, size profile, wasm-opt -Oz),
# built once with the harness's bundle/build-peers.sh and kept in $SCRATCH/peers
# (needs a wasm-bindgen CLI equal to the probe's Cargo.lock: 0.2.130).
mkdir -p "$SCRATCH/peers"
if { has size || has tti; } && [ ! -f "$SCRATCH/peers/yew/app_bg.wasm" ]; then
  echo "== building the Yew probe (once)" >&2
  if (cd "$BENCH/bundle" && CARGO_TARGET_DIR="$SCRATCH/tgt-probe" CARGO_NET_OFFLINE=true NODE_PATH="$NM" \
      WASM_BINDGEN="${WASM_BINDGEN:-$(command -v wasm-bindgen)}" bash build-peers.sh >"$SCRATCH/out/build-peers.log" 2>&1); then
    cp -r "$BENCH/bundle/dist/yew" "$BENCH/bundle/dist/yewmin" "$SCRATCH/peers/"
  else
    echo "   the Yew probe did not build (see $SCRATCH/out/build-peers.log); it is left out" >&2
  fi
fi

# Our build under /cand/chainmap/, the React Flow peer under /cand/react/.
node "$UI/prepare-cand.js" "$DIST" "$CAND"
mkdir -p "$CAND/react" "$SCRATCH/maps"
"$NM/.bin/esbuild" "$BENCH/bundle/react-flow-peer/app.jsx" --bundle --minify --format=esm \
  --define:process.env.NODE_ENV='"production"' --outdir="$CAND/react" --loader:.css=css --log-level=warning
printf '<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="app.css"></head><body><div id="root"></div><script type="module" src="app.js"></script></body></html>\n' > "$CAND/react/index.html"
# dagre, minified the same way, for the React Flow + dagre stack's size
"$NM/.bin/esbuild" "$NM/@dagrejs/dagre/dist/dagre.esm.js" --bundle --minify --format=esm --outfile="$SCRATCH/peers/dagre.min.js" --log-level=warning

# Graphs (seeded, as the harness makes them), their chainmap files (no
# positions: the app lays them out on load) and, for the peer page, our
# native layout of the same graph.
for n in 500 2000; do [ -f "$BENCH/graphs/dag-$n-s1.json" ] || (cd "$BENCH" && node gen-dag.js --n $n --seed 1 --out graphs/dag-$n-s1.json); done
for g in dag-100-s1 dag-500-s1 dag-2000-s1 deep-1000-s1 deep-5000-s1; do
  node "$ROOT/bench/to-chainmap.js" "$BENCH/graphs/$g.json" > "$SCRATCH/maps/$g.chainmap.json"
  "$NATIVE" "$BENCH/graphs/$g.json" --out "$BENCH/out/ours-$g.json" >/dev/null
done
page() { node "$UI/run-page.js" --bench "$BENCH" --cand "$CAND" "$@"; }
echo "{\"part\":\"machine\",\"machine\":\"$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)\",\"cores\":$(nproc),\"load\":\"$(cut -d' ' -f1-3 /proc/loadavg)\",\"calibration\":$(cd "$BENCH" && node lib/calibrate.js),\"chromium\":\"$(chromium --version 2>/dev/null | head -1)\",\"started\":\"$(date -u +%FT%TZ)\"}" >> "$OUT"

# 1. Edit → next painted frame (select a card; rename it), 100 / 500 / 2,000 stages.
if has edit; then
  for g in dag-100-s1 dag-500-s1 dag-2000-s1; do
    n=${g#dag-}; n=${n%-s1}
    echo "== edit $g ($RUNS rounds, ours and the peer page alternating)" >&2
    for r in $(seq "$RUNS"); do
      page --page ours --map "$SCRATCH/maps/$g.chainmap.json" --gesture edit --tag "{\"part\":\"edit\",\"n\":$n,\"who\":\"ours\"}" >> "$OUT" || echo "   ours failed" >&2
      page --page peer --layout "$BENCH/out/ours-$g.json" --mode targeted --gesture edit --tag "{\"part\":\"edit\",\"n\":$n,\"who\":\"peer\"}" >> "$OUT" || echo "   peer failed" >&2
    done
  done
fi

# 2. Drag a stage: 1,000 stages vs the `targeted` peer, 5,000 vs `cull`
#    (the peer is the harness's own browser/run-drag.js, unchanged).
if has drag; then
  for spec in deep-1000-s1:targeted deep-5000-s1:cull; do
    g=${spec%%:*}; mode=${spec#*:}; n=${g#deep-}; n=${n%-s1}
    echo "== drag $g (vs $mode; $RUNS rounds)" >&2
    for r in $(seq "$RUNS"); do
      page --page ours --map "$SCRATCH/maps/$g.chainmap.json" --gesture drag --tag "{\"part\":\"drag\",\"n\":$n,\"who\":\"ours\"}" >> "$OUT" || echo "   ours failed" >&2
      (cd "$BENCH" && node browser/run-drag.js --layout "out/ours-$g.json" --mode "$mode") | tag "{\"part\":\"drag\",\"n\":$n,\"who\":\"peer\",\"mode\":\"$mode\"}" >> "$OUT" || echo "   peer failed" >&2
    done
  done
fi

# 3. Pan (drag the background): the peer page with a framework-free pan (its viewBox).
if has pan; then
  for spec in deep-1000-s1:targeted deep-5000-s1:cull; do
    g=${spec%%:*}; mode=${spec#*:}; n=${g#deep-}; n=${n%-s1}
    echo "== pan $g (vs $mode; $RUNS rounds)" >&2
    for r in $(seq "$RUNS"); do
      page --page ours --map "$SCRATCH/maps/$g.chainmap.json" --gesture pan --tag "{\"part\":\"pan\",\"n\":$n,\"who\":\"ours\"}" >> "$OUT" || echo "   ours failed" >&2
      page --page peer --layout "$BENCH/out/ours-$g.json" --mode "$mode" --gesture pan --tag "{\"part\":\"pan\",\"n\":$n,\"who\":\"peer\",\"mode\":\"$mode\"}" >> "$OUT" || echo "   peer failed" >&2
    done
  done
  # What the drag looks like half-way (not timed): $SCRATCH/out/drag-*.png
  for g in deep-1000-s1 deep-5000-s1; do
    page --page ours --map "$SCRATCH/maps/$g.chainmap.json" --gesture drag --shot "$SCRATCH/out/drag-$g.png" >/dev/null || true
  done
fi

# 4. Size: .wasm + .js + .css of the release build, raw / gzip -9 / brotli.
if has size; then
  sz() { node "$BENCH/bundle/sizes.js" "$@" | tail -1; }
  (cd "$CAND/chainmap" && sz chainmap-web-*_bg.wasm chainmap-web-*.js app-*.css) | tag '{"part":"size","who":"ours"}' >> "$OUT"
  sz "$CAND/react/app.js" "$CAND/react/app.css" "$SCRATCH/peers/dagre.min.js" | tag '{"part":"size","who":"react+dagre"}' >> "$OUT"
  sz "$CAND/react/app.js" "$CAND/react/app.css" | tag '{"part":"size","who":"react"}' >> "$OUT"
  if [ -f "$SCRATCH/peers/yew/app_bg.wasm" ]; then
    sz "$SCRATCH/peers/yew/app_bg.wasm" "$SCRATCH/peers/yew/app.js" | tag '{"part":"size","who":"yew-probe"}' >> "$OUT"
  fi
fi

# 5. Time to ready under the harness's 4G + 4x CPU throttle, pages interleaved.
#    Ours: the first screen with fresh storage (the example map: 6 stage cards
#    and 5 flows); the React Flow peer: its 50 nodes; the Yew probe: 50 "svg g".
if has tti; then
  pages="/cand/chainmap/index.html,/cand/react/index.html"
  ready='document.querySelectorAll("g.stage").length>=6&&document.querySelectorAll("svg.chain .flow").length>=5;;document.querySelectorAll(".react-flow__node").length>=50'
  if [ -f "$SCRATCH/peers/yew/app_bg.wasm" ]; then
    rm -rf "$CAND/yew"; cp -r "$SCRATCH/peers/yew" "$CAND/yew"
    pages="$pages,/cand/yew/index.html"; ready="$ready;;document.querySelectorAll(\"svg g\").length>=50"
  fi
  echo "== time to ready (4g, cpu 4, $((RUNS * 3)) runs each)" >&2
  (cd "$BENCH" && node browser/run-tti.js --cand-dir "$CAND" --pages "$pages" --ready "$ready" --net 4g --cpu 4 --runs $((RUNS * 3))) \
    | tag '{"part":"tti"}' >> "$OUT" || echo "   tti failed" >&2
fi

node "$UI/summary.js" "$OUT"
echo
echo "raw results: $OUT"
