// Supervisor and defense views, merging and exports (issue 5), as a user does them.
const { test, expect } = require('@playwright/test');
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { openApp, openFile, watch, ROOT } = require('./helpers');

async function chooseTemplate(page, name) {
  await page.getByRole('button', { name: 'New map' }).click();
  await page.getByRole('button', { name }).click();
}

async function download(page, click) {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: d.suggestedFilename(), path: await d.path() };
}

async function exportJson(page) {
  const d = await download(page, () => page.getByRole('button', { name: 'Export JSON' }).click());
  return fs.readFileSync(d.path, 'utf8');
}

async function openWith(page, button, file) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: button }).click()]);
  await chooser.setFiles(file);
}

test('a student reads a topic brief on the sand example: inputs, outputs, gaps, checklist', async ({ page }) => {
  await openApp(page);
  await chooseTemplate(page, /3D-printing sand/);
  await page.getByRole('region', { name: 'Team' }).getByRole('button', { name: /Thermal reclamation/ }).click();
  const brief = page.getByRole('region', { name: 'Brief' }).getByRole('article');
  await expect(brief.getByRole('heading', { name: 'Thermal reclamation' })).toBeVisible();
  await expect(brief).toContainText('Coated sand for 3D-printed casting cores');
  await expect(brief).toContainText('used sand from Casting with printed cores · nobody works there yet');
  await expect(brief).not.toContainText('by nobody');
  await expect(brief).toContainText('reclaimed sand to Coated sand formulation · for He');
  await expect(brief).toContainText('Used sand reclamation');
  await expect(brief).toContainText('Prof. Xu');
  // Gaps that touch it, and the checklist: no enterprise supervisor, no defense date.
  await expect(brief).toContainText('has no enterprise supervisor');
  const checks = brief.getByRole('listitem').filter({ hasText: /supervisor is named|defense date is set/ });
  await expect(checks).toHaveCount(3);
  await expect(brief.getByRole('listitem').filter({ hasText: 'not yet: An enterprise supervisor is named' })).toHaveCount(1);
  await expect(brief.getByRole('listitem').filter({ hasText: 'done: An academic supervisor is named' })).toHaveCount(1);
  // Print preview: only the brief is printed.
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: test.info().outputPath('brief-print.png'), fullPage: true });
  const visibleOutside = await page.evaluate(() => {
    const inside = document.querySelector('.print-area');
    return [...document.querySelectorAll('button, h1')].filter((el) => !inside.contains(el) && getComputedStyle(el).visibility !== 'hidden').length;
  });
  expect(visibleOutside).toBe(0);
  // …on the whole page, from its top-left corner (not in the side column).
  const area = await page.locator('.print-area').boundingBox();
  expect(area.x).toBe(0);
  expect(area.y).toBe(0);
  expect(area.width).toBe(page.viewportSize().width);
  // Nothing else takes room on paper: the document is as tall as the brief
  // (hidden parts of the app once filled a blank second page).
  const printed = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(printed).toBeLessThanOrEqual(Math.ceil(area.height) + 2);
  await page.emulateMedia({ media: 'screen' });
  // Markdown export of the same brief.
  const md = await download(page, () => page.getByRole('button', { name: 'Export Markdown', exact: true }).click());
  expect(md.name).toBe('Thermal reclamation.brief.md');
  const text = fs.readFileSync(md.path, 'utf8');
  expect(text).toContain('Thermal reclamation');
  expect(text).toContain('used sand');
  expect(text).toContain('Readiness checklist');
});

