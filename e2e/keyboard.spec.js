// Keyboard focus: skip links past the toolbar and the Team, and actions that
// take away the focused element (a deletion, a disabled button, a closed
// dialog, the Inspector drawn for another selection) leave the focus on a
// neighbour, never on the page itself (where the next Tab starts again at
// the top of the page).
const { test, expect } = require('@playwright/test');
const { openApp, button, activate, template, waitForAutosave } = require('./helpers');

const card = (page, name) => page.getByRole('button', { name: new RegExp(`^${name} \\(stage, `) });
const region = (page, name) => page.getByRole('region', { name, exact: true });

/** Selects a card or a Team button with the keyboard, and waits until it is selected. */
async function select(locator) {
  await activate(locator);
  await expect(locator).toHaveAttribute('aria-pressed', 'true');
}

/** What has the focus: "BODY", or the focused element's accessible text. */
async function focused(page) {
  return page.evaluate(() => {
    const a = document.activeElement;
    if (!a || a === document.body) return 'BODY';
    return a.getAttribute('aria-label') || a.textContent.trim();
  });
}

/** Opens a map of `n` stages in a row with no people (one gap or more each). */
async function openBig(page, n) {
  const stages = Array.from({ length: n }, (_, i) => ({ id: `s${i}`, name: `Stage ${i}` }));
  const flows = stages.slice(1).map((s, i) => ({ id: `f${i}`, from: `s${i}`, to: s.id, artifact: `part ${i}` }));
  const map = { format: 'chainmap', version: 1, project: { title: 'Big' }, stages, flows };
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button(page, 'Open file').click()]);
  await chooser.setFiles({ name: 'big.chainmap.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(map)) });
  await page.getByRole('heading', { level: 1, name: 'Big' }).waitFor();
}

/** Merges a template through Merge file, reached by the keyboard. */
async function mergeWithKeyboard(page, file) {
  const merge = button(page, 'Merge file');
  await merge.focus();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), merge.click()]);
  await chooser.setFiles(file);
  const dialog = page.getByRole('dialog', { name: /^Merge file — / });
  await expect(dialog).toBeVisible();
  return dialog;
}

// Skip links.

test('a skip link reaches the first stage of the diagram in two key presses, and Tab goes on from there', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the diagram' });
  await expect(skip).toBeFocused();
  // Visible once it has the focus, inside the window.
  await expect(skip).toBeInViewport();
  const box = await skip.boundingBox();
  expect(box.width).toBeGreaterThan(40);
  await page.keyboard.press('Enter');
  await expect(card(page, 'Strengthening mechanism')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(card(page, 'Composition design')).toBeFocused();
});

test('the diagram skip link goes to the selected stage, and in Chinese it has a Chinese name', async ({ page }) => {
  await openApp(page, '?lang=zh');
  const heat = page.getByRole('button', { name: /^热处理窗口（/ });
  await select(heat);
  await activate(page.getByRole('link', { name: '跳到价值链图' }));
  await expect(heat).toBeFocused();
  await expect(page.getByRole('link', { name: '跳到缺口' })).toHaveCount(1);
  await expect(page.getByRole('link', { name: '跳到详情' })).toHaveCount(1);
});

test('the skip links to the gaps and to the Inspector land in those regions', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to the gaps' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(region(page, 'Gaps').getByRole('button').nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  // The gap's stage or topic is in the Inspector; its skip link lands on its heading.
  await expect(region(page, 'Inspector').getByRole('heading', { level: 3 })).toBeVisible();
  await activate(page.getByRole('link', { name: 'Skip to the Inspector' }));
  await expect(region(page, 'Inspector').getByRole('heading', { level: 3 })).toBeFocused();
});

