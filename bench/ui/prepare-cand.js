#!/usr/bin/env node
'use strict';
// Puts our release build under CAND/chainmap/ so that the shared harness's
// server (which serves a candidate directory under /cand/) can serve it next
// to the peers (CAND/react/ …): the files are copied as they are; only
// index.html's absolute references ("/chainmap-web-….js") get the
// /cand/chainmap prefix, and its Content-Security-Policy is written again by
// our own Trunk hook (scripts/csp.py), since the inline loader's hash changes
// with the paths. Trunk's --public-url would do the same at build time.
//   node bench/ui/prepare-cand.js DIST CAND
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const [dist, cand] = process.argv.slice(2);
const out = path.join(cand, 'chainmap');
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
for (const f of fs.readdirSync(dist)) {
  const src = path.join(dist, f);
  if (fs.lstatSync(src).isSymbolicLink() || fs.statSync(src).isDirectory()) continue; // chainmap-web_bg.wasm: a bench-only link
  fs.copyFileSync(src, path.join(out, f));
}
const index = path.join(out, 'index.html');
let html = fs.readFileSync(index, 'utf8');
const names = fs.readdirSync(out).filter((f) => f !== 'index.html');
// Quoted in the loader script; unquoted attributes (`href=/app-….css`) in a minified page.
for (const n of names) {
  html = html.split("'/" + n + "'").join("'/cand/chainmap/" + n + "'").split('"/' + n + '"').join('"/cand/chainmap/' + n + '"');
  html = html.split('=/' + n).join('=/cand/chainmap/' + n);
}
fs.writeFileSync(index, html);
execFileSync('python3', [path.join(__dirname, '..', '..', 'scripts', 'csp.py'), out], { stdio: ['ignore', 'ignore', 'inherit'] });
const left = (fs.readFileSync(index, 'utf8').match(/["'=]\/(?!cand\/)[^"'\s>]+\.(js|wasm|css|svg)/g) || []);
if (left.length) { console.error('prepare-cand: unprefixed references left: ' + left.join(' ')); process.exit(1); }
