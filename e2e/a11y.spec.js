// Accessibility: axe-core on the main screens, 0 serious or critical violations.
const { test, expect } = require('@playwright/test');
const { openApp, openFile, mergeFile, template } = require('./helpers');

// axe-core is injected as a script, which the page's CSP rightly refuses.
test.use({ bypassCSP: true });

async function axe(page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

const screens = [
  ['the example map', async () => {}],
  ['a selected stage', async (page) => page.getByRole('button', { name: /^Casting trials \(stage, / }).click()],
  ['a selected topic', async (page) => page.getByRole('region', { name: 'Team' }).getByRole('button', { name: /Casting process window/ }).click()],
  ['a selected person', async (page) => page.getByRole('region', { name: 'Team' }).getByRole('button', { name: /Eng\. Wang/ }).click()],
  ['a selected flow', async (page) => page.getByRole('region', { name: 'Gaps' }).getByRole('button').first().click()],
  ['the New map dialog', async (page) => page.getByRole('button', { name: 'New map' }).click()],
  ['the shortcuts dialog', async (page) => page.getByRole('button', { name: 'Keyboard shortcuts' }).click()],
  [
    'the merge dialog of another project\'s file (warning, conflicts, additions by name)',
    async (page) => {
      await mergeFile(page, template('sand.en.chainmap.json'));
      await page.getByRole('dialog').getByRole('alert').waitFor();
    },
  ],
  [
    'the overview of a 400-stage map, a stage selected',
    async (page) => {
      const stages = Array.from({ length: 400 }, (_, i) => ({ id: `s${i}`, name: `Stage ${i}` }));
      const flows = stages.slice(1).map((s, i) => ({ id: `f${i}`, from: `s${i}`, to: s.id, artifact: `part ${i}` }));
      const map = { format: 'chainmap', version: 1, project: { title: 'Big' }, stages, flows };
      await openFile(page, { name: 'big.chainmap.json', text: JSON.stringify(map) });
      await page.getByRole('heading', { level: 1, name: 'Big' }).waitFor();
      await page.getByRole('button', { name: /^Stage 0 \(stage, / }).click();
      await page.getByRole('button', { name: 'Fit to view' }).click();
      await page.getByRole('img', { name: /^Overview of 400 stages/ }).waitFor();
    },
  ],
];

for (const [name, open] of screens) {
  test(`axe finds no serious or critical problem on ${name}`, async ({ page }) => {
    await openApp(page);
    await open(page);
    await page.waitForTimeout(100);
    expect(await axe(page)).toEqual([]);
  });
}

test('axe finds no serious or critical problem in Chinese', async ({ page }) => {
  await openApp(page, '?lang=zh');
  expect(await axe(page)).toEqual([]);
});

test('focus is visible on a stage card', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: /\(stage, / }).first().focus();
  await page.keyboard.press('Tab');
  // A ring around the card (apart from it, unlike the selection's outline).
  const ring = await page.evaluate(() => {
    const ring = document.activeElement.parentElement.querySelector('rect.focus-ring');
    const style = getComputedStyle(ring);
    return { shown: style.display, stroke: style.stroke, width: style.strokeWidth };
  });
  expect(ring.shown).not.toBe('none');
  expect(ring.stroke).not.toBe('none');
  expect(parseFloat(ring.width)).toBeGreaterThanOrEqual(3);
});