test('the skip links to the Team and the coverage land on their first control, after the other three', async ({ page }) => {
  await openApp(page);
  for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to the Team' })).toBeFocused();
  await page.keyboard.press('Enter');
  // The first student.
  await expect(region(page, 'Team').getByRole('button', { name: 'Gao', exact: true })).toBeFocused();
  await activate(page.getByRole('link', { name: 'Skip to the coverage' }));
  const inCoverage = await page.evaluate(() => !!document.activeElement.closest('section.panel.coverage'));
  expect(inCoverage).toBe(true);
  await expect.poll(() => focused(page)).not.toBe('BODY');
  // A collapsed panel: its title button.
  await region(page, 'Coverage').getByRole('button', { name: 'Coverage', exact: true }).click();
  await activate(page.getByRole('link', { name: 'Skip to the coverage' }));
  await expect(region(page, 'Coverage').getByRole('button', { name: 'Coverage', exact: true })).toBeFocused();
  // The brief, last: its topic chooser.
  await activate(page.getByRole('link', { name: 'Skip to the brief' }));
  await expect(region(page, 'Brief').getByLabel('Brief for topic')).toBeFocused();
  // In Chinese.
  await openApp(page, '?lang=zh');
  await expect(page.getByRole('link', { name: '跳到团队' })).toHaveCount(1);
  await expect(page.getByRole('link', { name: '跳到覆盖情况' })).toHaveCount(1);
  await expect(page.getByRole('region', { name: '覆盖情况', exact: true })).toHaveCount(1);
  await expect(page.getByRole('link', { name: '跳到开题简报' })).toHaveCount(1);
});

test('a map with no stage: the diagram skip link lands on the diagram region', async ({ page }) => {
  await openApp(page);
  await activate(button(page, 'New map'));
  await activate(page.getByRole('button', { name: /^Empty chain/ }));
  await expect(page.getByRole('button', { name: /\(stage, / })).toHaveCount(0);
  await activate(page.getByRole('link', { name: 'Skip to the diagram' }));
  await expect(region(page, 'Chain diagram')).toBeFocused();
});

test('on a 400-stage map the skip link reaches a stage in two key presses, and the region in the overview', async ({ page }) => {
  await openApp(page);
  await openBig(page, 400);
  // From the page's load, the map restored from this browser.
  await waitForAutosave(page);
  await page.reload();
  await page.getByRole('region', { name: 'Inspector' }).waitFor();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /^Stage 0 \(stage, / })).toBeFocused();
  // Zoomed out to the overview no card is drawn: the region takes the focus.
  await page.getByRole('button', { name: 'Fit to view' }).click();
  await page.getByRole('img', { name: /^Overview of 400 stages/ }).waitFor();
  await activate(page.getByRole('link', { name: 'Skip to the diagram' }));
  await expect(region(page, 'Chain diagram')).toBeFocused();
});

// Actions that take away the focused element.