// The Brief panel is what students print: it holds what the Markdown holds —
// each stage up and down the chain with how far it is, its phase and its
// people, and the supervisors with their affiliations — on screen and on paper.
for (const lang of ['en', 'zh']) {
  test(`the printed brief holds the chain with people, phases and steps, and the supervisors' affiliations (${lang})`, async ({ page }) => {
    const zh = lang === 'zh';
    const w = zh
      ? { newMap: '新建', sand: /3D 打印覆膜砂/, team: '团队', region: '开题简报', topic: 'SLS 覆膜砂的粘结剂化学', brief: '开题简报：SLS 覆膜砂的粘结剂化学',
          up: '上游链', down: '下游链', upItem: '上游第 1 级：旧砂再生（产业化生产） — 马同学、孙同学', downItem: '下游第 4 级：',
          academic: '徐教授（材料学院）', enterprise: '邰工（合作铸造厂）', md: '导出 Markdown' }
      : { newMap: 'New map', sand: /3D-printing sand/, team: 'Team', region: 'Brief', topic: 'Binder chemistry for SLS sand', brief: 'Defense brief: Binder chemistry for SLS sand',
          up: 'Upstream chain', down: 'Downstream chain', upItem: '1 step up: Used sand reclamation (Industrial production) — Ma, Sun', downItem: '4 steps down: ',
          academic: 'Prof. Xu (School of Materials)', enterprise: 'Eng. Tai (Partner foundry)', md: 'Export Markdown' };
    await openApp(page, `?lang=${lang}`);
    await page.getByRole('button', { name: w.newMap, exact: true }).click();
    await page.getByRole('button', { name: w.sand }).click();
    await page.getByRole('region', { name: w.team }).getByRole('button', { name: new RegExp(`^${w.topic}`) }).click();
    const brief = page.getByRole('region', { name: w.region }).getByRole('article', { name: w.brief });
    const up = brief.getByRole('list', { name: w.up });
    const down = brief.getByRole('list', { name: w.down });
    // Nearest first: a student one hand-off up, with the stage's phase.
    await expect(up.getByRole('listitem').first()).toHaveText(w.upItem);
    await expect(up.getByRole('listitem')).toHaveCount(3);
    await expect(down.getByRole('listitem')).toHaveCount(4);
    await expect(down.getByRole('listitem').last()).toContainText(w.downItem);
    await expect(brief.getByRole('definition').filter({ hasText: w.academic })).toHaveCount(1);
    await expect(brief.getByRole('definition').filter({ hasText: w.enterprise })).toHaveCount(1);
    // Background is no smaller than Source or any other fact.
    const onScreen = await brief.getByRole('definition').evaluateAll((els) => els.map((e) => getComputedStyle(e).fontSize));
    expect(new Set(onScreen).size).toBe(1);

    // The Markdown of the same brief says the same, line for line.
    const md = await download(page, () => page.getByRole('button', { name: w.md, exact: true }).click());
    const lines = fs.readFileSync(md.path, 'utf8').split('\n').map((l) => l.replace(/^- /, '').replace(/\*\*/g, ''));
    for (const list of [up, down]) {
      for (const item of await list.getByRole('listitem').allTextContents()) expect(lines).toContain(item.replace(/\s+/g, ' ').trim());
    }
    expect(lines.some((l) => l.includes(w.academic))).toBe(true);

    // On paper: the brief alone, with the same chain and affiliations, readable.
    await page.emulateMedia({ media: 'print' });
    const printed = page.getByRole('article', { name: w.brief });
    await expect(printed.getByRole('list', { name: w.up }).getByRole('listitem').first()).toBeVisible();
    await expect(printed.getByRole('list', { name: w.up }).getByRole('listitem').first()).toHaveText(w.upItem);
    await expect(printed.getByRole('definition').filter({ hasText: w.academic })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath(`brief-print-${lang}.png`), fullPage: true });
    // Background and Source are printed at one size, as large as the rest.
    const sizes = await printed.getByRole('definition').evaluateAll((els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));
    expect(new Set(sizes).size).toBe(1);
    expect(sizes[0]).toBeGreaterThanOrEqual(14);
  });
}

test('a long chain: the brief draws the 20 nearest stages and counts the rest; the Markdown lists them all', async ({ page }) => {
  await openApp(page);
  // s0 → s1 → … → s29; twelve students at s28, one topic at the end.
  const stages = Array.from({ length: 30 }, (_, i) => ({ id: `s${i}`, name: `Stage ${i}` }));
  const flows = stages.slice(1).map((s, i) => ({ id: `f${i}`, from: `s${i}`, to: s.id, artifact: `part ${i}` }));
  const people = Array.from({ length: 12 }, (_, i) => ({ id: `p${i}`, name: `Student ${i}`, kind: 'student' }));
  people.push({ id: 'end', name: 'Last', kind: 'student' });
  const topics = people.map((p) => ({ id: `t-${p.id}`, title: `Topic of ${p.name}`, student: p.id, stage: p.id === 'end' ? 's29' : 's28' }));
  const map = { format: 'chainmap', version: 1, project: { title: 'Long' }, stages, flows, people, topics };
  await openFile(page, { name: 'long.chainmap.json', text: JSON.stringify(map) });
  await page.getByRole('region', { name: 'Team' }).getByRole('button', { name: /^Topic of Last/ }).click();
  const brief = page.getByRole('region', { name: 'Brief' }).getByRole('article', { name: 'Defense brief: Topic of Last' });
  const up = brief.getByRole('list', { name: 'Upstream chain' }).getByRole('listitem');
  await expect(up).toHaveCount(21);
  await expect(up.first()).toHaveText('1 step up: Stage 28 (no phase) — Student 0, Student 1, Student 2, Student 3, Student 4, Student 5, Student 6, Student 7, and 4 more');
  await expect(up.nth(19)).toHaveText('20 steps up: Stage 9 (no phase) — nobody works there yet');
  await expect(up.last()).toHaveText('and 9 more');
  await expect(brief).toContainText('part 28 from Stage 28 · by Student 0');
  const md = await download(page, () => page.getByRole('button', { name: 'Export Markdown', exact: true }).click());
  const text = fs.readFileSync(md.path, 'utf8');
  expect(text).toContain('- 29 steps up: **Stage 0** (no phase) — nobody works there yet');
  expect(text).toContain('Student 11');
});

