// Shared helpers for the end-to-end tests: watching the page for errors and
// for requests that leave the origin, and asking the CLI (the same core) what
// the analysis of a file is.
const { execFileSync } = require('child_process');
const path = require('path');

const ROOT = path.join(__dirname, '..');

/** Records console errors, page errors and requests to other origins. */
function watch(page) {
  const seen = { errors: [], foreign: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') seen.errors.push(msg.text());
  });
  page.on('pageerror', (err) => seen.errors.push(String(err)));
  // Content-Security-Policy violations are counted too (none are expected).
  page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    const origin = new URL(url).origin;
    if (origin !== new URL(page.url() === 'about:blank' ? url : page.url()).origin) seen.foreign.push(url);
  });
  return seen;
}

/** `chainmap check --json FILE` → the parsed line for that file. */
function checkJson(file) {
  const bin = path.join(ROOT, 'target', 'debug', 'chainmap');
  let out;
  try {
    out = execFileSync(bin, ['check', '--json', file], { encoding: 'utf8' });
  } catch (e) {
    // Exit 1 (an error-severity gap) still prints the result.
    if (e.status === 1) out = e.stdout;
    else {
      out = execFileSync('cargo', ['run', '--quiet', '--bin', 'chainmap', '--', 'check', '--json', file], {
        cwd: ROOT,
        encoding: 'utf8',
      });
    }
  }
  return JSON.parse(out.trim().split('\n')[0]);
}

function template(name) {
  return path.join(ROOT, 'src', 'templates', name);
}

/** Opens the app in English and waits until the diagram is drawn. */
async function openApp(page, query = '?lang=en') {
  await page.goto('/' + query);
  await page.getByRole('region', { name: /Chain diagram|价值链图/ }).locator('svg').waitFor();
  // The side panels are drawn after the diagram's first frame.
  await page.getByRole('region', { name: /^(Inspector|详情)$/ }).waitFor();
}

const fs = require('fs');

/** `chainmap fmt FILE` → the canonical text of that file. */
function fmt(file) {
  const bin = path.join(ROOT, 'target', 'debug', 'chainmap');
  return execFileSync(bin, ['fmt', file], { encoding: 'utf8' });
}

/** A conformance case shared with the other implementations. */
function conformance(name) {
  return path.join(ROOT, '..', 'shared', 'conformance', name);
}

/** A button by its English or Chinese name, anywhere on the page. */
function button(page, en, zh) {
  const names = [en, zh].filter(Boolean).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return page.getByRole('button', { name: new RegExp(`^(${names.join('|')})$`) });
}

/** Activates a control the way a keyboard user does: focus it, press Enter. */
async function activate(locator) {
  await locator.focus();
  await locator.press('Enter');
}

/**
 * Clicks Export JSON and returns the download: `{ name, text }`, and `file`
 * (a copy kept in `dir` when given, for the CLI).
 */
async function exportDownload(page, dir) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    button(page, 'Export JSON', '导出 JSON').click(),
  ]);
  const name = download.suggestedFilename();
  const text = fs.readFileSync(await download.path(), 'utf8');
  let file;
  if (dir) {
    fs.mkdirSync(dir, { recursive: true });
    file = path.join(dir, name);
    fs.writeFileSync(file, text);
  }
  return { name, text, file };
}

/** Clicks Export JSON and returns the text of the downloaded file. */
async function exportJson(page) {
  return (await exportDownload(page)).text;
}

/**
 * Opens a file through Open file. `what` is a path, or
 * `{ name, buffer }` / `{ name, text }` for a file made on the spot.
 */
async function openFile(page, what) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    button(page, 'Open file', '打开文件').click(),
  ]);
  if (typeof what === 'string') {
    await chooser.setFiles(what);
  } else {
    const buffer = what.buffer || Buffer.from(what.text, 'utf8');
    await chooser.setFiles({ name: what.name, mimeType: 'application/json', buffer });
  }
}

/** The gap codes the Gaps region lists, in order. */
async function gapCodes(page) {
  return page
    .getByRole('region', { name: /^(Gaps|缺口)$/ })
    .getByRole('listitem')
    .evaluateAll((lis) => lis.map((li) => li.dataset.code));
}