test('Delete on the focused stage gives the focus to the next stage, then the one before, then the diagram', async ({ page }) => {
  await openApp(page);
  await select(card(page, 'Casting trials'));
  await page.keyboard.press('Delete');
  await expect(card(page, 'Casting trials')).toHaveCount(0);
  await expect(card(page, 'Heat treatment window')).toBeFocused();
  // The last stage of the map: the one before it.
  await select(card(page, 'Testing and certification'));
  await page.keyboard.press('Delete');
  await expect(card(page, 'Engine part production')).toBeFocused();
  // Keyboard only: Enter selects the focused card, Delete deletes it, until none is left.
  for (let left = 3; left >= 0; left--) {
    const focusedCard = page.locator('.canvas g.stage-button:focus');
    await expect(focusedCard).toHaveCount(1);
    await page.keyboard.press('Enter');
    await expect(focusedCard).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('Delete');
    await expect(page.getByRole('button', { name: /\(stage, / })).toHaveCount(left);
  }
  await expect(region(page, 'Chain diagram')).toBeFocused();
});

test('the toolbar’s Delete and “Remove from the map” give the focus to a neighbour on the diagram', async ({ page }) => {
  await openApp(page);
  await select(card(page, 'Composition design'));
  await activate(page.getByRole('toolbar').getByRole('button', { name: 'Delete' }));
  await expect(card(page, 'Composition design')).toHaveCount(0);
  await expect(card(page, 'Casting trials')).toBeFocused();

  // A flow, from the Inspector's list of outputs: its stage.
  const inspector = region(page, 'Inspector');
  await select(card(page, 'Casting trials'));
  await activate(inspector.getByRole('list', { name: 'Direct outputs' }).getByRole('button', { name: 'cast samples' }));
  await expect(inspector.getByRole('heading', { name: 'Casting trials → Heat treatment window' })).toBeVisible();
  await activate(inspector.getByRole('button', { name: 'Remove from the map' }));
  await expect(inspector.getByRole('heading', { name: 'Casting trials → Heat treatment window' })).toHaveCount(0);
  await expect(card(page, 'Casting trials')).toBeFocused();
});

test('Delete on a topic in the Team gives the focus to its student', async ({ page }) => {
  await openApp(page);
  const team = region(page, 'Team');
  await select(team.getByRole('button', { name: /^Casting process window/ }));
  await page.keyboard.press('Delete');
  await expect(team.getByRole('button', { name: /^Casting process window/ })).toHaveCount(0);
  await expect(team.getByRole('button', { name: 'Li', exact: true })).toBeFocused();
});

test('Add flow in the Inspector gives the focus to the new flow in the list of outputs', async ({ page }) => {
  await openApp(page);
  const inspector = region(page, 'Inspector');
  await select(card(page, 'Strengthening mechanism'));
  const form = inspector.getByRole('group', { name: 'Add flow' });
  await form.getByLabel('To stage').selectOption({ label: 'Engine part production' });
  await form.getByLabel('Artifact').fill('design rules');
  await activate(form.getByRole('button', { name: 'Add flow' }));
  const added = inspector.getByRole('list', { name: 'Direct outputs' }).getByRole('button', { name: 'design rules' });
  await expect(added).toBeFocused();
});

test('following a link in the Inspector keeps the focus in the Inspector, on what it shows now', async ({ page }) => {
  await openApp(page);
  const inspector = region(page, 'Inspector');
  await select(card(page, 'Casting trials'));
  await activate(inspector.getByRole('list', { name: 'Direct outputs' }).getByRole('button', { name: 'Heat treatment window' }));
  await expect(inspector.getByRole('heading', { level: 3, name: 'Heat treatment window' })).toBeFocused();
});

test('Undo and Redo in the toolbar hand the focus to each other when they become disabled', async ({ page }) => {
  await openApp(page);
  await activate(button(page, 'Add phase'));
  await expect(button(page, 'Undo')).toBeEnabled();
  await activate(button(page, 'Undo'));
  await expect(button(page, 'Undo')).toBeDisabled();
  await expect(button(page, 'Redo')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(button(page, 'Redo')).toBeDisabled();
  await expect(button(page, 'Undo')).toBeFocused();
});

test('Ctrl+Z that takes away the focused card leaves the focus on the diagram', async ({ page }) => {
  await openApp(page);
  await activate(button(page, 'Add stage'));
  await page.keyboard.press('Enter');
  const added = card(page, 'New stage');
  await added.focus();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(added).toHaveCount(0);
  await expect.poll(() => focused(page)).toMatch(/\(stage, /);
});

test('moving a phase to the end hands the focus to the other move button', async ({ page }) => {
  await openApp(page);
  const inspector = region(page, 'Inspector');
  await page.locator('.lane-title', { hasText: 'Pilot test' }).click();
  await activate(inspector.getByRole('button', { name: /Move right/ }));
  await expect(inspector.getByRole('button', { name: /Move right/ })).toBeDisabled();
  await expect(inspector.getByRole('button', { name: /Move left/ })).toBeFocused();
});

test('dismissing a notice leaves the focus on the diagram', async ({ page }) => {
  await openApp(page);
  await activate(button(page, 'Auto layout'));
  const notice = page.getByRole('status').filter({ hasText: 'laid out already' });
  await expect(notice).toBeVisible();
  await activate(notice.getByRole('button', { name: 'Dismiss' }));
  await expect(notice).toHaveCount(0);
  await expect.poll(() => focused(page)).toMatch(/\(stage, /);
});

test('dismissing the problems of a file that could not be opened goes back to Open file', async ({ page }) => {
  await openApp(page);
  const open = button(page, 'Open file');
  await open.focus();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), open.click()]);
  await chooser.setFiles({ name: 'broken.chainmap.json', mimeType: 'application/json', buffer: Buffer.from('{ nope') });
  const alert = page.getByRole('alert');
  await expect(alert).toBeVisible();
  await activate(alert.getByRole('button', { name: 'Dismiss' }));
  await expect(alert).toHaveCount(0);
  await expect(open).toBeFocused();
});

// Dialogs.

test('the shortcuts and New map dialogs give the focus back to the button that opened them', async ({ page }) => {
  await openApp(page);
  const help = button(page, 'Keyboard shortcuts');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await activate(help);
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(help).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await activate(dialog.getByRole('button', { name: 'Close' }));
  await expect(dialog).toHaveCount(0);
  await expect(help).toBeFocused();

  // "?" from a stage card: back to the card.
  await card(page, 'Casting trials').focus();
  await page.keyboard.press('?');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(card(page, 'Casting trials')).toBeFocused();

  const newMap = button(page, 'New map');
  await activate(newMap);
  await expect(page.getByRole('dialog', { name: 'Start a new map' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(newMap).toBeFocused();
});

test('the merge dialog gives the focus back to Merge file, applied or cancelled', async ({ page }) => {
  await openApp(page);
  const merge = button(page, 'Merge file');
  let dialog = await mergeWithKeyboard(page, template('sand.en.chainmap.json'));
  await activate(dialog.getByRole('button', { name: 'Cancel' }));
  await expect(dialog).toHaveCount(0);
  await expect(merge).toBeFocused();

  dialog = await mergeWithKeyboard(page, template('sand.en.chainmap.json'));
  await activate(dialog.getByRole('button', { name: 'Apply merge' }));
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: /^Merged/ })).toBeVisible();
  await expect(merge).toBeFocused();
});

// Lists drawn in part.

test('“Show … more” gives the focus to the first item it brought', async ({ page }) => {
  await openApp(page);
  await openBig(page, 400);
  const gaps = region(page, 'Gaps');
  const items = gaps.getByRole('listitem');
  const shown = await items.count();
  await activate(gaps.getByRole('button', { name: /^Show \d+ more$/ }));
  await expect(items).not.toHaveCount(shown);
  await expect(items.nth(shown).getByRole('button')).toBeFocused();
});

test('keys pressed before the last action is drawn act on what it made: Enter then two arrows move the stage just selected', async ({ page }) => {
  await openApp(page);
  const target = card(page, 'Composition design');
  const drawn = page.locator('g.stage[data-stage="comp"]');
  const at = async () => (await drawn.getAttribute('transform')).match(/translate\(([-\d.]+),([-\d.]+)\)/).slice(1).map(Number);
  const [x0, y0] = await at();
  // All three in one task: the arrows come before the app has drawn the
  // selection that Enter made (as when the machine is busy or keys repeat).
  await target.evaluate((el) => {
    el.focus();
    for (const key of ['Enter', 'ArrowDown', 'ArrowDown']) {
      el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    }
  });
  await expect(target).toHaveAttribute('aria-pressed', 'true');
  // Both arrows count, each from where the one before left the stage.
  await expect.poll(at).toEqual([x0, y0 + 20]);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect.poll(at).toEqual([x0, y0 + 10]);
});