test('coverage shows per-phase ratios, the matrix and topics per supervisor; a cell selects its topic', async ({ page }) => {
  await openApp(page);
  const cov = page.getByRole('region', { name: 'Coverage' });
  await expect(cov).toContainText('3 of 6 stages have a student (50%)');
  await expect(cov.getByRole('table')).toBeVisible();
  await expect(cov.getByRole('columnheader', { name: 'Zhao' })).toBeVisible();
  await cov.getByRole('row', { name: /Casting trials/ }).getByRole('button', { name: 'Casting process window' }).click();
  await expect(page.getByRole('region', { name: 'Inspector' }).getByRole('heading', { name: 'Casting process window' })).toBeVisible();
  await expect(cov.locator('.supervisors').first()).toContainText('Prof. Zhang');
});

test('a matrix of 45 students draws 40 columns until the user asks for the rest', async ({ page }) => {
  await openApp(page);
  const people = Array.from({ length: 45 }, (_, i) => ({ id: `p${i}`, name: `Student ${i}`, kind: 'student' }));
  const topics = people.map((p, i) => ({ id: `t${i}`, title: `Topic ${i}`, student: p.id, stage: 's0' }));
  const map = { format: 'chainmap', version: 1, project: { title: 'Cohort' }, stages: [{ id: 's0', name: 'Casting' }], people, topics };
  await openFile(page, { name: 'cohort.chainmap.json', text: JSON.stringify(map) });
  const cov = page.getByRole('region', { name: 'Coverage' });
  await expect(cov.getByRole('columnheader')).toHaveCount(41);
  await expect(cov.getByRole('columnheader', { name: 'Student 39', exact: true })).toBeVisible();
  await expect(cov.getByRole('columnheader', { name: 'Student 40', exact: true })).toHaveCount(0);
  await cov.getByRole('button', { name: 'Show 5 more students' }).click();
  await expect(cov.getByRole('columnheader')).toHaveCount(46);
  await expect(cov.getByRole('columnheader', { name: 'Student 44', exact: true })).toBeAttached();
});

