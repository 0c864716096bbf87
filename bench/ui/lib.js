'use strict';
// Shared pieces of the UI benchmarks (bench/ui/*.js).
//
// The frame measurement (`gesture`) is the one of the shared harness's
// browser/run-drag.js, line for line: a rAF loop records frame times, a
// long-animation-frame observer sums blocking, the mouse goes down on the
// target, makes `moves` awaited moves and goes up; the figures are computed
// exactly as run-drag.js computes them. Only the path of the pointer can be
// changed (the pan sweeps further than the drag's wiggle, see `PATHS`).
const path = require('path');

/** The copied harness (scripts/bench.sh copies ../shared/bench to $SCRATCH/bench). */
function harness(dir) {
  const d = path.resolve(dir || process.env.BENCH_DIR || '');
  return {
    dir: d,
    serve: require(path.join(d, 'browser', 'serve')),
    common: require(path.join(d, 'lib', 'common')),
  };
}

/** Pointer paths, offsets from the press point for move i (1-based). */
const PATHS = {
  // run-drag.js: a wiggle of ±150 × ±80 px
  drag: (i) => [150 * Math.sin(i / 20), 80 * Math.sin(i / 13)],
  // a pan that travels: 4 px left and 2 px up per move (960 × 480 px over
  // 240 moves, more than half a screen, so a culled view must bring in new cards)
  pan: (i) => [-4 * i, -2 * i],
};

/**
 * run-drag.js's measurement; returns its JSON fields. `onMove(i)` (a
 * screenshot) and `beforeUp()` (arming a paint probe) are optional hooks.
 */
async function gesture(page, x0, y0, { moves = 240, pathName = 'drag', round, onMove, beforeUp }) {
  const step = PATHS[pathName];
  await page.evaluate(() => {
    window.__f = []; window.__run = true; window.__loaf = [];
    try { new PerformanceObserver(l => { for (const e of l.getEntries()) window.__loaf.push(e.blockingDuration || 0); }).observe({ type: 'long-animation-frame', buffered: false }); } catch (e) { window.__loaf = null; }
    const tick = t => { window.__f.push(t); if (window.__run) requestAnimationFrame(tick); }; requestAnimationFrame(tick);
  });
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  const t0 = Date.now();
  for (let i = 1; i <= moves; i++) { const [dx, dy] = step(i); await page.mouse.move(x0 + dx, y0 + dy); if (onMove) await onMove(i); }
  if (beforeUp) await beforeUp();
  await page.mouse.up();
  const wall = Date.now() - t0;
  const r = await page.evaluate(() => { window.__run = false; return { f: window.__f, loaf: window.__loaf }; });
  const d = []; for (let i = 1; i < r.f.length; i++) d.push(r.f[i] - r.f[i - 1]);
  const s = d.slice().sort((x, y) => x - y);
  const pct = p => s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : NaN;
  const med = pct(0.5);
  const vsync = 1000 / 60;
  return {
    moves, drag_wall_ms: wall, frames: d.length, fps: round(d.length / ((r.f[r.f.length - 1] - r.f[0]) / 1000), 1),
    median_frame_ms: round(med), p95_frame_ms: round(pct(0.95)), max_frame_ms: round(s[s.length - 1]),
    janky_frames: d.filter(x => x > 1.5 * Math.max(vsync, med)).length,
    loaf_count: r.loaf ? r.loaf.length : null, loaf_blocking_ms: r.loaf ? round(r.loaf.reduce((x, y) => x + y, 0)) : null,
  };
}

/**
 * Installs, in the page, `window.__paintAfter({selector, text})`: resolves with
 * the time (performance.now()) of the first frame painted after an element
 * matching `selector` (and holding `text`, when given) is in the page —
 * checked on every DOM mutation and every frame — taken as a task posted from
 * that frame's rAF callback (it runs after the frame's paint).
 * And `window.__lastInput`: the timeStamp of the last trusted click/change/keydown/pointerup.
 */
async function installPaintProbe(page) {
  await page.evaluate(() => {
    window.__lastInput = {};
    for (const type of ['click', 'change', 'keydown', 'pointerup']) {
      document.addEventListener(type, (e) => { window.__lastInput[type] = e.timeStamp; }, true);
    }
    // (no eval: the app's CSP forbids it)
    window.__paintAfter = ({ selector, text }) => new Promise((resolve) => {
      let done = false;
      const hold = () => { const el = document.querySelector(selector); return !!el && (!text || el.textContent.includes(text)); };
      const fire = () => {
        if (done) return; done = true; mo.disconnect();
        const tCond = performance.now();
        requestAnimationFrame(() => { const ch = new MessageChannel(); ch.port1.onmessage = () => resolve({ tCond, tPaint: performance.now() }); ch.port2.postMessage(0); });
      };
      const mo = new MutationObserver(() => { if (hold()) fire(); });
      mo.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
      const poll = () => { if (done) return; if (hold()) fire(); else requestAnimationFrame(poll); };
      poll();
    });
  });
}

/** Median of numbers (NaN-free), rounded. */
function median(xs, round) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return round(m);
}

module.exports = { harness, PATHS, gesture, installPaintProbe, median };
