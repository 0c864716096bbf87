#!/usr/bin/env node
'use strict';
// One UI measurement in a fresh headless Chromium, on our app or on the
// shared harness's framework-free peer page (browser/svg-drag.html), with the
// frame measurement of the harness's browser/run-drag.js (bench/ui/lib.js).
//
//   node bench/ui/run-page.js --bench B --cand C --page ours --map M.json --gesture drag|pan|edit
//   node bench/ui/run-page.js --bench B --page peer --layout L.json --mode targeted|cull --gesture pan|edit
//
// ours: C/chainmap/ is our release build (bench/ui/prepare-cand.js); the page is
//   opened in English with fresh storage, the map is opened the way a user
//   does (toolbar "Open file" → file chooser), then:
//   drag : the on-screen stage card with the most flows nearest the canvas
//          centre is pressed on its name and moved (240 moves, run-drag.js's
//          wiggle); also the time from releasing it (the MoveStages edit) to
//          the next painted frame: drop_to_paint_ms.
//   pan  : the diagram background is pressed and moved 960 × 480 px (240 moves).
//   edit : --edits times: a click on a card (select_to_paint_ms: click → the
//          card drawn selected and painted) and a rename in the Inspector's
//          Name field committed with Enter (edit_to_paint_ms: the Enter key →
//          the new name drawn on the card and painted).
// peer: the harness's svg-drag.html with the same layout; pan moves its
//   viewBox (one DOM write per move), edit selects a node (a class) and
//   renames it from an input (one text write): the framework-free floor.
// Options: --tag '{"k":"v"}' (merged into the output line) --moves 240 --edits 5 --width 1280 --height 800 --shot F.png (a
// screenshot half-way through the gesture; its frame figures are then not
// representative) --profile F.cpuprofile (CDP CPU profile of the gesture or edits).
// Prints one JSON line.
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');
const ui = require('./lib');

const argv = process.argv.slice(2);
const bench = argv[argv.indexOf('--bench') + 1];
const H = ui.harness(bench);
const { round } = H.common;
const a = H.common.parseArgs(argv, { bench: '', cand: '', page: 'ours', map: '', layout: '', mode: 'targeted', gesture: 'drag',
  tag: '{}', moves: 240, edits: 5, width: 1280, height: 800, chromium: '/usr/bin/chromium', shot: '', profile: '', 'wait-s': 300 });

async function profiled(page, fn) {
  if (!a.profile) return fn();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const r = await fn();
  const { profile } = await cdp.send('Profiler.stop');
  fs.writeFileSync(a.profile, JSON.stringify(profile));
  return r;
}

// ---- our app -------------------------------------------------------------