test('a cohort matrix keeps its student names and stage column in view while it scrolls, and opens as a full table', async ({ page }) => {
  await openApp(page);
  // 45 students over 60 stages: far more than the Coverage column can show at once.
  const people = Array.from({ length: 45 }, (_, i) => ({ id: `p${i}`, name: `Student ${i}`, kind: 'student' }));
  const stages = Array.from({ length: 60 }, (_, i) => ({ id: `s${i}`, name: `Stage ${i}` }));
  const topics = people.map((p, i) => ({ id: `t${i}`, title: `Topic ${i}`, student: p.id, stage: `s${(i * 7) % 60}` }));
  const map = { format: 'chainmap', version: 1, project: { title: 'Cohort' }, stages, people, topics };
  await openFile(page, { name: 'cohort.chainmap.json', text: JSON.stringify(map) });
  const cov = page.getByRole('region', { name: 'Coverage' });
  const table = cov.getByRole('table', { name: 'Who works at which stage' });
  await expect(table).toBeVisible();
  // Scroll the table to its far corner: the header row and the stage column stay in its box.
  const box = await table.evaluate((t) => {
    const wrap = t.parentElement;
    wrap.scrollTop = wrap.scrollHeight;
    wrap.scrollLeft = wrap.scrollWidth;
    const r = wrap.getBoundingClientRect();
    return { top: r.top, left: r.left, bottom: r.bottom, right: r.right, scrolled: wrap.scrollTop > 0 && wrap.scrollLeft > 0 };
  });
  expect(box.scrolled).toBe(true);
  const header = await cov.getByRole('columnheader', { name: 'Student 39', exact: true }).boundingBox();
  expect(header.y).toBeGreaterThanOrEqual(box.top - 1);
  expect(header.y).toBeLessThan(box.top + 40);
  const last = await cov.getByRole('rowheader', { name: 'Stage 59', exact: true }).boundingBox();
  expect(last.x).toBeGreaterThanOrEqual(box.left - 1);
  expect(last.x).toBeLessThan(box.left + 10);
  expect(last.y + last.height).toBeLessThanOrEqual(box.bottom + 1);

  // The full table: a dialog over the window with every student at once.
  await cov.getByRole('button', { name: 'Open as a full table' }).click();
  const dialog = page.getByRole('dialog', { name: 'Who works at which stage' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('columnheader')).toHaveCount(46);
  const d = await dialog.boundingBox();
  const viewport = page.viewportSize();
  expect(d.width).toBeGreaterThan(viewport.width * 0.9);
  // A cell selects its topic and closes the table.
  await dialog.getByRole('row', { name: /Stage 14/ }).getByRole('button', { name: 'Topic 2', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Inspector' }).getByRole('heading', { name: 'Topic 2' })).toBeVisible();
  // Escape closes it too.
  await cov.getByRole('button', { name: 'Open as a full table' }).click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('a programme of 400 topics: Team, Coverage and Brief draw the first ones and the rest on request', async ({ page }) => {
  await openApp(page);
  // Two students with 200 topics each, one supervisor over all of them.
  const people = [
    { id: 'a', name: 'Student A', kind: 'student' },
    { id: 'b', name: 'Student B', kind: 'student' },
    { id: 'boss', name: 'Prof. Boss', kind: 'academic_supervisor' },
  ];
  const topics = Array.from({ length: 400 }, (_, i) => ({
    id: `t${i}`, title: `Topic ${i}`, student: i < 200 ? 'a' : 'b', stage: 's0', supervisors: ['boss'],
  }));
  const map = { format: 'chainmap', version: 1, project: { title: 'Programme' }, stages: [{ id: 's0', name: 'Casting' }], people, topics };
  await openFile(page, { name: 'programme.chainmap.json', text: JSON.stringify(map) });

  // Team: 300 topics are drawn (all of A's, 100 of B's), then "Show 100 more".
  const team = page.getByRole('region', { name: 'Team' });
  await expect(team.locator('.topic-item')).toHaveCount(300);
  await expect(team.getByRole('button', { name: /^Topic 299\b/ })).toBeVisible();
  await expect(team.getByRole('button', { name: /^Topic 300\b/ })).toHaveCount(0);
  await expect(team.locator('.person.student').nth(1)).toContainText('and 100 more');
  await team.getByRole('button', { name: 'Show 100 more' }).click();
  await expect(team.locator('.topic-item')).toHaveCount(400);
  await expect(team.getByRole('button', { name: /^Topic 399\b/ })).toBeAttached();

  // Coverage: the supervisor's 12 first topics, then the rest on request.
  const cov = page.getByRole('region', { name: 'Coverage' });
  const load = cov.locator('.supervisors > li').first();
  await expect(load).toContainText('400 topics');
  await expect(load.getByRole('listitem')).toHaveCount(12);
  await expect(load).toContainText('and 388 more');
  await cov.getByRole('button', { name: 'Show 388 more' }).click();
  await expect(load.getByRole('listitem')).toHaveCount(400);

  // Brief: the topic list holds the chosen topic until it gets focus; then
  // the keyboard can pick any of the 400.
  const brief = page.getByRole('region', { name: 'Brief' });
  const list = brief.getByLabel('Brief for topic');
  await expect(list.locator('option')).toHaveCount(1);
  await list.focus();
  await expect(list.locator('option')).toHaveCount(400);
  await list.selectOption('t250');
  await expect(brief.getByRole('heading', { name: 'Topic 250' })).toBeVisible();
});

test('a chain of 300 stages exports a PNG the browser can draw: scaled to fit its canvas, in proportion, not blank', async ({ page }) => {
  test.setTimeout(60000);
  const seen = watch(page);
  await openApp(page);
  // Three runs of 100 stages joined by flows: about 67,000 px wide, past
  // what a browser's canvas takes at 2× (Chromium: 65,535 px a side).
  const phases = ['Lab', 'Pilot', 'Production', 'Market'].map((name, i) => ({ id: `p${i}`, name }));
  const stages = Array.from({ length: 300 }, (_, i) => ({ id: `s${i}`, name: `Stage ${i}`, phase: `p${Math.floor(i / 75)}` }));
  const flows = stages
    .filter((_, i) => i % 100 !== 99)
    .map((s, i) => ({ id: `f${i}`, from: s.id, to: `s${Number(s.id.slice(1)) + 1}`, artifact: `part ${i}` }));
  const map = { format: 'chainmap', version: 1, project: { title: 'Long chain', phases }, stages, flows };
  await openFile(page, { name: 'long.chainmap.json', text: JSON.stringify(map) });
  await expect(page.getByRole('heading', { level: 1, name: 'Long chain' })).toBeVisible();

  const svg = await download(page, () => page.getByRole('button', { name: 'Export SVG' }).click());
  const [, svgW, svgH] = fs.readFileSync(svg.path, 'utf8').match(/<svg[^>]* width="([\d.]+)" height="([\d.]+)"/).map(Number);
  expect(svgW).toBeGreaterThan(32768);

  const [d] = await Promise.all([
    page.waitForEvent('download', { timeout: 20000 }),
    page.getByRole('button', { name: 'Export PNG' }).click(),
  ]);
  expect(d.suggestedFilename()).toBe('Long chain.png');
  const png = fs.readFileSync(await d.path());
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(12, 16).toString()).toBe('IHDR');
  const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  // Within every browser's canvas (16,384 px a side, 2^26 pixels), as large
  // as that allows, and the whole picture in proportion (title band included).
  expect(w).toBe(16384);
  expect(h).toBeLessThanOrEqual(16384);
  expect(w * h).toBeLessThanOrEqual(2 ** 26);
  const scale = w / svgW;
  expect(Math.abs(h - svgH * scale)).toBeLessThanOrEqual(1);
  // The picture is drawn: the first cards' names are dark pixels on the light paper.
  const dark = await page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const c = document.createElement('canvas');
    [c.width, c.height] = [1000, bmp.height];
    const ctx = c.getContext('2d');
    ctx.drawImage(bmp, 0, 0, 1000, bmp.height, 0, 0, 1000, bmp.height);
    const px = ctx.getImageData(0, 0, 1000, bmp.height).data;
    let n = 0;
    for (let i = 0; i < px.length; i += 4) if (px[i + 3] === 255 && px[i] < 128 && px[i + 1] < 128 && px[i + 2] < 128) n++;
    return n;
  }, png.toString('base64'));
  expect(dark).toBeGreaterThan(50);
  // It says, calmly, that the PNG is smaller than the screen and where every detail is.
  await expect(page.locator('.notice-banner')).toContainText(`the PNG is drawn at ${Math.round(scale * 100)}%`);
  expect(seen.errors).toEqual([]);
});

test('when the browser cannot make the PNG, the user is told so in plain words (English and Chinese)', async ({ page }) => {
  // A canvas past the browser's limits gives null to toBlob: do that here.
  await page.addInitScript(() => {
    HTMLCanvasElement.prototype.toBlob = function (callback) {
      setTimeout(() => callback(null), 0);
    };
  });
  await openApp(page);
  await page.getByRole('button', { name: 'Export PNG' }).click();
  await expect(page.locator('.notice-banner')).toContainText('The browser could not draw this map as a PNG. Export SVG keeps the whole map.');
  await openApp(page, '?lang=zh');
  await page.getByRole('button', { name: '导出 PNG' }).click();
  await expect(page.locator('.notice-banner')).toContainText('浏览器无法把这张图绘制成 PNG');
});

test('merge a file with a conflict, resolved both ways, as one undo step each', async ({ page }, info) => {
  await openApp(page);
  const before = await exportJson(page);
  const theirs = JSON.parse(before);
  theirs.stages.find((s) => s.id === 'cast').role = 'Their role for casting';
  theirs.stages.find((s) => s.id === 'comp').external_inputs = ['phase diagrams'];
  theirs.people.push({ id: 'new-student', name: 'Wu', kind: 'student' });
  theirs.topics.push({ id: 't-wu', title: 'Machining allowances', student: 'new-student', stage: 'part', supervisors: ['wang'] });
  const file = info.outputPath('theirs.chainmap.json');
  fs.writeFileSync(file, JSON.stringify(theirs, null, 2));

  for (const [choice, expected, settled] of [
    ['Keep mine', 'Finds the casting window that gives sound parts', '0 from their file, 1 kept'],
    ['Take theirs', 'Their role for casting', '1 from their file, 0 kept'],
  ]) {
    await openWith(page, 'Merge file', file);
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('Added 1 person, 1 topic; filled in 1 field; 1 conflict.');
    const conflict = dialog.getByRole('group').filter({ hasText: 'role' });
    await expect(conflict).toContainText('Their role for casting');
    await conflict.getByRole('radio', { name: new RegExp(choice) }).check();
    await dialog.getByRole('button', { name: 'Apply merge' }).click();
    // The notice says how the conflict was settled, not that one is left.
    await expect(page.getByRole('status').filter({ hasText: 'Merged' })).toContainText(
      `Added 1 person, 1 topic; filled in 1 field; 1 conflict settled (${settled}).`,
    );
    const after = JSON.parse(await exportJson(page));
    expect(after.stages.find((s) => s.id === 'cast').role).toBe(expected);
    expect(after.stages.find((s) => s.id === 'comp').external_inputs).toEqual(['phase diagrams']);
    expect(after.topics.map((t) => t.id)).toContain('t-wu');
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    expect(await exportJson(page)).toBe(before);
  }
});

test('a merge with many conflicts keeps its buttons in view and its choice labels on one line (Chinese)', async ({ page }, info) => {
  await openApp(page, '?lang=zh');
  // The map a fresh Chinese page starts with.
  const theirs = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'src', 'templates', 'alloy.zh.chainmap.json'), 'utf8'));
  theirs.project.title = 'High-strength aluminium alloy for general-aviation engines, the enterprise version of the title';
  for (const s of theirs.stages) {
    s.name = `${s.name} (their name)`;
    s.role = `Their much longer description of what the stage ${s.id} does for the whole project`;
  }
  for (const p of theirs.project.phases) p.name = `${p.name} (theirs)`;
  const file = info.outputPath('conflicts.chainmap.json');
  fs.writeFileSync(file, JSON.stringify(theirs, null, 2));
  await openWith(page, '合并文件', file);
  const dialog = page.getByRole('dialog');
  const apply = dialog.getByRole('button', { name: '执行合并' });
  await expect(dialog.getByRole('group')).toHaveCount(16);
  // The dialog scrolls; its buttons stay in view.
  await expect(apply).toBeInViewport();
  expect(await dialog.evaluate((d) => d.scrollHeight > d.clientHeight)).toBe(true);
  // "保留我的：" is one line beside a long value, and the boxes have no list bullets.
  const heights = await dialog.locator('.side-name').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
  const line = await dialog.locator('.side-name').first().evaluate((e) => parseFloat(getComputedStyle(e).lineHeight) || 20);
  expect(Math.max(...heights)).toBeLessThan(line * 1.5);
  expect(await dialog.locator('li.conflict').first().evaluate((li) => getComputedStyle(li).listStyleType)).toBe('none');
  await page.screenshot({ path: info.outputPath('merge-conflicts-zh.png') });
  await dialog.getByRole('button', { name: '全部采用对方的' }).click();
  await apply.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(theirs.project.title);
});

