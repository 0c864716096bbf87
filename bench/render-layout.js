#!/usr/bin/env node
'use strict';
// Draws a bench layout file ({nodes:[{id,x,y,w,h}], edges:[{source,target,points}]},
// x,y = centre) as SVG, to look at a layout:  node bench/render-layout.js L.json > L.svg
const fs = require('fs');
const L = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
let minx = Infinity, miny = Infinity, maxx = -Infinity, maxy = -Infinity;
for (const n of L.nodes) {
  minx = Math.min(minx, n.x - n.w / 2); maxx = Math.max(maxx, n.x + n.w / 2);
  miny = Math.min(miny, n.y - n.h / 2); maxy = Math.max(maxy, n.y + n.h / 2);
}
const pad = 20, W = maxx - minx + 2 * pad, H = maxy - miny + 2 * pad;
const out = [`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="${minx - pad} ${miny - pad} ${W} ${H}">`,
  '<rect x="-1e6" y="-1e6" width="2e6" height="2e6" fill="white"/>'];
for (const e of L.edges) {
  const p = e.points || [];
  if (p.length < 2) continue;
  out.push(`<polyline fill="none" stroke="#567" stroke-width="1" points="${p.map(q => q.join(',')).join(' ')}"/>`);
}
for (const n of L.nodes) {
  out.push(`<rect x="${n.x - n.w / 2}" y="${n.y - n.h / 2}" width="${n.w}" height="${n.h}" rx="4" fill="#eef" stroke="#335"/>`);
  out.push(`<text x="${n.x}" y="${n.y + 4}" font-size="11" text-anchor="middle" font-family="sans-serif">${n.id}</text>`);
}
out.push('</svg>');
process.stdout.write(out.join('\n') + '\n');
