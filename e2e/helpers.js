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
}

module.exports = { watch, checkJson, template, openApp, ROOT };