test('every export downloads and says what it should', async ({ page }, info) => {
  const seen = watch(page);
  await openApp(page);
  const svg = await download(page, () => page.getByRole('button', { name: 'Export SVG' }).click());
  expect(svg.name).toBe('High-strength aluminium alloy for general-aviation engines.svg');
  const svgText = fs.readFileSync(svg.path, 'utf8');
  expect(svgText).toContain('<svg');
  expect(svgText).toContain('Casting trials');
  expect(svgText).not.toMatch(/<script|\son\w+=/i);
  const png = await download(page, () => page.getByRole('button', { name: 'Export PNG' }).click());
  const pngBytes = fs.readFileSync(png.path);
  expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');
  // At 2×, the whole SVG: the title band above the chain included.
  const [, svgW, svgH] = svgText.match(/<svg[^>]* width="([\d.]+)" height="([\d.]+)"/).map(Number);
  expect([pngBytes.readUInt32BE(16), pngBytes.readUInt32BE(20)]).toEqual([Math.ceil(2 * svgW), Math.ceil(2 * svgH)]);
  // "Drawing the PNG…" was said while it was drawn, and not once it is offered.
  await expect(page.locator('.notice-banner')).toHaveCount(0);
  const more = async (name) => {
    await page.getByRole('button', { name: 'More exports' }).click();
    return download(page, () => page.getByRole('button', { name }).click());
  };
  const csv = await more('Export coverage CSV');
  const csvBytes = fs.readFileSync(csv.path);
  expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(csvBytes.toString('utf8')).toContain('Casting trials');
  const canvas = await more('Export JSON Canvas');
  const c = JSON.parse(fs.readFileSync(canvas.path, 'utf8'));
  expect(c.nodes.filter((n) => n.type === 'text').length).toBe(6);
  expect(c.nodes.filter((n) => n.type === 'group').length).toBe(3);
  expect(c.edges.length).toBe(5);
  const dot = await more('Export Graphviz DOT');
  const dotFile = info.outputPath('map.dot');
  fs.copyFileSync(dot.path, dotFile);
  execFileSync('dot', ['-Tsvg', dotFile, '-o', info.outputPath('map.dot.svg')]);
  const mmd = await more('Export Mermaid');
  expect(fs.readFileSync(mmd.path, 'utf8')).toMatch(/^flowchart LR/);
  // The .canvas file opens back as a map with the same stages, phases and flows.
  await openWith(page, 'Open file', canvas.path);
  await expect(page.getByRole('button', { name: /\(stage, / })).toHaveCount(6);
  await expect(page.locator('.lane-title')).toHaveText(['Lab research', 'Pilot test', 'Industrial production']);
  await expect(page.locator('g.flow')).toHaveCount(5);
  expect(seen.errors).toEqual([]);
  expect(seen.foreign).toEqual([]);
});

test('the merge dialog names what a student\'s file adds, kind by kind, with no warning for the same project', async ({ page }, info) => {
  const seen = watch(page);
  await openApp(page);
  const theirs = JSON.parse(await exportJson(page));
  theirs.stages.push({ id: 'st-heat', name: 'Heat treatment', phase: theirs.stages.find((s) => s.id === 'cast').phase });
  theirs.flows.push({ id: 'f-heat', from: 'cast', to: 'st-heat', artifact: 'cast blanks' });
  theirs.people.push({ id: 'wu', name: 'Wu Lei', kind: 'student' });
  theirs.topics.push({ id: 't-wu', title: 'Machining allowances', student: 'wu', stage: 'st-heat', supervisors: ['wang'] });
  const file = info.outputPath('student.chainmap.json');
  fs.writeFileSync(file, JSON.stringify(theirs, null, 2));
  await openWith(page, 'Merge file', file);
  const dialog = page.getByRole('dialog', { name: /^Merge file — / });
  await expect(dialog.getByRole('status')).toHaveText('Added 1 stage, 1 flow, 1 person, 1 topic; filled in 0 fields; 0 conflicts.');
  // Which ones, by name, in an open disclosure.
  const added = dialog.getByRole('group').filter({ has: page.locator('summary', { hasText: /^Added \(4\)$/ }) });
  await expect(added).toBeVisible();
  await expect(added.getByRole('list', { name: 'Stages (1)' }).getByRole('listitem')).toHaveText(['Heat treatment']);
  await expect(added.getByRole('list', { name: 'Flows (1)' }).getByRole('listitem')).toHaveText(['cast blanks: Casting trials → Heat treatment']);
  await expect(added.getByRole('list', { name: 'People (1)' }).getByRole('listitem')).toHaveText(['Wu Lei (Student)']);
  await expect(added.getByRole('list', { name: 'Topics (1)' }).getByRole('listitem')).toHaveText(['Machining allowances (student: Wu Lei)']);
  await expect(added.getByRole('list', { name: /^Phases/ })).toHaveCount(0);
  await expect(added).not.toContainText('more');
  // The same project: no warning, no note.
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect(dialog).not.toContainText('another project');
  await expect(dialog).not.toContainText('Nothing in this file has the id');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: info.outputPath('merge-added-en.png') });
  await dialog.getByRole('button', { name: 'Apply merge' }).click();
  await expect(dialog).toBeHidden();
  expect(JSON.parse(await exportJson(page)).topics.map((t) => t.id)).toContain('t-wu');
  expect(seen.errors).toEqual([]);
});

