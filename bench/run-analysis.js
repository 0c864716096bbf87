#!/usr/bin/env node
'use strict';
// Import + analysis of a 10,000-stage map in headless Chromium: chainmap's
// wasm `analyse_json` against two graphology baselines, each measurement in
// a fresh page (the first run after load), tools alternating:
//   graphology       the shared bench's workload on its graph file (1 MB);
//   graphology-full  our workload, the same file (3 MB), the same rules, gaps,
//                    coverage and reaches (bench/chainmap-graphology.js); its
//                    counts must equal ours, or the run fails.
// Run from bench/analysis.sh, which prepares the files.
//   node bench/run-analysis.js --bench SCRATCH/bench --dist DIST --graph graphs/chain-10k.json
//        --map graphs/chain-10k.chainmap.json [--runs 5] [--repeat 5]
// Each fresh page runs the workload `repeat` times: the first call is
// reported as `fresh` (V8 runs new code in its baseline tiers), the median of
// the later calls as `warm` (the shared harness's method: the median of
// runs in one process).
const path = require('path');
const args = process.argv.slice(2);
const opt = (k, d) => { const i = args.indexOf('--' + k); return i >= 0 ? args[i + 1] : d; };
const bench = path.resolve(opt('bench'));
const dist = path.resolve(opt('dist'));
const runs = +opt('runs', 5);
const repeat = Math.max(1, +opt('repeat', 5));
const { chromium } = require('playwright-core');
const med = a => { const s = a.slice().sort((x, y) => x - y); return Math.round(s[s.length >> 1] * 100) / 100; };
const { start, chromiumArgs, nodeModulesDir } = require(path.join(bench, 'browser', 'serve'));
(async () => {
  const js = require('fs').readdirSync(dist).find(f => /^chainmap-web-.*\.js$/.test(f));
  const { srv, base } = await start({ nm: nodeModulesDir(''), candDir: dist });
  const browser = await chromium.launch({ executablePath: opt('chromium', '/usr/bin/chromium'), args: chromiumArgs().concat(process.env.CHROMIUM_EXTRA ? process.env.CHROMIUM_EXTRA.split(' ') : []) });
  const TOOLS = ['ours', 'graphology', 'graphology-full'];
  const times = Object.fromEntries(TOOLS.map(t => [t, []]));
  const warm = Object.fromEntries(TOOLS.map(t => [t, []]));
  const results = {};
  try {
    for (let k = 0; k < runs; k++) {
      for (let j = 0; j < TOOLS.length; j++) {
        const tool = TOOLS[(k + j) % TOOLS.length];
        const page = await browser.newPage();
        await page.goto(base + '/bt/analysis.html');
        await page.waitForFunction(() => typeof window.runAnalysis === 'function');
        const r = await page.evaluate(o => window.runAnalysis(o),
          { tool, graphUrl: '/bt/' + opt('graph'), mapUrl: '/bt/' + opt('map'), candModule: '/cand/' + js, repeat });
        times[tool].push(r.ms[0]); results[tool] = r.results;
        if (r.ms.length > 1) warm[tool].push(med(r.ms.slice(1)));
        await page.close();
      }
    }
  } finally { await browser.close(); srv.close(); }
  // The same workload gives the same answers.
  const sorted = o => JSON.stringify(Object.entries(o || {}).sort());
  const same = ['stages', 'flows', 'gaps', 'mean_upstream', 'mean_downstream'];
  const ours = results.ours || {}, full = results['graphology-full'] || {};
  const differ = same.filter(k => ours[k] !== full[k]).concat(sorted(ours.by_code) === sorted(full.by_code) ? [] : ['by_code']);
  if (differ.length) { console.error(`graphology-full and ours disagree on ${differ.join(', ')}:\n ours ${JSON.stringify(ours)}\n full ${JSON.stringify(full)}`); process.exitCode = 1; }
  for (const t of TOOLS) {
    console.log(JSON.stringify({ tool: t + '@chromium:fresh', graph: path.basename(opt('graph')), runs, median_ms: med(times[t]), min_ms: Math.round(Math.min(...times[t]) * 100) / 100, results: results[t] }));
    if (warm[t].length) console.log(JSON.stringify({ tool: t + '@chromium:warm', graph: path.basename(opt('graph')), runs, repeat, median_ms: med(warm[t]), min_ms: Math.round(Math.min(...warm[t]) * 100) / 100 }));
  }
  const ratio = (a, b) => Math.round(med(a) / med(b) * 1000) / 1000;
  for (const peer of ['graphology', 'graphology-full']) {
    console.log(JSON.stringify({ ratio: 'ours/' + peer, fresh: ratio(times.ours, times[peer]), warm: warm.ours.length ? ratio(warm.ours, warm[peer]) : null }));
  }
})().catch(e => { console.error(e); process.exit(1); });
