// The app shell as a first-time visitor sees it: the aluminium-alloy example
// drawn as a chain, its gaps listed, and the Inspector showing what a stage
// takes in and gives out.
const { test, expect } = require('@playwright/test');
const { watch, checkJson, template, openApp } = require('./helpers');

test('opens on the alloy example with no errors and no foreign requests', async ({ page }) => {
  const seen = watch(page);
  await openApp(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'High-strength aluminium alloy for general-aviation engines',
  );
  await expect(page).toHaveTitle(/chainmap/);
  await page.waitForTimeout(300);
  expect(seen.errors).toEqual([]);
  expect(seen.foreign).toEqual([]);
});

test('the chain shows its lanes in order, its stages, students and flows', async ({ page }) => {
  await openApp(page);
  const diagram = page.getByRole('region', { name: 'Chain diagram' });
  const lanes = diagram.locator('.lane-title');
  await expect(lanes).toHaveText(['Lab research', 'Pilot test', 'Industrial production']);
  const stages = diagram.getByRole('button', { name: /\(stage, / });
  await expect(stages).toHaveCount(6);
  await expect(diagram.getByRole('button', { name: 'Casting trials (stage, Pilot test; 1 student: Li with academic and enterprise supervisors)', exact: true })).toBeVisible();
  await expect(diagram.getByRole('button', { name: /^Engine part production \(stage, .*nobody works here/ })).toBeVisible();
  for (const student of ['Gao', 'Li', 'Chen']) {
    await expect(diagram.locator('.chip text', { hasText: new RegExp(`^${student}$`) })).toHaveCount(1);
  }
  // A label may wrap onto two lines; read it as a person would.
  const labels = await diagram.locator('.flow-label').evaluateAll((gs) =>
    gs.map((g) => [...g.querySelectorAll('text')].map((t) => t.textContent).join(' ')),
  );
  expect(labels.sort()).toEqual(
    ['alloy specification', 'cast samples', 'first-article parts', 'process card', 'strengthening rules'].sort(),
  );
  // Lanes read left to right: lab stages left of pilot stages left of production stages.
  const x = async (name) => (await diagram.getByRole('button', { name: new RegExp(`^${name} \\(stage, `) }).boundingBox()).x;
  expect(await x('Composition design')).toBeLessThan(await x('Casting trials'));
  expect(await x('Heat treatment window')).toBeLessThan(await x('Engine part production'));
});

test('no two stage cards overlap and every name is inside its card', async ({ page }) => {
  await openApp(page);
  const boxes = await page.locator('g.stage').evaluateAll((gs) =>
    gs.map((g) => {
      const card = g.querySelector('rect.card').getBoundingClientRect();
      const names = [...g.querySelectorAll('text')].map((t) => t.getBoundingClientRect());
      return { card: { x: card.x, y: card.y, w: card.width, h: card.height }, names: names.map((r) => ({ x: r.x, y: r.y, w: r.width, h: r.height })) };
    }),
  );
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i].card;
    for (const t of boxes[i].names) {
      expect(t.x).toBeGreaterThanOrEqual(a.x - 0.5);
      expect(t.x + t.w).toBeLessThanOrEqual(a.x + a.w + 0.5);
    }
    for (let j = i + 1; j < boxes.length; j++) {
      const b = boxes[j].card;
      const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
      expect(overlap).toBe(false);
    }
  }
});

test('the Gaps region lists exactly the gaps the core finds', async ({ page }) => {
  const expected = checkJson(template('alloy.en.chainmap.json'));
  expect(expected.valid).toBe(true);
  await openApp(page);
  const gaps = page.getByRole('region', { name: 'Gaps' });
  const items = gaps.getByRole('listitem');
  await expect(items).toHaveCount(expected.gaps.length);
  const codes = await items.evaluateAll((lis) => lis.map((li) => li.dataset.code));
  expect(codes).toEqual(expected.gaps.map((g) => g.code));
  const count = (s, word) => {
    const n = expected.gaps.filter((g) => g.severity === s).length;
    return `${n} ${word}${n === 1 ? '' : 's'}`;
  };
  await expect(gaps).toContainText(`${count('error', 'error')} · ${count('warning', 'warning')} · ${count('info', 'note')}`);
  await expect(items.first()).toContainText('Composition design');
});