test('what the merge dialog lists as added or left out follows the conflicts as they are settled', async ({ page }, info) => {
  await openApp(page);
  // Their file makes Eng. Wang a student and gives him a topic: that topic
  // comes in only if their side of the conflict on Wang's kind is taken.
  const theirs = JSON.parse(await exportJson(page));
  theirs.people.find((p) => p.id === 'wang').kind = 'student';
  for (const t of theirs.topics) t.supervisors = t.supervisors.filter((s) => s !== 'wang');
  theirs.topics.push({ id: 't-wang', title: 'Die wear', student: 'wang', stage: 'cast', supervisors: ['zhang'] });
  const file = info.outputPath('wang.chainmap.json');
  fs.writeFileSync(file, JSON.stringify(theirs, null, 2));
  await openWith(page, 'Merge file', file);
  const dialog = page.getByRole('dialog', { name: /^Merge file — / });
  const status = dialog.getByRole('status');
  const added = dialog.getByRole('group').filter({ has: page.locator('summary', { hasText: /^Added/ }) });
  const repairs = dialog.getByRole('group').filter({ has: page.locator('summary', { hasText: /^Left out or cleared/ }) });
  // Keeping mine (the default): the topic is left out, and only said so there.
  await expect(status).toHaveText(/^Nothing added; filled in 0 fields; \d+ conflicts\.$/);
  await expect(added).toHaveCount(0);
  await expect(repairs).toContainText('Die wear');
  // Taking theirs: added, named, and no longer left out.
  await dialog.getByRole('button', { name: 'Take theirs for all' }).click();
  await expect(status).toHaveText(/^Added 1 topic; filled in 0 fields; \d+ conflicts\.$/);
  await expect(added.getByRole('list', { name: 'Topics (1)' }).getByRole('listitem')).toHaveText(['Die wear (student: Eng. Wang)']);
  await expect(dialog).not.toContainText(/Left out or cleared[^]*Die wear/);
  await dialog.getByRole('button', { name: 'Apply merge' }).click();
  await expect(dialog).toBeHidden();
  expect(JSON.parse(await exportJson(page)).topics.map((t) => t.id)).toContain('t-wang');
});

