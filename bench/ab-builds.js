#!/usr/bin/env node
'use strict';
// Two release builds side by side (e.g. before and after a build flag): each
// round opens a fresh page of each, A and B alternating, and times
// layout_json on four bench graphs (the first call in the page) and
// analyse_json of the 10,000-stage map (warm, mean of 5). Prints medians
// and B/A.
//   node bench/ab-builds.js DIST_A DIST_B [ROUNDS] [SCRATCH]
// SCRATCH (default /tmp/chainmap-bench) holds bench/graphs/chain-10k.chainmap.json,
// which `bash bench/analysis.sh` makes.
const { chromium } = require('playwright-core');
const http = require('http'), fs = require('fs'), path = require('path');
const [A, B, R] = [process.argv[2], process.argv[3], +(process.argv[4] || 5)];
const SCRATCH = process.argv[5] || '/tmp/chainmap-bench';
function serve(dir, port) { return http.createServer((q, s) => { const f = path.join(dir, decodeURIComponent(q.url.split('?')[0])); if (!fs.existsSync(f) || fs.statSync(f).isDirectory()) { s.writeHead(200, {'content-type':'text/html'}); return s.end('<!doctype html><p>x'); } s.writeHead(200, { 'content-type': f.endsWith('.wasm') ? 'application/wasm' : f.endsWith('.js') ? 'text/javascript' : 'application/octet-stream' }); fs.createReadStream(f).pipe(s); }).listen(port); }
const graphs = ['dag-1000-s1', 'rnd-1000-s1', 'deep-1000-s1', 'dag-5000-s1'].map(g => [g, fs.readFileSync(path.join(__dirname, '..', '..', 'shared', 'bench', 'graphs', `${g}.json`), 'utf8')]);
const mapFile = path.join(SCRATCH, 'bench', 'graphs', 'chain-10k.chainmap.json');
if (!fs.existsSync(mapFile)) {
  console.error(`ab-builds: no ${mapFile}; run \`SCRATCH=${SCRATCH} bash bench/analysis.sh\` first (it makes the map)`);
  process.exit(2);
}
const map = fs.readFileSync(mapFile, 'utf8');
(async () => {
  serve(A, 8201); serve(B, 8202);
  const br = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  const res = {};
  for (let r = 0; r < R; r++) for (const [port, name] of (r % 2 ? [[8202, 'B'], [8201, 'A']] : [[8201, 'A'], [8202, 'B']])) {
    const dir = port === 8201 ? A : B;
    const js = fs.readdirSync(dir).find(f => /^chainmap-web-.*\.js$/.test(f));
    const page = await br.newPage();
    await page.goto(`http://127.0.0.1:${port}/x.html`);
    const t = await page.evaluate(async ({ js, graphs, map }) => {
      const m = await import('/' + js); await m.default();
      const out = {};
      for (const [g, s] of graphs) { const t0 = performance.now(); m.layout_json(s); out[g] = performance.now() - t0; }
      m.analyse_json(map); const t0 = performance.now(); for (let i = 0; i < 5; i++) m.analyse_json(map); out.analyse = (performance.now() - t0) / 5;
      return out;
    }, { js, graphs, map });
    await page.close();
    for (const k in t) ((res[k] ||= { A: [], B: [] })[name]).push(t[k]);
  }
  await br.close();
  const med = a => a.sort((x, y) => x - y)[a.length >> 1];
  for (const k in res) console.log(k.padEnd(14), 'A', med(res[k].A).toFixed(1), 'B', med(res[k].B).toFixed(1), 'B/A', (med(res[k].B) / med(res[k].A)).toFixed(3));
  process.exit(0);
})();