test('selecting a stage shows its inputs and outputs with the people at the other end', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: /^Heat treatment window \(stage, / }).click();
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await expect(inspector.getByRole('heading', { name: 'Heat treatment window' })).toBeVisible();
  const inputs = inspector.getByRole('list', { name: 'Direct inputs' });
  await expect(inputs.getByRole('listitem')).toHaveCount(1);
  await expect(inputs).toContainText('cast samples');
  await expect(inputs).toContainText('from Casting trials');
  await expect(inputs).toContainText('by Li');
  const outputs = inspector.getByRole('list', { name: 'Direct outputs' });
  await expect(outputs).toContainText('process card');
  await expect(outputs).toContainText('to Engine part production');
  await expect(outputs).toContainText('for nobody yet');
  // The rest of the chain, beyond the direct hand-offs.
  await expect(inspector.getByRole('list', { name: 'Further upstream' })).toContainText('alloy specification');
  await expect(inspector.getByRole('list', { name: 'Further downstream' })).toContainText('first-article parts');
  // Upstream and downstream are marked on the canvas in two styles.
  await expect(page.locator('g.stage.up')).toHaveCount(3);
  await expect(page.locator('g.stage.down')).toHaveCount(2);
  await expect(page.locator('g.stage.selected')).toHaveCount(1);
});

test('a stage can be selected with the keyboard alone', async ({ page }) => {
  await openApp(page);
  const first = page.getByRole('button', { name: /\(stage, / }).first();
  await first.focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await expect(inspector.getByRole('heading', { level: 3 })).toHaveCount(1);
  const name = await inspector.getByRole('heading', { level: 3 }).textContent();
  await expect(page.getByRole('button', { name: new RegExp(`^${name} \\(stage, `) })).toHaveAttribute('aria-pressed', 'true');
});

test('activating a gap selects the stage it is about and shows it in the Inspector', async ({ page }) => {
  await openApp(page);
  // The Gaps come before the long Brief in the right-hand column.
  const column = page.locator('aside.side.right > section');
  await expect(column).toHaveCount(3);
  expect(await column.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).toEqual(['Inspector', 'Gaps', 'Brief']);
  const gap = page.getByRole('region', { name: 'Gaps' }).getByRole('button', { name: /Nobody works here.*Engine part production/ });
  await gap.scrollIntoViewIfNeeded();
  await gap.click();
  // The column scrolls back up to the Inspector, which now shows the stage.
  const heading = page.getByRole('region', { name: 'Inspector' }).getByRole('heading', { name: 'Engine part production' });
  await expect(heading).toBeInViewport();
});

test('from a gap, the Inspector lists the gaps there and "Next gap" walks through every one without going back to the list', async ({ page }) => {
  await openApp(page);
  const inspector = page.getByRole('region', { name: 'Inspector' });
  const gapButtons = page.getByRole('region', { name: 'Gaps' }).getByRole('button');
  await gapButtons.filter({ hasText: 'Composition design' }).first().click();
  await expect(inspector.getByRole('heading', { name: 'Composition design', level: 3 })).toBeVisible();
  // Nobody works there, and Li's topic takes a hand-off from it.
  const here = inspector.getByRole('list', { name: /^Gaps here \(\d+\)$/ });
  await expect(here).toContainText('Nobody works here');
  await expect(here).toContainText('Nobody works upstream');
  // Walk: each stop is a new element, shown in view with its gaps, until
  // it comes round to the first one again.
  const next = inspector.getByRole('button', { name: 'Next gap' });
  const seen = [];
  for (let i = 0; i < 12; i++) {
    const heading = inspector.getByRole('heading', { level: 3 });
    const name = (await heading.textContent()).trim();
    if (seen.includes(name)) break;
    seen.push(name);
    await expect(next).toBeVisible();
    await next.click();
    await expect(inspector.getByRole('heading', { level: 3 })).not.toHaveText(name);
    await expect(inspector.getByRole('heading', { level: 3 })).toBeInViewport();
  }
  // Every element the Gaps list is about, once each.
  const all = await gapButtons.count();
  expect(seen.length).toBeGreaterThan(3);
  expect(seen.length).toBeLessThanOrEqual(all);
  expect(seen[0]).toBe('Composition design');
  expect(new Set(seen).size).toBe(seen.length);
});

test('the toolbar is one row at 1280 px, in English and in Chinese', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  for (const [query, first, last] of [['?lang=en', 'New map', 'Keyboard shortcuts'], ['?lang=zh', '新建', '键盘快捷键']]) {
    await openApp(page, query);
    const top = async (name) => (await page.getByRole('button', { name, exact: true }).boundingBox()).y;
    expect(await top(last)).toBe(await top(first));
  }
});

