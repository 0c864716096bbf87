// Keeping and sharing work: undo and redo of every change, autosave and
// restore, Open file (refusing broken files without touching the map), and
// Export JSON, byte for byte.
const fs = require('fs');
const { test, expect } = require('@playwright/test');
const {
  openApp,
  activate,
  conformance,
  exportDownload,
  exportJson,
  openFile,
  fmt,
  waitForAutosave,
} = require('./helpers');

test.describe.configure({ mode: 'parallel' });

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const card = (page, name) =>
  page.getByRole('region', { name: 'Chain diagram' }).getByRole('button', { name: new RegExp(`^${esc(name)} \\(stage, `) });

/** Replaces the text of a field by typing, then leaves it with `key` (which commits it). */
async function typeInto(page, field, text, key = 'Enter') {
  await field.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
  await page.keyboard.press(key);
}

/** Moves the focus out of any text field, so that shortcuts reach the page. */
async function leaveFields(page) {
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
}

test('20 edits, undone one by one and redone one by one, give back the exported bytes', async ({ page }) => {
  test.setTimeout(60000);
  await openApp(page);
  const inspector = page.getByRole('region', { name: 'Inspector' });
  const team = page.getByRole('region', { name: 'Team' });
  const undo = page.getByRole('button', { name: 'Undo', exact: true });
  const redo = page.getByRole('button', { name: 'Redo', exact: true });
  await expect(undo).toBeDisabled();
  const before = await exportJson(page);

  const edits = [];
  const did = async (what) => {
    edits.push(what);
    await expect(undo).toBeEnabled();
  };
  // The project (nothing selected).
  await typeInto(page, inspector.getByLabel('Project title'), 'Alloy chain, second draft');
  await did('title');
  await typeInto(page, inspector.getByLabel('Source'), 'Provincial key project 2027');
  await did('source');
  // A stage: name, phase, role, external inputs and outputs.
  await activate(card(page, 'Strengthening mechanism'));
  await typeInto(page, inspector.getByLabel('Name', { exact: true }), 'Precipitation mechanism');
  await did('rename stage');
  await inspector.getByLabel('Phase', { exact: true }).selectOption({ label: 'Pilot test' });
  await did('phase');
  await typeInto(page, inspector.getByLabel('Role'), 'Explains the precipitates', 'Tab');
  await did('role');
  await typeInto(page, inspector.getByLabel('External inputs'), 'literature\nbeam time', 'Tab');
  await did('external inputs');
  await typeInto(page, inspector.getByLabel('External outputs'), 'papers', 'Tab');
  await did('external outputs');
  // Arrow keys on the selected stage.
  await card(page, 'Precipitation mechanism').focus();
  await page.keyboard.press('ArrowRight');
  await did('nudge 1');
  await page.keyboard.press('ArrowDown');
  await did('nudge 2');
  // A new stage, named, with a flow.
  await activate(page.getByRole('button', { name: 'Add stage' }));
  await did('add stage');
  await typeInto(page, inspector.getByLabel('Name', { exact: true }), 'Fatigue testing');
  await did('name it');
  const form = inspector.getByRole('group', { name: 'Add flow' });
  await form.getByLabel('To stage').selectOption({ label: 'Casting trials' });
  await typeInto(page, form.getByLabel('Artifact'), 'fatigue data', 'Tab');
  await page.keyboard.press('Enter');
  await did('add flow');
  // A phase.
  await activate(page.getByRole('button', { name: 'Add phase' }));
  await did('add phase');
  await typeInto(page, inspector.getByLabel('Name', { exact: true }), 'Market');
  await did('rename phase');
  // A person and a topic.
  await activate(team.getByRole('button', { name: 'Add person' }));
  await did('add person');
  await typeInto(page, inspector.getByLabel('Name', { exact: true }), 'Sun', 'Tab');
  await did('name person');
  await typeInto(page, inspector.getByLabel('Affiliation'), 'Foundry', 'Tab');
  await did('affiliation');
  await activate(team.getByRole('button', { name: 'Add topic' }));
  await did('add topic');
  await typeInto(page, inspector.getByLabel('Title'), 'Fatigue of cast parts', 'Tab');
  await did('title topic');
  await inspector.getByLabel('Defense date').fill('2027-04-01');
  await inspector.getByLabel('Defense date').press('Tab');
  await did('defense date');
  expect(edits).toHaveLength(20);

  const after = await exportJson(page);
  expect(after).not.toBe(before);
  const map = JSON.parse(after);
  expect(map.project.title).toBe('Alloy chain, second draft');
  expect(map.topics.map((t) => t.title)).toContain('Fatigue of cast parts');

  // Undo, 20 times: each edit was exactly one step.
  for (let i = 0; i < 20; i++) {
    await expect(undo, `undo step ${i + 1} of 20`).toBeEnabled();
    await undo.click();
  }
  await expect(undo).toBeDisabled();
  expect(await exportJson(page)).toBe(before);

  // Redo, 20 times.
  for (let i = 0; i < 20; i++) {
    await expect(redo, `redo step ${i + 1} of 20`).toBeEnabled();
    await redo.click();
  }
  await expect(redo).toBeDisabled();
  expect(await exportJson(page)).toBe(after);
});

