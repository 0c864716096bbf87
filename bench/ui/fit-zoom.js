#!/usr/bin/env node
'use strict';
// Zooming out on a big map, in a fresh headless Chromium (1280 × 800): the
// map is opened the way a user does (toolbar "Open file"), then, `--rounds`
// times: "Fit to view", four "Zoom in" and four "Zoom out" clicks. Each
// figure is the time from the click to a task after the next frame (the
// frame painted), in ms: the median and the largest of each kind.
//
//   node bench/ui/fit-zoom.js --url http://127.0.0.1:8097/ --map M.chainmap.json [--rounds 3]
//
// Serve a release build first (e.g. `python3 -m http.server 8097 -d dist`).
// Prints one JSON line: fit / zoom_in / zoom_out {median, max}, the zoom
// the map fits at, and how many stage cards the fitted view draws.
const { chromium } = require('playwright');

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const url = opt('url', 'http://127.0.0.1:8097/');
const map = opt('map');
const rounds = Number(opt('rounds', 3));
if (!map) {
  console.error('usage: fit-zoom.js --url URL --map M.chainmap.json [--rounds 3]');
  process.exit(2);
}

(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${url}?lang=en`);
  await page.waitForSelector('g.stage');
  const title = await page.locator('h1').textContent();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open file' }).click()]);
  await chooser.setFiles(map);
  await page.waitForFunction((t) => document.querySelector('h1').textContent !== t, title);
  await page.waitForTimeout(1500);
  const timed = (sel) =>
    page.evaluate(
      (sel) =>
        new Promise((done) => {
          const t = performance.now();
          document.querySelector(sel).click();
          requestAnimationFrame(() => setTimeout(() => done(performance.now() - t), 0));
        }),
      sel,
    );
  const out = { fit: [], zoom_in: [], zoom_out: [] };
  let fitted = null;
  for (let r = 0; r < rounds; r++) {
    out.fit.push(await timed('.zoom-controls .fit'));
    await page.waitForTimeout(400);
    if (!fitted) {
      fitted = await page.evaluate(() => ({
        zoom: document.querySelector('.zoom-level').textContent,
        cards_drawn: document.querySelectorAll('g.stage').length,
        overview: !!document.querySelector('.overview'),
      }));
    }
    for (let k = 0; k < 4; k++) {
      out.zoom_in.push(await timed('.zoom-controls button[aria-label="Zoom in"]'));
      await page.waitForTimeout(200);
    }
    for (let k = 0; k < 4; k++) {
      out.zoom_out.push(await timed('.zoom-controls button[aria-label="Zoom out"]'));
      await page.waitForTimeout(200);
    }
  }
  const sum = (a) => {
    const s = [...a].sort((x, y) => x - y);
    return { median: +s[Math.floor(s.length / 2)].toFixed(1), max: +s[s.length - 1].toFixed(1) };
  };
  console.log(
    JSON.stringify({ map: map.split('/').pop(), fit: sum(out.fit), zoom_in: sum(out.zoom_in), zoom_out: sum(out.zoom_out), fitted }),
  );
  await browser.close();
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
