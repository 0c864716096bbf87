#!/usr/bin/env node
'use strict';
// Summarises a layout benchmark run of scripts/bench.sh (JSON lines from the
// shared harness's browser/run-layout.js and run-dot.js, plus the native
// example's lines): a table per graph, then the geometric means of our
// time and crossings over each peer's, and the goals.
//   node bench/summary.js OUT.jsonl [--md]
const fs = require('fs');
const args = process.argv.slice(2);
const md = args.includes('--md');
const file = args.find(a => !a.startsWith('--'));
if (!file) { console.error('usage: summary.js OUT.jsonl [--md]'); process.exit(2); }
const rows = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean)
  .map(l => { try { return JSON.parse(l); } catch (e) { return null; } }).filter(r => r && r.tool && r.graph);
const short = t => String(t)
  .replace(/^cand@chromium.*/, 'ours-wasm').replace(/^chainmap-native.*/, 'ours-native')
  .replace(/^dagre-tt@chromium.*/, 'dagre-tt').replace(/^dagre@chromium.*/, 'dagre')
  .replace(/^elk@chromium.*/, 'elk').replace(/^graphviz-dot.*/, 'dot');
const byGraph = new Map();
for (const r of rows) {
  const g = r.graph || '?';
  if (!byGraph.has(g)) byGraph.set(g, new Map());
  byGraph.get(g).set(short(r.tool), r);
}
const peers = ['dagre', 'dagre-tt', 'elk', 'dot'];
const f = (x, d = 1) => (x === undefined || x === null || Number.isNaN(x)) ? '-' : x.toFixed(d);
const sep = md ? ' | ' : '  ';
const out = [];
const row = cells => out.push(md ? '| ' + cells.join(' | ') + ' |' : cells.join(sep));
row(['graph', 'tool', 'median_ms', 'cold_ms', 'crossings', 'overlaps', 'ours/tool time', 'ours/tool crossings']);
if (md) row(['---', '---', '---:', '---:', '---:', '---:', '---:', '---:']);
const geo = new Map(); // peer -> {t: [], x: []}
const goals = [];
const order = g => { const m = g.match(/(\d+)/); return (m ? +m[1] : 0) * 10 + (g.startsWith('deep') ? 1 : g.startsWith('rnd') ? 2 : 0); };
for (const g of [...byGraph.keys()].sort((a, b) => order(a) - order(b) || a.localeCompare(b))) {
  const tools = byGraph.get(g);
  const ours = tools.get('ours-wasm');
  for (const t of ['ours-wasm', 'ours-native', ...peers]) {
    const r = tools.get(t);
    if (!r) continue;
    let tr = '-', xr = '-';
    if (ours && t !== 'ours-wasm' && t !== 'ours-native' && r.median_ms > 0) {
      const timeRatio = ours.median_ms / r.median_ms;
      const crossRatio = (ours.crossings_routed + 1) / (r.crossings_routed + 1);
      tr = f(timeRatio, 3); xr = f(crossRatio, 3);
      if (!geo.has(t)) geo.set(t, { t: [], x: [] });
      geo.get(t).t.push(timeRatio); geo.get(t).x.push(crossRatio);
    }
    row([g, t, f(r.median_ms), f(r.cold_ms), String(r.crossings_routed ?? '-'), String(r.node_overlaps ?? '-'), tr, xr]);
  }
  const n = (ours && (ours.n || +((g.match(/-(\d+)-/) || [])[1]))) || 0;
  if (ours) {
    const tt = tools.get('dagre-tt'), d = tools.get('dagre'), elk = tools.get('elk');
    if (n === 100) goals.push([g, '100 stages < 16 ms in Chromium', f(ours.median_ms) + ' ms', ours.median_ms < 16]);
    if (n === 1000 && tt) goals.push([g, 'time <= 0.15 x dagre-tt', f(ours.median_ms / tt.median_ms, 3), ours.median_ms <= 0.15 * tt.median_ms]);
    if (n === 1000 && d) goals.push([g, 'crossings <= 0.6 x dagre', f((ours.crossings_routed + 1) / (d.crossings_routed + 1), 3), ours.crossings_routed <= 0.6 * d.crossings_routed]);
    const dot = tools.get('dot');
    if (n === 1000 && dot) goals.push([g, 'stretch: crossings <= 1.25 x dot', f((ours.crossings_routed + 1) / (dot.crossings_routed + 1), 3), ours.crossings_routed <= 1.25 * dot.crossings_routed]);
    if (n === 5000 && elk) goals.push([g, 'time <= 0.5 x elk', f(ours.median_ms / elk.median_ms, 3), ours.median_ms <= 0.5 * elk.median_ms]);
    goals.push([g, '0 overlaps', String(ours.node_overlaps), ours.node_overlaps === 0]);
  }
}
const gm = xs => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
console.log(out.join('\n'));
console.log('');
console.log(md ? '| peer | graphs | time ours/peer (geo-mean) | crossings ours/peer (geo-mean) |\n| --- | ---: | ---: | ---: |'
  : 'geometric means over the graphs where both ran (ours = the wasm layout_json in the same Chromium; dot runs natively):');
for (const p of peers) {
  const v = geo.get(p);
  if (!v) continue;
  const cells = [p, String(v.t.length), f(gm(v.t), 3), f(gm(v.x), 3)];
  console.log(md ? '| ' + cells.join(' | ') + ' |' : '  vs ' + cells[0].padEnd(9) + ' n=' + cells[1] + '  time ' + cells[2] + '  crossings ' + cells[3]);
}
console.log('');
console.log(md ? '| graph | goal | measured | met |\n| --- | --- | ---: | --- |' : 'goals:');
for (const [g, what, val, ok] of goals) {
  console.log(md ? `| ${g} | ${what} | ${val} | ${ok ? 'yes' : '**no**'} |` : `  ${ok ? 'ok  ' : 'MISS'} ${g.padEnd(18)} ${what.padEnd(34)} ${val}`);
}