test('Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y undo and redo the map, not the text of the last edited field', async ({ page }) => {
  await openApp(page);
  const inspector = page.getByRole('region', { name: 'Inspector' });
  const undo = page.getByRole('button', { name: 'Undo', exact: true });
  const before = await exportJson(page);
  await activate(card(page, 'Casting trials'));
  await typeInto(page, inspector.getByLabel('Role'), 'Finds the window', 'Tab');
  await typeInto(page, inspector.getByLabel('External outputs'), 'sound castings', 'Tab');
  await typeInto(page, inspector.getByLabel('Name', { exact: true }), 'Sand casting', 'Tab');
  const after = await exportJson(page);
  await leaveFields(page);

  await page.keyboard.press('ControlOrMeta+Z');
  await expect(card(page, 'Casting trials')).toBeVisible();
  // The shortcut belongs to the map: the browser's own text undo must not
  // also run (it would pull the focus into the last edited field).
  const focused = () => page.evaluate(() => document.activeElement.tagName);
  expect(await focused()).not.toMatch(/^(INPUT|TEXTAREA|SELECT)$/);
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(inspector.getByLabel('External outputs')).toHaveValue('');
  expect(await focused()).not.toMatch(/^(INPUT|TEXTAREA|SELECT)$/);
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(inspector.getByLabel('Role')).toHaveValue('Finds the casting window that gives sound parts');
  await expect(undo).toBeDisabled();
  expect(await exportJson(page)).toBe(before);

  await leaveFields(page);
  await page.keyboard.press('ControlOrMeta+Shift+Z');
  await page.keyboard.press('ControlOrMeta+Y');
  await page.keyboard.press('ControlOrMeta+Shift+Z');
  await expect(page.getByRole('button', { name: 'Redo', exact: true })).toBeDisabled();
  expect(await exportJson(page)).toBe(after);
});

test('Undo and Redo buttons step through the history', async ({ page }) => {
  await openApp(page);
  const before = await exportJson(page);
  await card(page, 'Casting trials').click();
  await typeInto(page, page.getByRole('region', { name: 'Inspector' }).getByLabel('Name', { exact: true }), 'Sand casting');
  await expect(card(page, 'Sand casting')).toBeVisible();
  const after = await exportJson(page);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(card(page, 'Casting trials')).toBeVisible();
  expect(await exportJson(page)).toBe(before);
  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  await expect(card(page, 'Sand casting')).toBeVisible();
  expect(await exportJson(page)).toBe(after);
});

test('after a reload the map is restored from the browser', async ({ page }) => {
  await openApp(page);
  await expect(page.getByText('Your last map was restored from this browser.')).toHaveCount(0);
  await card(page, 'Casting trials').click();
  await typeInto(page, page.getByRole('region', { name: 'Inspector' }).getByLabel('Name', { exact: true }), 'Sand casting');
  await expect(card(page, 'Sand casting')).toBeVisible();
  await waitForAutosave(page);
  const before = await exportJson(page);

  await page.reload();
  await page.getByRole('region', { name: 'Chain diagram' }).locator('svg').waitFor();
  await expect(page.getByRole('status').filter({ hasText: 'Your last map was restored from this browser.' })).toBeVisible();
  await expect(card(page, 'Sand casting')).toHaveAccessibleName('Sand casting (stage, Pilot test; 1 student: Li with academic and enterprise supervisors)');
  expect(await exportJson(page)).toBe(before);
});

test('an edit made just before leaving the page is still restored', async ({ page }) => {
  await openApp(page);
  await card(page, 'Heat treatment window').click();
  await typeInto(page, page.getByRole('region', { name: 'Inspector' }).getByLabel('Name', { exact: true }), 'Ageing window');
  await expect(card(page, 'Ageing window')).toBeVisible();
  // No waiting: the pending save is flushed when the page is hidden.
  await page.reload();
  await page.getByRole('region', { name: 'Chain diagram' }).locator('svg').waitFor();
  await expect(card(page, 'Ageing window')).toBeVisible();
});