test('collapsing every panel of a side column gives its width to the diagram', async ({ page }) => {
  await openApp(page);
  const left = page.locator('aside.side.left');
  const canvas = page.getByRole('region', { name: 'Chain diagram' });
  const width = async (l) => (await l.boundingBox()).width;
  const [column, diagram] = [await width(left), await width(canvas)];
  expect(column).toBeGreaterThan(200);
  for (const name of ['Team', 'Coverage']) {
    await page.getByRole('region', { name }).getByRole('button', { name, exact: true }).click();
  }
  await expect.poll(() => width(left)).toBeLessThan(60);
  expect(await width(canvas)).toBeGreaterThan(diagram + 150);
  // The titles stay there to open the panels again.
  await page.getByRole('region', { name: 'Team' }).getByRole('button', { name: 'Team', exact: true }).click();
  await expect.poll(() => width(left)).toBe(column);
  await expect(page.getByRole('region', { name: 'Team' }).getByRole('button', { name: 'Add person' })).toBeVisible();
});

test('a collapsed panel holds nothing while closed, and shows the map as it is when opened again', async ({ page }) => {
  await openApp(page);
  const gaps = page.getByRole('region', { name: 'Gaps' });
  const toggle = gaps.getByRole('button', { name: 'Gaps', exact: true });
  await expect(gaps.getByRole('button', { name: /Nobody works here.*Engine part production/ })).toBeVisible();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  // Not hidden but absent: a closed panel costs nothing on a big map.
  await expect(gaps.locator('li')).toHaveCount(0);
  // An edit while it is closed: the stage gets a new name.
  await page.getByRole('region', { name: 'Chain diagram' }).getByRole('button', { name: /^Engine part production \(stage, / }).click();
  const name = page.getByRole('region', { name: 'Inspector' }).getByLabel('Name', { exact: true });
  await name.fill('Cylinder head production');
  await name.press('Enter');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(gaps.getByRole('button', { name: /Nobody works here.*Cylinder head production/ })).toBeVisible();
  await expect(gaps.getByRole('button', { name: /Engine part production/ })).toHaveCount(0);
});

test('More exports is a button that opens a menu, which closes on Escape, outside and after a choice', async ({ page }) => {
  await openApp(page);
  const more = page.getByRole('button', { name: 'More exports' });
  const csv = page.getByRole('button', { name: 'Export coverage CSV' });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await expect(csv).toBeHidden();
  await more.click();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  await expect(csv).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(csv).toBeHidden();
  await more.click();
  await page.getByRole('heading', { level: 1 }).click();
  await expect(csv).toBeHidden();
  await more.click();
  const [download] = await Promise.all([page.waitForEvent('download'), csv.click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  await expect(csv).toBeHidden();
  await expect(more).toHaveAttribute('aria-expanded', 'false');
});
