// Autosave you can trust: reload restores, abrupt closes lose nothing that was
// on screen longer than the debounce, two tabs never overwrite each other
// silently, and a full storage is said at once while work goes on.
const { test, expect } = require('@playwright/test');
const { openApp, watch } = require('./helpers');

const DEBOUNCE_MS = 400;

async function setTitle(page, title) {
  const field = page.getByRole('region', { name: 'Inspector' }).getByLabel('Project title');
  await field.fill(title);
  await field.press('Enter');
}

test('an edit survives a reload', async ({ page }) => {
  await openApp(page);
  await setTitle(page, 'Reloaded project');
  await page.waitForTimeout(DEBOUNCE_MS + 300);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reloaded project');
  await expect(page.getByRole('status').filter({ hasText: 'restored from this browser' })).toBeVisible();
});

test('30 abrupt closes lose no edit that was on screen longer than the debounce', async ({ context }) => {
  test.setTimeout(150000);
  let page = await context.newPage();
  await openApp(page);
  for (let i = 1; i <= 30; i++) {
    await page.getByRole('button', { name: 'Add stage' }).click();
    const name = page.getByRole('region', { name: 'Inspector' }).getByLabel('Name');
    await name.fill(`Kill test stage ${i}`);
    await name.press('Enter');
    await expect(page.getByRole('button', { name: new RegExp(`^Kill test stage ${i} \\(stage`) })).toBeVisible();
    await page.waitForTimeout(DEBOUNCE_MS + 150);
    await page.close({ runBeforeUnload: false });
    page = await context.newPage();
    await page.goto('/?lang=en');
    for (const j of [1, i]) {
      await expect(page.getByRole('button', { name: new RegExp(`^Kill test stage ${j} \\(stage`) })).toHaveCount(1);
    }
  }
  await expect(page.getByRole('button', { name: /^Kill test stage \d+ \(stage/ })).toHaveCount(30);
});

test('a second tab is told about a newer save and chooses; nothing is overwritten silently', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await openApp(a);
  await openApp(b);
  await setTitle(a, 'Edited in tab A');
  await a.waitForTimeout(DEBOUNCE_MS + 300);
  const banner = b.getByRole('alert').filter({ hasText: 'changed and saved in another tab' });
  await expect(banner).toBeVisible();
  // Tab B edits now: it must not write over A's save.
  await setTitle(b, 'Edited in tab B');
  await b.waitForTimeout(DEBOUNCE_MS + 300);
  const stored = await a.evaluate(() => JSON.parse(localStorage.getItem('chainmap.autosave.v2')).map);
  expect(JSON.parse(stored).project.title).toBe('Edited in tab A');
  // B chooses A's version.
  await banner.getByRole('button', { name: "Load the other tab's version" }).click();
  await expect(b.getByRole('heading', { level: 1 })).toHaveText('Edited in tab A');
  await expect(banner).toHaveCount(0);
  // And Undo in B brings back what B had.
  await b.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(b.getByRole('heading', { level: 1 })).toHaveText('Edited in tab B');
});

test('keeping this tab\'s version saves it over the other', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await openApp(a);
  await openApp(b);
  await setTitle(a, 'From A');
  const banner = b.getByRole('alert').filter({ hasText: 'changed and saved in another tab' });
  await expect(banner).toBeVisible();
  await setTitle(b, 'From B');
  await banner.getByRole('button', { name: "Keep this tab's version" }).click();
  await expect(banner).toHaveCount(0);
  // The focus went with the banner's button to the diagram, not to the page.
  await expect.poll(() => b.evaluate(() => !!document.activeElement && document.activeElement !== document.body && !!document.activeElement.closest('section.canvas'))).toBe(true);
  const stored = await b.evaluate(() => JSON.parse(JSON.parse(localStorage.getItem('chainmap.autosave.v2')).map).project.title);
  expect(stored).toBe('From B');
  // Now A is the one that is told.
  await expect(a.getByRole('alert').filter({ hasText: 'changed and saved in another tab' })).toBeVisible();
});

test('a full storage shows a lasting warning within a second; editing and Export JSON still work', async ({ page }) => {
  const seen = watch(page);
  await page.addInitScript(() => {
    if (sessionStorage.getItem('filled')) return;
    sessionStorage.setItem('filled', '1');
    const chunk = 'x'.repeat(1024 * 1024);
    for (let i = 0; i < 200; i++) {
      try {
        localStorage.setItem('filler-' + i, chunk);
      } catch (e) {
        break;
      }
    }
    // Fill the last bytes too.
    let small = 'y'.repeat(1024);
    for (let i = 0; i < 10000; i++) {
      try {
        localStorage.setItem('tail-' + i, small);
      } catch (e) {
        if (small.length === 1) break;
        small = small.slice(0, Math.floor(small.length / 2));
      }
    }
  });
  await openApp(page);
  await setTitle(page, 'No room left');
  const warning = page.getByRole('alert').filter({ hasText: 'refused to keep your changes' });
  await expect(warning).toBeVisible({ timeout: 1000 + DEBOUNCE_MS });
  await page.getByRole('button', { name: 'Add stage' }).click();
  await expect(page.getByRole('button', { name: /^New stage \(stage/ })).toBeVisible();
  await expect(warning).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  expect(download.suggestedFilename()).toBe('No room left.chainmap.json');
  const text = require('fs').readFileSync(await download.path(), 'utf8');
  expect(JSON.parse(text).stages.some((s) => s.name === 'New stage')).toBe(true);
  expect(seen.errors.filter((e) => !e.includes('QuotaExceeded'))).toEqual([]);
});
