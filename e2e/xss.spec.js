// Nothing runs that should not (issue 6, item 6): XSS payloads put in every
// text field, through the Inspector and through imported files (valid ones,
// and refused ones whose problems quote the payload), then: no dialog opens,
// the canary `window.__xss` is never set, no element or inline handler is
// added to the page, the text shows literally, no CSP violation, no request
// to another origin, and Export JSON holds the payload as a plain string.
// The exported SVG and Markdown and the printed briefs carry it as text too.
const fs = require('fs');
const { test, expect } = require('@playwright/test');
const { openApp, watch, openFile, exportJson, button, hostile, watchDialogs, mergeFile } = require('./helpers');

test.describe.configure({ mode: 'parallel' });

/**
 * At least 25 payloads. Those that would run code set `window.__xss` (and
 * most also call alert); those that would load something point at another
 * origin on this machine (127.0.0.1:9), which counts as a foreign request.
 * None has a control character or outer spaces, and none is over 200
 * characters, so each is a valid value of every text field.
 */
const PAYLOADS = [
  '<script>window.__xss=1;alert(1)</script>',
  '<img src=x onerror="window.__xss=1;alert(1)">',
  '"><svg onload="window.__xss=1;alert(1)">',
  "'><svg/onload=window.__xss=1>",
  'javascript:window.__xss=1;alert(1)',
  '</text><script>window.__xss=1</script>',
  '</title><script>window.__xss=1</script>',
  '</textarea><script>window.__xss=1</script>',
  "{{constructor.constructor('window.__xss=1;alert(1)')()}}",
  '${window.__xss=1}${alert(1)}',
  '<iframe src="javascript:window.__xss=1"></iframe>',
  '<svg><animate onbegin="window.__xss=1" attributeName="x" dur="1s"/></svg>',
  '<svg><a href="javascript:window.__xss=1"><text x="20" y="20">click</text></a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=1">',
  '<style>@import "//127.0.0.1:9/x.css";body{display:none}</style>',
  '<link rel="stylesheet" href="//127.0.0.1:9/x.css">',
  '<img src="//127.0.0.1:9/pixel.gif">',
  '<div style="background:url(//127.0.0.1:9/bg.png)">css</div>',
  '&lt;script&gt;window.__xss=1&lt;/script&gt;',
  '&#60;img src=x onerror=window.__xss=1&#62;',
  '\u202Egnp.exe\u202C <b>rtl override</b>',
  'zero\u200Bwidth\u200D<scr\u200Bipt>window.__xss=1</scr\u200Bipt>\uFEFFend',
  '<!--<img src="--><img src=x onerror="window.__xss=1">',
  '<details open ontoggle="window.__xss=1">',
  '<input autofocus onfocus="window.__xss=1">',
  '<object data="javascript:window.__xss=1"></object>',
  '<base href="//127.0.0.1:9/">',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">',
  '=HYPERLINK("//127.0.0.1:9","x")',
  '[click](javascript:window.__xss=1) **bold** <u>u</u>',
  '<![CDATA[<script>window.__xss=1</script>]]>',
  '"onmouseover="window.__xss=1" x="',
];

/** What the page holds that a payload could have added, counted. */
async function pageShape(page) {
  return page.evaluate(() => {
    const count = (sel) => document.querySelectorAll(sel).length;
    let handlers = 0;
    const inline = [];
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) {
          handlers++;
          inline.push(`<${el.tagName.toLowerCase()} ${a.name}>`);
        }
        if (/^\s*javascript:/i.test(a.value) && /^(href|src|xlink:href|action|data|formaction)$/i.test(a.name)) {
          inline.push(`<${el.tagName.toLowerCase()} ${a.name}=javascript:>`);
        }
      }
    }
    return {
      scripts: count('script'),
      media: count('img, iframe, object, embed, frame, video, audio, image, foreignObject'),
      styles: count('style, link'),
      bases: count('base, meta[http-equiv]'),
      handlers,
      inline: inline.slice(0, 10),
      xss: window.__xss === undefined ? null : window.__xss,
    };
  });
}