test('a big merge names the first 50 of a kind, then says how many more', async ({ page }, info) => {
  await openApp(page);
  const theirs = JSON.parse(await exportJson(page));
  for (let i = 0; i < 60; i++) theirs.stages.push({ id: `extra-${i}`, name: `Extra stage ${i}` });
  for (let i = 0; i < 3; i++) theirs.flows.push({ id: `extra-f${i}`, from: `extra-${i}`, to: `extra-${i + 1}`, artifact: `part ${i}` });
  const file = info.outputPath('big.chainmap.json');
  fs.writeFileSync(file, JSON.stringify(theirs));
  await openWith(page, 'Merge file', file);
  const dialog = page.getByRole('dialog', { name: /^Merge file — / });
  const stages = dialog.getByRole('list', { name: 'Stages (60)' });
  await expect(stages.getByRole('listitem')).toHaveCount(50);
  await expect(stages.getByRole('listitem').first()).toHaveText('Extra stage 0');
  await expect(stages.getByRole('listitem').last()).toHaveText('Extra stage 49');
  await expect(dialog.getByText('and 10 more', { exact: true })).toBeVisible();
  const flows = dialog.getByRole('list', { name: 'Flows (3)' });
  await expect(flows.getByRole('listitem')).toHaveText(['part 0: Extra stage 0 → Extra stage 1', 'part 1: Extra stage 1 → Extra stage 2', 'part 2: Extra stage 2 → Extra stage 3']);
  await expect(dialog.getByText(/^and \d+ more$/)).toHaveCount(1);
  // The buttons stay in view below the long list.
  await expect(dialog.getByRole('button', { name: 'Apply merge' })).toBeInViewport();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: info.outputPath('merge-big-en.png') });
});

