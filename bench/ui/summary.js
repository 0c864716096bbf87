#!/usr/bin/env node
'use strict';
// Table and summary of the UI benchmarks (bench/ui/ui.sh's JSON lines): the
// median of each figure over the rounds, ours and the peer measured in the
// same run, and ours ÷ peer.
//   node bench/ui/summary.js OUT.jsonl
const fs = require('fs');
const lines = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
const med = (xs) => {
  const s = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (x, d = 1) => (x === null || x === undefined ? '-' : Number(x).toFixed(d));
const ratio = (a, b) => (a === null || b === null || !b ? null : a / b);
const pick = (part, n, who) => lines.filter((l) => l.part === part && (n === undefined || l.n === n) && l.who === who);
const m = (rows, k) => med(rows.map((r) => r[k]));

const machine = lines.find((l) => l.part === 'machine');
if (machine) console.log(`machine: ${machine.machine}, ${machine.cores} cores, load ${machine.load}, calibration ${machine.calibration} ms, ${machine.chromium}, ${machine.started}`);
const rows = [];
const goals = [];
const row = (what, unit, ours, peer, peerName, better, runs) => {
  const r = ratio(ours, peer);
  rows.push({ what, unit, ours, peer, peerName, r, better, runs });
  return r;
};

// Edit → painted frame
for (const n of [100, 500, 2000]) {
  const o = pick('edit', n, 'ours'), p = pick('edit', n, 'peer');
  if (!o.length) continue;
  row(`select a card, ${n} stages`, 'ms', m(o, 'select_to_paint_ms'), m(p, 'select_to_paint_ms'), 'svg-drag page', 'lower', `${o.length}/${p.length}`);
  row(`rename a stage, ${n} stages`, 'ms', m(o, 'edit_to_paint_ms'), m(p, 'edit_to_paint_ms'), 'svg-drag page', 'lower', `${o.length}/${p.length}`);
}
// Drag and pan
for (const part of ['drag', 'pan']) {
  for (const n of [1000, 5000]) {
    const o = pick(part, n, 'ours'), p = pick(part, n, 'peer');
    if (!o.length) continue;
    const mode = (p[0] && p[0].mode) || (n === 1000 ? 'targeted' : 'cull');
    const name = `${mode} peer`;
    const fr = row(`${part} fps, ${n} stages`, 'fps', m(o, 'fps'), m(p, 'fps'), name, 'higher', `${o.length}/${p.length}`);
    row(`${part} p95 frame, ${n} stages`, 'ms', m(o, 'p95_frame_ms'), m(p, 'p95_frame_ms'), name, 'lower', `${o.length}/${p.length}`);
    row(`${part} max frame, ${n} stages`, 'ms', m(o, 'max_frame_ms'), m(p, 'max_frame_ms'), name, 'lower', `${o.length}/${p.length}`);
    row(`${part} janky frames, ${n} stages`, 'frames', m(o, 'janky_frames'), m(p, 'janky_frames'), name, 'lower', `${o.length}/${p.length}`);
    row(`${part} LoAF blocking, ${n} stages`, 'ms', m(o, 'loaf_blocking_ms'), m(p, 'loaf_blocking_ms'), name, 'lower', `${o.length}/${p.length}`);
    if (part === 'drag') {
      row(`drop (the move edit) → paint, ${n} stages`, 'ms', m(o, 'drop_to_paint_ms'), 1000 / 60, 'one frame (16.7 ms)', 'lower', `${o.length}`);
      const goal = n === 1000 ? 0.97 : 0.95;
      goals.push([`drag at ${n.toLocaleString('en')} stages ≥ ${goal} × the ${mode} peer's fps`, fr, goal, 'min']);
    }
    if (part === 'pan') goals.push([`pan at ${n.toLocaleString('en')} stages (no goal in the issue; shown against the drag goal ${n === 1000 ? 0.97 : 0.95} × the framework-free pan's fps)`, fr, n === 1000 ? 0.97 : 0.95, 'min']);
  }
}
// Time to ready
const tti = lines.filter((l) => l.part === 'tti');
const ours = tti.find((l) => /chainmap/.test(l.page));
const react = tti.find((l) => /react/.test(l.page));
const yew = tti.find((l) => /\/yew\//.test(l.page));
if (ours && react) {
  const r = row(`time to ready (4G, 4× CPU, ${ours.runs} runs)`, 'ms', ours.ready_ms, react.ready_ms, 'React Flow peer', 'lower', `${ours.runs}/${react.runs}`);
  row('first contentful paint (4G, 4× CPU)', 'ms', ours.fcp_ms, react.fcp_ms, 'React Flow peer', 'lower', `${ours.runs}/${react.runs}`);
  row('bytes transferred (gzip on the wire)', 'B', ours.transfer_bytes, react.transfer_bytes, 'React Flow peer', 'lower', '1/1');
  if (yew) {
    row('time to ready (4G, 4× CPU)', 'ms', ours.ready_ms, yew.ready_ms, 'Yew probe', 'lower', `${ours.runs}/${yew.runs}`);
    row('bytes transferred (gzip on the wire)', 'B', ours.transfer_bytes, yew.transfer_bytes, 'Yew probe', 'lower', '1/1');
  }
  goals.push(['time to ready ≤ 0.6 × the React Flow peer page (4G + 4× CPU)', r, 0.6, 'max']);
}
// Size
const size = (who) => lines.find((l) => l.part === 'size' && l.who === who);
const so = size('ours');
if (so) {
  for (const [who, name] of [['react+dagre', 'React Flow + dagre'], ['react', 'React Flow (no dagre)'], ['yew-probe', 'Yew probe']]) {
    const sp = size(who);
    if (!sp) continue;
    row('.wasm + .js + .css, gzip -9', 'B', so.gz, sp.gz, name, 'lower', '-');
    if (who === 'react+dagre') {
      row('.wasm + .js + .css, raw', 'B', so.raw, sp.raw, name, 'lower', '-');
      row('.wasm + .js + .css, brotli', 'B', so.br, sp.br, name, 'lower', '-');
    }
  }
  goals.push(['size ≤ 150 KB gzipped (React Flow + dagre stack), aim 113 KB', so.gz / 1000 <= 150 ? 1 : 0, 1, 'flag', `${fmt(so.gz / 1000, 1)} KB`]);
}

console.log('\n| figure | ours | peer | peer is | ours/peer | runs (ours/peer) |');
console.log('| --- | ---: | ---: | --- | ---: | ---: |');
for (const r of rows) {
  const d = r.unit === 'B' || r.unit === 'frames' ? 0 : 1;
  console.log(`| ${r.what} (${r.unit}, ${r.better} is better) | ${fmt(r.ours, d)} | ${fmt(r.peer, d)} | ${r.peerName} | ${fmt(r.r, 2)} | ${r.runs} |`);
}
console.log('\nGoals (issue 4):');
for (const [what, r, goal, kind, note] of goals) {
  let ok;
  if (kind === 'flag') ok = r === 1;
  else ok = r !== null && (kind === 'min' ? r >= goal : r <= goal);
  const by = kind === 'flag' ? note : r === null ? 'not measured' : `ours/peer ${fmt(r, 3)} (goal ${kind === 'min' ? '≥' : '≤'} ${goal})`;
  console.log(`- ${ok ? 'MET   ' : 'MISSED'} ${what}: ${by}`);
}