/**
 * A map with every id replaced by the name of what it stands for, so that
 * two maps built with different (random) ids can be compared.
 */
function namer(map) {
  const name = new Map();
  for (const p of map.project.phases || []) name.set(p.id, `phase:${p.name}`);
  for (const s of map.stages || []) name.set(s.id, `stage:${s.name}`);
  for (const p of map.people || []) name.set(p.id, `person:${p.name}`);
  for (const t of map.topics || []) name.set(t.id, `topic:${t.title}`);
  for (const f of map.flows || []) name.set(f.id, `flow:${f.artifact}`);
  return (id) => (id === undefined ? undefined : name.get(id) || `?${id}`);
}

function byNames(map) {
  const n = namer(map);
  const strip = ({ id, ...rest }) => rest;
  return {
    ...map,
    project: { ...map.project, phases: (map.project.phases || []).map(strip) },
    stages: (map.stages || []).map((s) => ({ ...strip(s), phase: n(s.phase) })),
    flows: (map.flows || []).map((f) => ({ ...strip(f), from: n(f.from), to: n(f.to) })),
    people: (map.people || []).map(strip),
    topics: (map.topics || []).map((t) => ({
      ...strip(t),
      student: n(t.student),
      stage: n(t.stage),
      supervisors: (t.supervisors || []).map(n),
    })),
  };
}

/** The gaps of `check --json` with their ids replaced by names. */
function gapsByNames(checked, map) {
  const n = namer(map);
  return checked.gaps.map((g) => ({ code: g.code, severity: g.severity, about: g.ids.map(n) }));
}

/** Waits until the autosave (400 ms after the last change) has surely run. */
async function waitForAutosave(page) {
  await page.waitForTimeout(700);
}

module.exports = {
  watch,
  checkJson,
  template,
  openApp,
  ROOT,
  fmt,
  conformance,
  button,
  activate,
  exportDownload,
  exportJson,
  openFile,
  gapCodes,
  byNames,
  gapsByNames,
  waitForAutosave,
};

// ---------------------------------------------------------------------------
// Helpers of the hostile-input and XSS suites (e2e/hostile.spec.js,
// e2e/xss.spec.js).

/** The autosave as stored (`{"rev":N,"map":TEXT}`), or null. */
async function autosaved(page) {
  return page.evaluate(() => localStorage.getItem('chainmap.autosave.v2'));
}

/** Merges a file through Merge file; `what` as for `openFile`. */
async function mergeFile(page, what) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    button(page, 'Merge file', '合并文件').click(),
  ]);
  if (typeof what === 'string') {
    await chooser.setFiles(what);
  } else {
    const buffer = what.buffer || Buffer.from(what.text, 'utf8');
    await chooser.setFiles({ name: what.name, mimeType: 'application/json', buffer });
  }
}

/** A case of the hostile corpus (tests/hostile). */
function hostile(name) {
  return path.join(ROOT, 'tests', 'hostile', `${name}.chainmap.json`);
}

/**
 * `chainmap check --json FILE` for any file, valid or not: the parsed line
 * and the exit code.
 */
function checkAny(file) {
  const bin = path.join(ROOT, 'target', 'debug', 'chainmap');
  try {
    const out = execFileSync(bin, ['check', '--json', file], { encoding: 'utf8', maxBuffer: 64 << 20 });
    return { code: 0, ...JSON.parse(out.trim().split('\n')[0]) };
  } catch (e) {
    if (e.status === 1 || e.status === 2) return { code: e.status, ...JSON.parse(String(e.stdout).trim().split('\n')[0]) };
    throw e;
  }
}

/** Records every alert/confirm/prompt the page opens (and dismisses it). */
function watchDialogs(page) {
  const seen = [];
  page.on('dialog', (d) => {
    seen.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  return seen;
}

module.exports.autosaved = autosaved;
module.exports.mergeFile = mergeFile;
module.exports.hostile = hostile;
module.exports.checkAny = checkAny;
module.exports.watchDialogs = watchDialogs;