/** Nothing ran, nothing was added, nothing left the origin. */
async function expectInert(page, baseline, seen, dialogs, when) {
  const shape = await pageShape(page);
  expect(shape.xss, `${when}: window.__xss was set`).toBeNull();
  expect(dialogs, `${when}: dialogs`).toEqual([]);
  expect(shape.inline, `${when}: inline handlers or javascript: URLs`).toEqual([]);
  expect({ ...shape, inline: [] }, `${when}: elements added to the page`).toEqual({ ...baseline, inline: [] });
  expect(seen.errors, `${when}: console errors and CSP violations`).toEqual([]);
  expect(seen.foreign, `${when}: requests to other origins`).toEqual([]);
}

/** The base map: one phase, two stages, two flows, a student, a supervisor, a topic. */
const BASE = fs.readFileSync(hostile('cycle-ok'), 'utf8');

async function start(page) {
  const seen = watch(page);
  const dialogs = watchDialogs(page);
  await openApp(page);
  await openFile(page, { name: 'base.chainmap.json', text: BASE });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hostile base');
  const baseline = await pageShape(page);
  return { seen, dialogs, baseline };
}

const regions = (page) => ({
  diagram: page.getByRole('region', { name: 'Chain diagram' }),
  inspector: page.getByRole('region', { name: 'Inspector' }),
  team: page.getByRole('region', { name: 'Team' }),
});

/** Sets a field the way a person does: fill it, then leave it (commits). */
async function set(field, value) {
  await field.fill(value);
  await field.press('Tab');
}

async function deselect(page) {
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  await page.keyboard.press('Escape');
}