test('an invalid file is refused with every problem and its path, and the map is unchanged', async ({ page }) => {
  await openApp(page);
  await card(page, 'Casting trials').click();
  await typeInto(page, page.getByRole('region', { name: 'Inspector' }).getByLabel('Name', { exact: true }), 'Sand casting');
  const before = await exportJson(page);

  await openFile(page, conformance('invalid-unknown-phase.chainmap.json'));
  const alert = page.getByRole('alert');
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('invalid-unknown-phase.chainmap.json');
  await expect(alert).toContainText('stages[0].phase');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'High-strength aluminium alloy for general-aviation engines',
  );
  await expect(card(page, 'Sand casting')).toBeVisible();
  expect(await exportJson(page)).toBe(before);
  // Undo still undoes the rename: the refused file left no step behind.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(card(page, 'Casting trials')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();
});

test('every problem of a file is listed, each with its path', async ({ page }) => {
  await openApp(page);
  const before = await exportJson(page);
  const map = JSON.parse(fs.readFileSync(conformance('valid-alloy.chainmap.json'), 'utf8'));
  map.stages[2].phase = 'nowhere';
  map.people[4].kind = 'boss';
  map.flows[3].to = 'no-such-stage';
  await openFile(page, { name: 'three-problems.chainmap.json', text: JSON.stringify(map, null, 2) });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('three-problems.chainmap.json');
  await expect(alert.getByRole('listitem')).toHaveCount(3);
  await expect(alert).toContainText('stages[2].phase');
  await expect(alert).toContainText('people[4].kind');
  await expect(alert).toContainText('flows[3].to');
  expect(await exportJson(page)).toBe(before);

  // Broken JSON: the place is a line and a column.
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toHaveCount(0);
  await openFile(page, conformance('invalid-truncated.chainmap.json'));
  await expect(page.getByRole('alert')).toContainText(/line \d+, column \d+/);
  expect(await exportJson(page)).toBe(before);
});

test('opening a file replaces the map as one undoable step', async ({ page }) => {
  await openApp(page);
  const before = await exportJson(page);
  const file = conformance('valid-alloy.chainmap.json');
  await openFile(page, file);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'High-strength Al alloy for general-aviation engines',
  );
  await expect(page.getByRole('alert')).toHaveCount(0);
  const opened = await exportDownload(page);
  expect(opened.name).toBe('High-strength Al alloy for general-aviation engines.chainmap.json');
  // Export is byte-identical to `chainmap fmt` of the same map.
  expect(opened.text).toBe(fmt(file));
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'High-strength aluminium alloy for general-aviation engines',
  );
  expect(await exportJson(page)).toBe(before);
});

test('a file exported, opened in a fresh page and exported again is byte-identical', async ({ page, browser }, testInfo) => {
  await openApp(page);
  // Some hand work first: a stage moved by hand, a renamed stage, the sand example.
  await activate(page.getByRole('button', { name: 'New map' }));
  await activate(page.getByRole('dialog').getByRole('button', { name: 'Example: 3D-printing sand with recycling' }));
  const first = page.getByRole('region', { name: 'Chain diagram' }).getByRole('button', { name: /\(stage, / }).first();
  await activate(first);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Shift+ArrowRight');
  const out = await exportDownload(page, testInfo.outputPath('roundtrip'));
  expect(JSON.parse(out.text).stages.some((s) => s.pos)).toBe(true);
  expect(out.text).toBe(fmt(out.file));

  const context = await browser.newContext();
  try {
    const fresh = await context.newPage();
    await openApp(fresh);
    await openFile(fresh, out.file);
    await expect(fresh.getByRole('heading', { level: 1 })).toHaveText(JSON.parse(out.text).project.title);
    const again = await exportDownload(fresh);
    expect(again.name).toBe(out.name);
    expect(again.text).toBe(out.text);
  } finally {
    await context.close();
  }
});

test('Export JSON shows when the map was last exported', async ({ page }) => {
  await openApp(page);
  await expect(page.getByText('Not exported yet')).toBeVisible();
  await exportJson(page);
  await expect(page.getByText(/^Last exported: \d\d:\d\d$/)).toBeVisible();
  await expect(page.getByText('Not exported yet')).toHaveCount(0);
  // An edit after the export: the exported file lacks it, and the bar says so.
  await page.getByRole('button', { name: 'Add stage' }).click();
  await expect(page.getByText(/^Last exported: \d\d:\d\d · changed since/)).toBeVisible();
  await exportJson(page);
  await expect(page.getByText(/^Last exported: \d\d:\d\d$/)).toBeVisible();
});