for (const [lang, mine, other, expected] of [
  ['en', 'alloy.en', 'sand.en',
    'This file is for another project: “Coated sand for 3D-printed casting cores” (this map: “High-strength aluminium alloy for general-aviation engines”). Merge it only if it belongs here.'],
  ['zh', 'alloy.zh', 'sand.zh', '这个文件属于另一个项目：“3D 打印铸造用覆膜砂”（本图：“通用航空发动机用高强铝合金”）。请确认它属于本项目后再合并。'],
]) {
  test(`a file for another project is warned about at the top of the merge dialog, which still merges it (${lang})`, async ({ page }, info) => {
    const seen = watch(page);
    await openApp(page, `?lang=${lang}`);
    const before = await page.getByRole('heading', { level: 1 }).textContent();
    expect(before).toBe(JSON.parse(fs.readFileSync(path.join(ROOT, 'src', 'templates', `${mine}.chainmap.json`), 'utf8')).project.title);
    await openWith(page, lang === 'en' ? 'Merge file' : '合并文件', path.join(ROOT, 'src', 'templates', `${other}.chainmap.json`));
    const dialog = page.getByRole('dialog');
    const alert = dialog.getByRole('alert');
    await expect(alert).toHaveText(expected);
    // At the top: right under the dialog's title, above the summary.
    const [a, s] = [await alert.boundingBox(), await dialog.getByRole('status').boundingBox()];
    expect(a.y).toBeLessThan(s.y);
    // What it adds is listed by name too.
    await expect(dialog.getByRole('list', { name: lang === 'en' ? /^Stages \(\d+\)$/ : /^环节（\d+）$/ })).toContainText(
      lang === 'en' ? 'Coated sand formulation' : '覆膜砂配方',
    );
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: info.outputPath(`merge-other-project-${lang}.png`) });
    // The merge is still possible.
    await dialog.getByRole('button', { name: lang === 'en' ? 'Apply merge' : '执行合并' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(before);
    expect(seen.errors).toEqual([]);
  });
}

test('a file of the same project with no id in common gets a note, not a warning', async ({ page }, info) => {
  await openApp(page);
  const title = await page.getByRole('heading', { level: 1 }).textContent();
  // Started afresh instead of from the supervisor's file: the title in other case, every id new.
  const theirs = { format: 'chainmap', version: 1, project: { title: `  ${title.toUpperCase()} ` }, stages: [{ id: 'my-cast', name: 'Casting trials' }] };
  const file = info.outputPath('afresh.chainmap.json');
  fs.writeFileSync(file, JSON.stringify(theirs));
  await openWith(page, 'Merge file', file);
  const dialog = page.getByRole('dialog', { name: /^Merge file — / });
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect(dialog.locator('.merge-note')).toHaveText(/^Nothing in this file has the id of anything in this map, so all of it is added beside what is here/);
  await expect(dialog.getByRole('list', { name: 'Stages (1)' }).getByRole('listitem')).toHaveText(['Casting trials']);
  await page.screenshot({ path: info.outputPath('merge-no-common-ids-en.png') });
});