async function openOurs(page, base) {
  const map = JSON.parse(fs.readFileSync(a.map, 'utf8'));
  const ids = new Set(map.stages.map((s) => s.id));
  const degree = {};
  for (const f of map.flows) for (const k of [f.from, f.to]) degree[k] = (degree[k] || 0) + 1;
  await page.goto(base + '/cand/chainmap/index.html?lang=en');
  const region = page.getByRole('region', { name: 'Chain diagram' });
  await region.locator('svg').waitFor();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: /^Open file$/ }).click(),
  ]);
  const t0 = Date.now();
  await chooser.setFiles(a.map);
  // The map is in when the page carries its title and every drawn card is one of its stages.
  await page.waitForFunction(({ title, ids }) => {
    const gs = document.querySelectorAll('g.stage');
    return document.title.startsWith(title) && gs.length > 0 && [...gs].every((g) => ids.includes(g.dataset.stage));
  }, { title: map.project.title, ids: map.stages.slice(0, 50000).map((s) => s.id) }, { timeout: a['wait-s'] * 1000, polling: 100 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const open_ms = Date.now() - t0;
  await page.waitForTimeout(500);
  const info = await page.evaluate(() => ({ cards_in_dom: document.querySelectorAll('g.stage').length, flows_in_dom: document.querySelectorAll('svg.chain .flow').length }));
  return Object.assign({ stages: ids.size, flows: map.flows.length, open_ms }, info, { degree });
}

/** Points to press: the name of the best card (drag), or bare background (pan). */
async function ourTarget(page, degree, kind) {
  return page.evaluate(({ degree, kind }) => {
    const sc = document.querySelector('.canvas .scroller').getBoundingClientRect();
    const inside = (x, y) => x > sc.left + 2 && x < sc.right - 2 && y > sc.top + 2 && y < sc.bottom - 2;
    if (kind === 'pan') {
      // bare background near the canvas's lower right, so a pan up-left stays on the canvas
      for (let fy = 0.85; fy > 0.1; fy -= 0.05) for (let fx = 0.85; fx > 0.1; fx -= 0.05) {
        const x = sc.left + fx * sc.width, y = sc.top + fy * sc.height;
        const el = document.elementFromPoint(x, y);
        if (el && el.closest('svg.chain') && !el.closest('.stage, .flow, .lane-title')) return { x, y };
      }
      return null;
    }
    const cx = sc.left + sc.width / 2, cy = sc.top + sc.height / 2;
    let best = null, bestScore = -1e18;
    for (const g of document.querySelectorAll('g.stage')) {
      const r = g.querySelector('rect.card').getBoundingClientRect();
      if (r.width < 4 || !inside(r.left, r.top) || !inside(r.right, r.bottom)) continue;
      // the name, not a chip (chips are drawn over the button and let the press through)
      const x = r.left + Math.min(30, r.width / 3), y = r.top + 12;
      const hit = document.elementFromPoint(x, y);
      if (!hit || !hit.closest('g.stage-button') || hit.closest('g.stage') !== g) continue;
      const score = (degree[g.dataset.stage] || 0) * 1000 - Math.hypot(r.left + r.width / 2 - cx, r.top + r.height / 2 - cy);
      if (score > bestScore) { bestScore = score; best = { x, y, id: g.dataset.stage }; }
    }
    return best;
  }, { degree, kind });
}

async function runOurs(page, base) {
  const info = await openOurs(page, base);
  const degree = info.degree; delete info.degree;
  await ui.installPaintProbe(page);
  if (a.gesture === 'edit') return Object.assign(info, await profiled(page, () => editOurs(page, degree)));
  const t = await ourTarget(page, degree, a.gesture);
  if (!t) throw new Error('no ' + a.gesture + ' target on screen');
  let drop = null;
  const r = await profiled(page, () => ui.gesture(page, t.x, t.y, {
    moves: a.moves, pathName: a.gesture, round,
    onMove: a.shot ? async (i) => { if (i === Math.floor(a.moves / 2)) await page.screenshot({ path: a.shot }); } : null,
    beforeUp: a.gesture === 'drag' ? () => page.evaluate(() => { window.__drop = window.__paintAfter({ selector: 'svg.chain:not(.dragging)' }); }) : null,
  }));
  if (a.gesture === 'drag') {
    drop = await page.evaluate(async () => { const p = await window.__drop; return p.tPaint - window.__lastInput.pointerup; });
    r.drop_to_paint_ms = round(drop);
    // the card was dropped somewhere: it is drawn at its new place
    r.dropped = await page.evaluate((id) => { const g = document.querySelector(`g.stage[data-stage="${id}"]`); return g && g.getAttribute('transform'); }, t.id);
  }
  return Object.assign(info, { target: t.id || 'background' }, r);
}

async function editOurs(page, degree) {
  const picks = await page.evaluate(() => {
    const sc = document.querySelector('.canvas .scroller').getBoundingClientRect();
    const out = [];
    for (const g of document.querySelectorAll('g.stage')) {
      const r = g.querySelector('rect.card').getBoundingClientRect();
      if (r.left < sc.left || r.top < sc.top || r.right > sc.right || r.bottom > sc.bottom) continue;
      const x = r.left + Math.min(30, r.width / 3), y = r.top + 12;
      const hit = document.elementFromPoint(x, y);
      if (hit && hit.closest('g.stage') === g) out.push({ id: g.dataset.stage, x, y });
    }
    return out;
  });
  if (!picks.length) throw new Error('no card on screen to edit');
  const name = page.getByRole('region', { name: 'Inspector' }).getByLabel('Name', { exact: true });
  const sel = [], edit = [];
  for (let k = 0; k < a.edits; k++) {
    const p = picks[(k * 7) % picks.length];
    await page.evaluate((id) => { window.__p = window.__paintAfter({ selector: `g.stage.selected[data-stage="${id}"]` }); }, p.id);
    await page.mouse.click(p.x, p.y);
    sel.push(await page.evaluate(async () => { const r = await window.__p; return r.tPaint - window.__lastInput.click; }));
    await name.waitFor();
    await name.focus();
    await page.keyboard.press('ControlOrMeta+A');
    const text = `Renamed ${k} ${Date.now() % 1000}`;
    await page.keyboard.type(text);
    await page.evaluate(({ id, text }) => { window.__p = window.__paintAfter({ selector: `g.stage[data-stage="${id}"]`, text }); }, { id: p.id, text });
    await page.keyboard.press('Enter');
    edit.push(await page.evaluate(async () => { const r = await window.__p; return r.tPaint - window.__lastInput.keydown; }));
    await page.waitForTimeout(300);
  }
  return { edits: a.edits, select_to_paint_ms: ui.median(sel, round), edit_to_paint_ms: ui.median(edit, round),
    edit_max_ms: round(Math.max(...edit)), select_all_ms: sel.map((x) => round(x)), edit_all_ms: edit.map((x) => round(x)) };
}

// ---- the peer page ---------------------------------------------------------

async function runPeer(page, base) {
  const url = base + '/bt/browser/svg-drag.html?mode=' + a.mode + '&layout=/bt/' + path.relative(H.dir, path.resolve(a.layout));
  await page.goto(url);
  const info = await page.evaluate(() => window.benchReady);
  await page.waitForTimeout(500);
  // What our app does besides: a pan handler on the background, and an
  // input that renames the selected node; both framework-free.
  await page.evaluate(() => {
    const svg = document.getElementById('s');
    let pan = null, selected = null;
    svg.addEventListener('pointerdown', (ev) => {
      if (ev.target.closest('g[data-id]')) return;
      const vb = svg.getAttribute('viewBox').split(' ').map(Number);
      pan = { vb, sx: ev.clientX, sy: ev.clientY, k: svg.getScreenCTM().inverse().a };
      svg.setPointerCapture(ev.pointerId);
    });
    svg.addEventListener('pointermove', (ev) => {
      if (!pan) return;
      const [x, y, w, h] = pan.vb;
      svg.setAttribute('viewBox', [x - (ev.clientX - pan.sx) * pan.k, y - (ev.clientY - pan.sy) * pan.k, w, h].join(' '));
    });
    svg.addEventListener('pointerup', () => { pan = null; });
    svg.addEventListener('click', (ev) => {
      // (the page's drag code captures the pointer on the svg, so the click lands there)
      const hit = document.elementFromPoint(ev.clientX, ev.clientY);
      const g = hit && hit.closest('g[data-id]'); if (!g) return;
      if (selected) selected.classList.remove('selected');
      selected = g; g.classList.add('selected');
      input.value = g.querySelector('text').textContent;
    });
    const input = document.createElement('input');
    input.setAttribute('aria-label', 'Name');
    input.style.cssText = 'position:fixed;top:4px;right:4px';
    input.addEventListener('change', () => { if (selected) selected.querySelector('text').textContent = input.value; });
    document.body.append(input);
  });
  await ui.installPaintProbe(page);
  if (a.gesture === 'edit') {
    const picks = await page.evaluate(() => [...document.querySelectorAll('g[data-id]')].filter((g) => {
      if (!g.isConnected) return false; const r = g.getBoundingClientRect();
      return r.width > 4 && r.left > 0 && r.top > 40 && r.right < innerWidth && r.bottom < innerHeight;
    }).map((g) => { const r = g.getBoundingClientRect(); return { id: g.dataset.id, x: r.left + r.width / 2, y: r.top + r.height / 2 }; }));
    const sel = [], edit = [];
    for (let k = 0; k < a.edits; k++) {
      const p = picks[(k * 7) % picks.length];
      await page.evaluate((id) => { window.__p = window.__paintAfter({ selector: `g.selected[data-id="${id}"]` }); }, p.id);
      await page.mouse.click(p.x, p.y);
      sel.push(await page.evaluate(async () => { const r = await window.__p; return r.tPaint - window.__lastInput.click; }));
      await page.focus('input');
      await page.keyboard.press('ControlOrMeta+A');
      const text = `Renamed ${k} ${Date.now() % 1000}`;
      await page.keyboard.type(text);
      await page.evaluate(({ id, text }) => { window.__p = window.__paintAfter({ selector: `g[data-id="${id}"]`, text }); }, { id: p.id, text });
      await page.keyboard.press('Enter');
      edit.push(await page.evaluate(async () => { const r = await window.__p; return r.tPaint - window.__lastInput.keydown; }));
      await page.waitForTimeout(300);
    }
    return Object.assign(info, { edits: a.edits, select_to_paint_ms: ui.median(sel, round), edit_to_paint_ms: ui.median(edit, round),
      edit_max_ms: round(Math.max(...edit)), select_all_ms: sel.map((x) => round(x)), edit_all_ms: edit.map((x) => round(x)) });
  }
  let t;
  if (a.gesture === 'pan') {
    t = await page.evaluate(() => {
      for (let fy = 0.85; fy > 0.1; fy -= 0.05) for (let fx = 0.85; fx > 0.1; fx -= 0.05) {
        const x = fx * innerWidth, y = fy * innerHeight; const el = document.elementFromPoint(x, y);
        if (el && el.id === 's') return { x, y };
      }
      return null;
    });
  } else {
    t = await page.evaluate(() => { const r = document.querySelector('.drag-me').getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; });
  }
  if (!t) throw new Error('no ' + a.gesture + ' target on the peer page');
  const r = await profiled(page, () => ui.gesture(page, t.x, t.y, { moves: a.moves, pathName: a.gesture, round,
    onMove: a.shot ? async (i) => { if (i === Math.floor(a.moves / 2)) await page.screenshot({ path: a.shot }); } : null }));
  return Object.assign(info, r);
}

(async () => {
  const { srv, base } = await H.serve.start({ nm: H.serve.nodeModulesDir(''), candDir: a.cand || null });
  const browser = await chromium.launch({ executablePath: a.chromium, args: H.serve.chromiumArgs() });
  try {
    const page = await browser.newPage({ viewport: { width: a.width, height: a.height } });
    page.setDefaultTimeout(a['wait-s'] * 1000);
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const r = a.page === 'ours' ? await runOurs(page, base) : await runPeer(page, base);
    const label = a.page === 'ours' ? 'chainmap:' + path.basename(a.map) : 'svg-drag:' + a.mode + ':' + path.basename(a.layout);
    if (errors.length) r.page_errors = errors.slice(0, 3);
    console.log(JSON.stringify(Object.assign(JSON.parse(a.tag), { page: label, gesture: a.gesture }, r)));
  } finally { await browser.close(); srv.close(); }
})().catch((e) => { console.error(e); process.exit(1); });