/** Puts `p` in every text field through the Inspector. */
async function typeEverywhere(page, p) {
  const { diagram, inspector, team } = regions(page);
  await deselect(page);
  await set(inspector.getByLabel('Project title'), p);
  await set(inspector.getByLabel('Source'), p);
  await set(inspector.getByLabel('Background'), p);

  await diagram.getByRole('button', { name: /\(stage, / }).first().click();
  await set(inspector.getByLabel('Name', { exact: true }), p);
  await set(inspector.getByLabel('Role'), p);
  await set(inspector.getByLabel('External inputs'), p);
  await set(inspector.getByLabel('External outputs'), p);

  await diagram.locator('g.flow .flow-label').first().click();
  await set(inspector.getByLabel('Artifact'), p);

  await team.locator('li.person.student button.person-name').first().click();
  await set(inspector.getByLabel('Name', { exact: true }), p);
  await set(inspector.getByLabel('Affiliation'), p);

  await team.locator('button.topic').first().click();
  await set(inspector.getByLabel('Title'), p);
  await set(inspector.getByLabel('Notes'), p);
  await deselect(page);
}

/** Every field of the exported map that should now hold `p`, as a plain string. */
function expectExported(text, p, when) {
  const m = JSON.parse(text);
  const has = (list, f) => list.some((x) => f(x) === p);
  expect(m.project.title, `${when}: project.title`).toBe(p);
  expect(m.project.source, `${when}: project.source`).toBe(p);
  expect(m.project.background, `${when}: project.background`).toBe(p);
  expect(has(m.stages, (s) => s.name), `${when}: a stage name`).toBe(true);
  expect(has(m.stages, (s) => s.role), `${when}: a stage role`).toBe(true);
  expect(has(m.stages, (s) => (s.external_inputs || [])[0]), `${when}: an external input`).toBe(true);
  expect(has(m.stages, (s) => (s.external_outputs || [])[0]), `${when}: an external output`).toBe(true);
  expect(has(m.flows, (f) => f.artifact), `${when}: a flow artifact`).toBe(true);
  expect(has(m.people, (x) => x.name), `${when}: a person name`).toBe(true);
  expect(has(m.people, (x) => x.affiliation), `${when}: an affiliation`).toBe(true);
  expect(has(m.topics, (t) => t.title), `${when}: a topic title`).toBe(true);
  expect(has(m.topics, (t) => t.notes), `${when}: topic notes`).toBe(true);
}

/** The payload shows as the text it is. */
async function expectLiteral(page, p, when) {
  const { diagram, team } = regions(page);
  const h1 = await page.getByRole('heading', { level: 1 }).textContent();
  expect(h1, `${when}: the heading`).toBe(p);
  expect(await page.evaluate(() => document.title), `${when}: the document title`).toContain(p);
  const topic = await team.locator('.topic-title').first().textContent();
  expect(topic, `${when}: the topic title in the Team`).toBe(p);
  const names = await diagram.getByRole('button', { name: /\(stage, / }).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') || e.textContent));
  expect(names.some((n) => n.startsWith(p)), `${when}: a stage card named by the payload`).toBe(true);
}

const CHUNKS = 4;
for (let c = 0; c < CHUNKS; c++) {
  const mine = PAYLOADS.filter((_, i) => i % CHUNKS === c);
  test(`payloads typed into every Inspector field stay text (set ${c + 1} of ${CHUNKS})`, async ({ page }) => {
    test.setTimeout(180000);
    const { seen, dialogs, baseline } = await start(page);
    for (const p of mine) {
      const when = `payload ${JSON.stringify(p)}`;
      await typeEverywhere(page, p);
      await expectLiteral(page, p, when);
      await expectInert(page, baseline, seen, dialogs, when);
      expectExported(await exportJson(page), p, when);
    }
    // Reloading brings the map back from the autosave: still text.
    await page.waitForTimeout(700);
    await page.reload();
    await page.getByRole('region', { name: 'Chain diagram' }).locator('svg').waitFor();
    await expectLiteral(page, mine[mine.length - 1], 'after a reload');
    await expectInert(page, baseline, seen, dialogs, 'after a reload');
  });
}

/** A valid map with a payload in every text field (each field its own payload). */
function payloadMap() {
  let k = 0;
  const next = () => PAYLOADS[k++ % PAYLOADS.length];
  const m = JSON.parse(BASE);
  m.project.title = next();
  m.project.source = next();
  m.project.background = PAYLOADS.join('\n');
  m.project.phases[0].name = next();
  m.project.phases.push({ id: 'mkt', name: next() });
  for (const s of m.stages) {
    s.name = next();
    s.role = next();
    s.external_inputs = [next(), next()];
    s.external_outputs = [next()];
  }
  m.stages[1].phase = 'mkt';
  for (const f of m.flows) f.artifact = next();
  for (const p of m.people) {
    p.name = next();
    p.affiliation = next();
  }
  for (const t of m.topics) {
    t.title = next();
    t.notes = PAYLOADS.slice().reverse().join('\n');
  }
  m['x-unknown <script>window.__xss=1</script>'] = { '<img src=x onerror="window.__xss=1">': next() };
  return m;
}

test('a valid file with a payload in every field opens as text, and exports it as JSON strings', async ({ page }) => {
  test.setTimeout(90000);
  const { seen, dialogs, baseline } = await start(page);
  const m = payloadMap();
  await openFile(page, { name: '<img src=x onerror=window.__xss=1>.chainmap.json', text: JSON.stringify(m, null, 2) });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(m.project.title);
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(m.project.title);
  // Visit every entity so that each shows in the Inspector.
  const { diagram, inspector, team } = regions(page);
  const cards = diagram.getByRole('button', { name: /\(stage, / });
  await expect(cards).toHaveCount(m.stages.length);
  for (let i = 0; i < m.stages.length; i++) {
    await cards.nth(i).click();
    const name = await inspector.getByLabel('Name', { exact: true }).inputValue();
    const s = m.stages.find((x) => x.name === name);
    expect(s, `stage name shown literally in the Inspector: ${name}`).toBeTruthy();
    expect(await inspector.getByLabel('Role').inputValue()).toBe(s.role);
    expect(await inspector.getByLabel('External inputs').inputValue()).toBe(s.external_inputs.join('\n'));
  }
  await team.locator('li.person.student button.person-name').first().click();
  expect(m.people.map((p) => p.name)).toContain(await inspector.getByLabel('Name', { exact: true }).inputValue());
  await team.locator('button.topic').first().click();
  expect(await inspector.getByLabel('Title').inputValue()).toBe(m.topics[0].title);
  expect(await inspector.getByLabel('Notes').inputValue()).toBe(m.topics[0].notes);
  await deselect(page);
  expect(await inspector.getByLabel('Background').inputValue()).toBe(m.project.background);
  // The gaps panel quotes names in its messages: still text.
  await expectInert(page, baseline, seen, dialogs, 'after opening the payload map');

  const exported = JSON.parse(await exportJson(page));
  expect(exported.project).toEqual(m.project);
  expect(exported.stages.map((s) => [s.name, s.role, s.external_inputs, s.external_outputs])).toEqual(
    m.stages.map((s) => [s.name, s.role, s.external_inputs, s.external_outputs]),
  );
  expect(exported.flows.map((f) => f.artifact)).toEqual(m.flows.map((f) => f.artifact));
  expect(exported.people.map((p) => [p.name, p.affiliation])).toEqual(m.people.map((p) => [p.name, p.affiliation]));
  expect(exported.topics.map((t) => [t.title, t.notes])).toEqual(m.topics.map((t) => [t.title, t.notes]));
  expect(exported['x-unknown <script>window.__xss=1</script>']).toEqual(m['x-unknown <script>window.__xss=1</script>']);
  await expectInert(page, baseline, seen, dialogs, 'after Export JSON');
});

test('refused files whose problems quote a payload show it as text', async ({ page }) => {
  test.setTimeout(90000);
  const { seen, dialogs, baseline } = await start(page);
  const m = JSON.parse(BASE);
  m.people[0].kind = '<img src=x onerror="window.__xss=1;alert(1)">';
  m.stages[0].phase = '<script>window.__xss=1</script>';
  m.topics[0].defense_date = '"><svg onload="window.__xss=1">';
  m.flows[0].to = 'javascript:window.__xss=1';
  m['<iframe src="javascript:window.__xss=1">'] = 1;
  const text = JSON.stringify(m, null, 2).replace('"format": "chainmap",', `"format": "chainmap", "<iframe src=\\"javascript:window.__xss=1\\">": 2,`);
  const name = '<img src=x onerror=window.__xss=1>.chainmap.json';
  await openFile(page, { name, text });
  const alert = page.getByRole('alert').filter({ hasText: 'onerror' });
  await expect(alert).toBeVisible();
  const shown = await alert.textContent();
  for (const p of [name, m.people[0].kind, m.stages[0].phase, m.topics[0].defense_date, m.flows[0].to]) {
    expect(shown, `the alert quotes ${p} literally`).toContain(p);
  }
  await expectInert(page, baseline, seen, dialogs, 'after the refused file');
  // The envelope: a payload as "format".
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await openFile(page, { name: 'format.chainmap.json', text: '{"format": "<script>window.__xss=1</script>", "version": 1}' });
  await expect(page.getByRole('alert').filter({ hasText: 'format.chainmap.json' })).toContainText('<script>window.__xss=1</script>');
  await expectInert(page, baseline, seen, dialogs, 'after a payload as format');
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Hostile base');
});

test('the exported SVG and Markdown and the printed briefs carry payloads as text', async ({ page }) => {
  test.setTimeout(90000);
  await page.addInitScript(() => {
    // Printing is recorded, not done: what the print area holds at that moment.
    window.print = () => {
      const all = [...document.querySelectorAll('*')];
      window.__printed = (window.__printed || []).concat([
        {
          media: document.querySelectorAll('img, iframe, object, embed, foreignObject').length,
          scripts: document.querySelectorAll('script').length,
          handlers: all.filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).length,
          text: document.body.innerText,
        },
      ]);
    };
  });
  const { seen, dialogs, baseline } = await start(page);
  const m = payloadMap();
  await openFile(page, { name: 'payloads.chainmap.json', text: JSON.stringify(m) });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(m.project.title);

  // SVG: one <svg> and its own <style>; every payload escaped.
  const [svgDownload] = await Promise.all([page.waitForEvent('download'), button(page, 'Export SVG', '导出 SVG').click()]);
  const svg = fs.readFileSync(await svgDownload.path(), 'utf8');
  expect(svg.match(/<svg\b/g)).toHaveLength(1);
  expect(svg.match(/<style\b/g) || []).toHaveLength(svg.includes('<style') ? 1 : 0);
  for (const tag of ['<script', '<img', '<iframe', '<foreignObject', '<object', '<a ', '<animate', '<base', '<meta', '<link', '<!--', '<![CDATA[<script']) {
    expect(svg.includes(tag), `raw ${tag} in the SVG`).toBe(false);
  }
  expect(svg).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
  expect(svg).toContain('&lt;script&gt;window.__xss=1;alert(1)&lt;/script&gt;');

  // Markdown: no raw HTML, no live javascript: link.
  const brief = page.getByRole('region', { name: 'Brief' });
  const [mdDownload] = await Promise.all([page.waitForEvent('download'), brief.getByRole('button', { name: 'Export all briefs as Markdown' }).click()]);
  const md = fs.readFileSync(await mdDownload.path(), 'utf8');
  for (const tag of ['<script', '<img', '<iframe', '<svg', '<style', '<link', '<object', '<details', '<input', '<base', '<meta', '<!--', '<u>']) {
    expect(md.includes(tag), `raw ${tag} in the Markdown`).toBe(false);
  }
  expect(md).not.toMatch(/[^\\]\]\(javascript:/);

  // Printing: the briefs are text.
  await brief.getByRole('button', { name: 'Print all briefs' }).click();
  await expect.poll(() => page.evaluate(() => (window.__printed || []).length)).toBeGreaterThan(0);
  const printed = await page.evaluate(() => window.__printed[window.__printed.length - 1]);
  expect(printed.media + printed.scripts - baseline.scripts).toBeLessThanOrEqual(0);
  expect(printed.handlers).toBe(0);
  expect(printed.text).toContain(m.topics[0].title);
  await expectInert(page, baseline, seen, dialogs, 'after the exports and printing');
});

test('merging a file full of payloads shows its conflicts and additions as text', async ({ page }) => {
  test.setTimeout(90000);
  const { seen, dialogs, baseline } = await start(page);
  const m = payloadMap();
  m.stages.push({ id: 'added', name: '<img src=x onerror="window.__xss=1;alert(1)">', role: '<script>window.__xss=1</script>' });
  await mergeFile(page, { name: '"><svg onload=window.__xss=1>.chainmap.json', text: JSON.stringify(m) });
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(m.project.title);
  await expectInert(page, baseline, seen, dialogs, 'with the merge dialog open');
  await dialog.getByRole('button', { name: 'Apply merge' }).click();
  await expect(dialog).toHaveCount(0);
  const diagram = page.getByRole('region', { name: 'Chain diagram' });
  await expect(diagram.getByRole('button', { name: /^<img src=x onerror="window\.__xss=1;alert\(1\)"> \(stage/ })).toBeVisible();
  await expectInert(page, baseline, seen, dialogs, 'after the merge');
  const exported = JSON.parse(await exportJson(page));
  expect(exported.stages.find((s) => s.id === 'added').role).toBe('<script>window.__xss=1</script>');
});
