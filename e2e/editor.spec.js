// The editor, as students and supervisors use it: building a chain with the
// keyboard and forms alone, dragging on the canvas, placing topics, reading
// what flows in and out of a topic, deleting and undoing.
const fs = require('fs');
const { test, expect } = require('@playwright/test');
const {
  checkJson,
  conformance,
  openApp,
  openFile,
  activate,
  exportDownload,
  exportJson,
  gapCodes,
  byNames,
  gapsByNames,
} = require('./helpers');

test.describe.configure({ mode: 'parallel' });

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function regions(page) {
  return {
    diagram: page.getByRole('region', { name: 'Chain diagram' }),
    inspector: page.getByRole('region', { name: 'Inspector' }),
    team: page.getByRole('region', { name: 'Team' }),
    gaps: page.getByRole('region', { name: 'Gaps' }),
  };
}

/** The card of the stage called `name`: a button named "NAME (stage, PHASE; WHO)". */
function card(page, name) {
  return page
    .getByRole('region', { name: 'Chain diagram' })
    .getByRole('button', { name: new RegExp(`^${esc(name)} \\(stage, `) });
}

/** Every stage card. */
function allCards(page) {
  return page.getByRole('region', { name: 'Chain diagram' }).getByRole('button', { name: /\(stage, / });
}

/** The drawn group of a stage card (which carries the highlight classes). */
function cardGroup(page, name) {
  return page.locator('g.stage').filter({ has: page.getByRole('button', { name: new RegExp(`^${esc(name)} \\(stage, `) }) });
}

/** Replaces the text of a field by typing, then leaves it with `key` (which commits it). */
async function typeInto(page, field, text, key = 'Tab') {
  await field.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
  await page.keyboard.press(key);
}

/** The accessible names of the stage cards that carry `cls` (up, down, selected…). */
async function cardsWith(page, cls) {
  return page
    .locator(`g.stage.${cls} [role=button]`)
    .evaluateAll((gs) => gs.map((g) => g.getAttribute('aria-label')));
}

/** The artifact labels on the canvas, as read (a label may wrap onto several lines). */
async function flowLabels(page) {
  return page
    .getByRole('region', { name: 'Chain diagram' })
    .locator('.flow-label')
    .evaluateAll((gs) => gs.map((g) => [...g.querySelectorAll('text')].map((t) => t.textContent.trim()).join(' ')));
}

const KIND_LABEL = {
  student: 'Student',
  academic_supervisor: 'Academic supervisor',
  enterprise_supervisor: 'Enterprise supervisor',
};

test('the alloy chain can be built from an empty map with the keyboard and forms alone', async ({ page }, testInfo) => {
  test.setTimeout(60000);
  const targetFile = conformance('valid-alloy.chainmap.json');
  const target = JSON.parse(fs.readFileSync(targetFile, 'utf8'));
  const phaseName = (id) => target.project.phases.find((p) => p.id === id).name;
  const stageName = (id) => target.stages.find((s) => s.id === id).name;
  const person = (id) => target.people.find((p) => p.id === id);
  const { diagram, inspector, team, gaps } = regions(page);

  await openApp(page);

  // New map → Empty chain, with the keyboard.
  await activate(page.getByRole('button', { name: 'New map' }));
  const dialog = page.getByRole('dialog', { name: 'Start a new map' });
  await expect(dialog).toBeVisible();
  const empty = dialog.getByRole('button', { name: 'Empty chain: lab → pilot → production' });
  await expect(empty).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(allCards(page)).toHaveCount(0);
  await expect(diagram.locator('.lane-title')).toHaveText(target.project.phases.map((p) => p.name));

  // The project: nothing is selected, so the Inspector edits it.
  await typeInto(page, inspector.getByLabel('Project title'), target.project.title, 'Enter');
  await typeInto(page, inspector.getByLabel('Source'), target.project.source, 'Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.project.title);

  // Stages: Add stage, type the name, Tab to Phase, choose it, external inputs and outputs.
  for (const s of target.stages) {
    await activate(page.getByRole('button', { name: 'Add stage' }));
    const name = inspector.getByLabel('Name', { exact: true });
    await expect(name).toBeFocused();
    await expect(name).toHaveValue('New stage');
    await page.keyboard.type(s.name);
    await page.keyboard.press('Tab');
    await expect(name).toHaveValue(s.name);
    const phase = inspector.getByLabel('Phase', { exact: true });
    await expect(phase).toBeFocused();
    await phase.selectOption({ label: phaseName(s.phase) });
    if (s.external_inputs) {
      await typeInto(page, inspector.getByLabel('External inputs'), s.external_inputs.join('\n'));
    }
    if (s.external_outputs) {
      await typeInto(page, inspector.getByLabel('External outputs'), s.external_outputs.join('\n'));
    }
    await expect(
      diagram.getByRole('button', { name: `${s.name} (stage, ${phaseName(s.phase)}; nobody works here)`, exact: true }),
    ).toBeVisible();
  }
  await expect(allCards(page)).toHaveCount(target.stages.length);

  // Flows: select the stage with Enter, then the "Add flow" fieldset.
  for (const f of target.flows) {
    await activate(card(page, stageName(f.from)));
    await expect(inspector.getByRole('heading', { name: stageName(f.from), exact: true })).toBeVisible();
    const form = inspector.getByRole('group', { name: 'Add flow' });
    await form.getByLabel('To stage').selectOption({ label: stageName(f.to) });
    await typeInto(page, form.getByLabel('Artifact'), f.artifact, 'Tab');
    const add = form.getByRole('button', { name: 'Add flow' });
    await expect(add).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(inspector.getByRole('list', { name: 'Direct outputs' })).toContainText(
      `${f.artifact} to ${stageName(f.to)}`,
    );
  }
  await expect(diagram.locator('g.flow')).toHaveCount(target.flows.length);

  // People: Add person, type the name, Tab to Kind.
  for (const p of target.people) {
    await activate(team.getByRole('button', { name: 'Add person' }));
    const name = inspector.getByLabel('Name', { exact: true });
    await expect(name).toBeFocused();
    await page.keyboard.type(p.name);
    await page.keyboard.press('Tab');
    const kind = inspector.getByLabel('Kind');
    await expect(kind).toBeFocused();
    await kind.selectOption({ label: KIND_LABEL[p.kind] });
    await expect(team.getByRole('button', { name: new RegExp(`^(.*\\b)?${esc(p.name)}\\b`) })).toBeVisible();
  }

  // Topics: select the student, Add topic, type the title, then Stage and
  // Supervisors (the Student is the selected one).
  for (const tp of target.topics) {
    await activate(team.getByRole('button', { name: person(tp.student).name, exact: true }));
    await activate(team.getByRole('button', { name: 'Add topic' }));
    const title = inspector.getByLabel('Title');
    await expect(title).toBeFocused();
    await page.keyboard.type(tp.title);
    await page.keyboard.press('Tab');
    const student = inspector.getByLabel('Student', { exact: true });
    await expect(student).toBeFocused();
    await expect(student).toHaveValue(/./);
    await expect(student.locator('option:checked')).toHaveText(person(tp.student).name);
    await inspector.getByLabel('Stage', { exact: true }).selectOption({ label: stageName(tp.stage) });
    // Supervisors are checkboxes: Space on each one to choose.
    for (const id of tp.supervisors) {
      await inspector.getByRole('group', { name: 'Supervisors' }).getByRole('checkbox', { name: person(id).name }).focus();
      await page.keyboard.press('Space');
    }
    // The card names the student and the kinds of supervisors its chip marks.
    const kinds = new Set(tp.supervisors.map((id) => person(id).kind));
    const marks = kinds.has('academic_supervisor') && kinds.has('enterprise_supervisor')
      ? ' with academic and enterprise supervisors'
      : kinds.has('academic_supervisor') ? ' with an academic supervisor'
      : kinds.has('enterprise_supervisor') ? ' with an enterprise supervisor' : '';
    const who = person(tp.student).name;
    await expect(card(page, stageName(tp.stage))).toHaveAccessibleName(new RegExp(`; 1 student: ${esc(who + marks)}\\)$`));
  }

  // Export: the file is the map of the conformance case, up to its (random) ids.
  const out = await exportDownload(page, testInfo.outputPath('export'));
  expect(out.name).toBe(`${target.project.title}.chainmap.json`);
  const exported = JSON.parse(out.text);
  expect(byNames(exported)).toEqual(byNames(target));

  // Its gaps, by the CLI, are those of the conformance case.
  const mine = checkJson(out.file);
  const theirs = checkJson(targetFile);
  expect(mine.valid).toBe(true);
  expect(mine.gaps.map((g) => g.code).sort()).toEqual(
    [
      'uncovered-stage',
      'uncovered-stage',
      'uncovered-stage',
      'upstream-uncovered',
      'no-enterprise-supervisor',
      'idle-student',
      'uncovered-phase',
    ].sort(),
  );
  expect(gapsByNames(mine, exported)).toEqual(gapsByNames(theirs, target));

  // And the Gaps region lists the same ones.
  await expect(gaps.getByRole('listitem')).toHaveCount(theirs.gaps.length);
  expect(await gapCodes(page)).toEqual(theirs.gaps.map((g) => g.code));
});

test('pressing Enter in the Artifact field of "Add flow" adds the flow with that name', async ({ page }) => {
  const { diagram, inspector } = regions(page);
  await openApp(page);
  await activate(card(page, 'Strengthening mechanism'));
  const form = inspector.getByRole('group', { name: 'Add flow' });
  await form.getByLabel('To stage').selectOption({ label: 'Casting trials' });
  await typeInto(page, form.getByLabel('Artifact'), 'grain-refiner recipe', 'Enter');
  await expect(inspector.getByRole('list', { name: 'Direct outputs' })).toContainText(
    'grain-refiner recipe to Casting trials',
  );
  await expect(diagram.locator('g.flow')).toHaveCount(6);
  await expect.poll(() => flowLabels(page)).toContain('grain-refiner recipe');
  // The form is ready for the next flow.
  await expect(form.getByLabel('Artifact')).toHaveValue('');
});

test('a stage dragged into another lane takes that lane’s phase, and Undo puts it back', async ({ page }) => {
  const { diagram, inspector } = regions(page);
  await openApp(page);
  const stage = card(page, 'Composition design');
  await expect(stage).toHaveAccessibleName('Composition design (stage, Lab research; nobody works here)');
  const box = await stage.boundingBox();
  const lane = diagram.locator('g.lane', { has: page.locator('.lane-title', { hasText: 'Pilot test' }) });
  const laneBox = await lane.locator('rect.lane-bg').boundingBox();
  const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const to = { x: laneBox.x + laneBox.width / 2, y: from.y + 20 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 12, from.y + 2, { steps: 3 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();

  await expect(stage).toHaveAccessibleName('Composition design (stage, Pilot test; nobody works here)');
  const moved = await stage.boundingBox();
  expect(moved.x + moved.width / 2).toBeGreaterThan(laneBox.x);
  expect(moved.x + moved.width / 2).toBeLessThan(laneBox.x + laneBox.width);

  await stage.click();
  await expect(inspector.getByRole('heading', { name: 'Composition design', exact: true })).toBeVisible();
  await expect(inspector.getByLabel('Phase', { exact: true }).locator('option:checked')).toHaveText('Pilot test');

  // One drag, one undo step.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(stage).toHaveAccessibleName('Composition design (stage, Lab research; nobody works here)');
  await expect(inspector.getByLabel('Phase', { exact: true }).locator('option:checked')).toHaveText('Lab research');
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();
});

test('dragging from a stage’s handle to another stage connects them; the artifact is named in the Inspector', async ({
  page,
}) => {
  const { diagram, inspector, gaps } = regions(page);
  await openApp(page);
  await expect(diagram.locator('g.flow')).toHaveCount(5);
  const source = card(page, 'Composition design');
  const target = card(page, 'Heat treatment window');
  await target.scrollIntoViewIfNeeded();
  await source.scrollIntoViewIfNeeded();
  // The handle shows when the pointer is over the card, as a user finds it.
  await source.hover();
  const handle = await source.locator('circle.handle').boundingBox();
  const tbox = await target.boundingBox();
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(tbox.x + 10, tbox.y + 10, { steps: 5 });
  await page.mouse.move(tbox.x + tbox.width / 2, tbox.y + tbox.height / 2, { steps: 5 });
  await page.mouse.up();

  await expect(diagram.locator('g.flow')).toHaveCount(6);
  await expect(inspector.getByRole('heading', { name: 'Composition design → Heat treatment window' })).toBeVisible();
  const artifact = inspector.getByLabel('Artifact');
  await expect(artifact).toBeFocused();
  await expect(artifact).toHaveValue('');
  // Not named yet: a gap says so.
  expect(await gapCodes(page)).toContain('unnamed-flow');

  await page.keyboard.type('test bars');
  await page.keyboard.press('Enter');
  await expect.poll(() => flowLabels(page)).toContain('test bars');
  expect(await gapCodes(page)).not.toContain('unnamed-flow');
  await expect(gaps).toBeVisible();
  await expect(inspector.getByLabel('From stage').locator('option:checked')).toHaveText('Composition design');
  await expect(inspector.getByLabel('To stage').locator('option:checked')).toHaveText('Heat treatment window');

  // The new hand-off shows in what the target stage takes in: one click on
  // the target card selects it (the connecting gesture is over).
  await target.click();
  await expect(inspector.getByRole('list', { name: 'Direct inputs' })).toContainText('test bars from Composition design');
});

test('a topic dragged from the Team onto a stage is placed there', async ({ page }) => {
  const { inspector, team } = regions(page);
  await openApp(page);
  const topic = team.getByRole('button', { name: /Ageing kinetics of the new alloy/ });
  await expect(topic).toContainText('Heat treatment window');
  const target = card(page, 'Engine part production');
  await expect(target).toHaveAccessibleName(/; nobody works here\)$/);

  // The canvas scrolls: bring the stage into view, as a user would.
  await target.scrollIntoViewIfNeeded();
  const a = await topic.boundingBox();
  const b = await target.boundingBox();
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 20, a.y + a.height / 2, { steps: 3 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 15 });
  await page.mouse.up();

  await expect(target).toHaveAccessibleName('Engine part production (stage, Industrial production; 1 student: Chen with academic and enterprise supervisors)');
  await expect(cardGroup(page, 'Engine part production').locator('.chip', { hasText: 'Chen' })).toHaveCount(1);
  await expect(card(page, 'Heat treatment window')).toHaveAccessibleName(/; nobody works here\)$/);
  await expect(topic).toContainText('Engine part production');

  await topic.click();
  await expect(inspector.getByRole('heading', { name: 'Ageing kinetics of the new alloy' })).toBeVisible();
  await expect(inspector.getByLabel('Stage', { exact: true }).locator('option:checked')).toHaveText(
    'Engine part production',
  );
});

test('selecting a topic lists its inputs and outputs with people and marks its upstream and downstream', async ({
  page,
}) => {
  const { inspector, team } = regions(page);
  await openApp(page);
  await expect(page.locator('g.stage.up')).toHaveCount(0);
  await team.getByRole('button', { name: /Casting process window/ }).click();
  await expect(inspector.getByRole('heading', { name: 'Casting process window' })).toBeVisible();
  // Where the topic sits and who is on it come first.
  await expect(inspector.locator('.topic-where')).toHaveText('At: Casting trials · Pilot test');
  await expect(inspector.locator('.topic-role')).toContainText('Finds the casting window');
  await expect(inspector.locator('.topic-people')).toHaveText('Student: Li · Supervisors: Prof. Zhang, Eng. Wang');

  const inputs = inspector.getByRole('list', { name: 'Direct inputs' });
  await expect(inputs.getByRole('listitem')).toHaveCount(2);
  await expect(inputs.getByRole('listitem').first()).toContainText('alloy specification from Composition design');
  await expect(inputs.getByRole('listitem').first()).toContainText('by nobody yet');
  await expect(inputs).toContainText('pilot foundry line');
  const outputs = inspector.getByRole('list', { name: 'Direct outputs' });
  await expect(outputs.getByRole('listitem')).toHaveCount(1);
  await expect(outputs).toContainText('cast samples to Heat treatment window');
  await expect(outputs).toContainText('for Chen');
  const further = inspector.getByRole('list', { name: 'Further upstream' });
  // Further away, both ends of a hand-off are named.
  await expect(further).toContainText('strengthening rules from Strengthening mechanism to Composition design');
  await expect(further).toContainText('by Gao');
  await expect(inspector.getByRole('list', { name: 'Further downstream' })).toContainText(
    'first-article parts from Engine part production to Testing and certification',
  );

  // On the canvas: upstream and downstream in two styles, with ↑ and ↓ marks.
  expect((await cardsWith(page, 'up')).sort()).toEqual(
    [
      'Composition design (stage, Lab research; nobody works here)',
      'Strengthening mechanism (stage, Lab research; 1 student: Gao with an academic supervisor)',
    ].sort(),
  );
  expect((await cardsWith(page, 'down')).sort()).toEqual(
    [
      'Heat treatment window (stage, Pilot test; 1 student: Chen with academic and enterprise supervisors)',
      'Engine part production (stage, Industrial production; nobody works here)',
      'Testing and certification (stage, Industrial production; nobody works here)',
    ].sort(),
  );
  await expect(page.locator('g.stage.up .mark')).toHaveText(['↑', '↑']);
  await expect(page.locator('g.stage.down .mark')).toHaveText(['↓', '↓', '↓']);
  await expect(page.locator('g.flow.up')).toHaveCount(2);
  await expect(page.locator('g.flow.down')).toHaveCount(3);
  // The topic's own stage is neither dimmed nor marked.
  const own = cardGroup(page, 'Casting trials');
  await expect(own).toHaveCount(1);
  await expect(own).not.toHaveClass(/\b(dim|up|down)\b/);

  // Escape clears the selection and the marks.
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('Escape');
  await expect(page.locator('g.stage.up')).toHaveCount(0);
  await expect(page.locator('g.stage.dim')).toHaveCount(0);
  await expect(inspector.getByLabel('Project title')).toBeVisible();
});

test('deleting a stage removes its flows and unplaces its topics; Undo restores all of it', async ({ page }) => {
  const { diagram, team } = regions(page);
  await openApp(page);
  const before = await exportJson(page);
  const stage = card(page, 'Casting trials');
  await activate(stage);
  await expect(stage).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Delete');

  await expect(stage).toHaveCount(0);
  await expect(allCards(page)).toHaveCount(5);
  await expect(diagram.locator('g.flow')).toHaveCount(3);
  const labels = await flowLabels(page);
  expect(labels).not.toContain('cast samples');
  expect(labels).not.toContain('alloy specification');
  const topic = team.getByRole('button', { name: /Casting process window/ });
  await expect(topic).toContainText('Not placed');
  expect(await gapCodes(page)).toContain('unplaced-topic');
  const deleted = JSON.parse(await exportJson(page));
  // FORMAT.md: "null or missing: not placed yet".
  expect(deleted.topics.find((t) => t.title === 'Casting process window').stage ?? null).toBeNull();

  await page.keyboard.press('ControlOrMeta+Z');
  await expect(card(page, 'Casting trials')).toHaveAccessibleName('Casting trials (stage, Pilot test; 1 student: Li with academic and enterprise supervisors)');
  await expect(diagram.locator('g.flow')).toHaveCount(5);
  await expect(topic).toContainText('Casting trials');
  expect(await exportJson(page)).toBe(before);
});

test('“Remove from the map” in the Inspector and Delete in the toolbar delete the selection', async ({ page }) => {
  const { diagram, inspector } = regions(page);
  await openApp(page);
  await diagram.locator('g.flow', { has: page.locator('.flow-label', { hasText: 'process card' }) }).locator('.flow-label').click();
  await expect(inspector.getByRole('heading', { name: 'Heat treatment window → Engine part production' })).toBeVisible();
  await inspector.getByRole('button', { name: 'Remove from the map' }).click();
  await expect(diagram.locator('g.flow')).toHaveCount(4);
  await card(page, 'Testing and certification').click();
  await page.getByRole('toolbar').getByRole('button', { name: 'Delete' }).click();
  await expect(card(page, 'Testing and certification')).toHaveCount(0);
  await expect(diagram.locator('g.flow')).toHaveCount(3);
  await expect(page.getByRole('toolbar').getByRole('button', { name: 'Delete' })).toBeDisabled();
});

test('Tab reaches every stage; arrow keys move the selected stage, one undo step each', async ({ page }) => {
  const { diagram } = regions(page);
  await openApp(page);
  const stages = allCards(page);
  const all = await stages.evaluateAll((gs) => gs.map((g) => g.getAttribute('aria-label')));
  expect(all).toHaveLength(6);
  await stages.first().focus();
  const reached = [await page.evaluate(() => document.activeElement.getAttribute('aria-label'))];
  for (let i = 1; i < all.length; i++) {
    await page.keyboard.press('Tab');
    reached.push(await page.evaluate(() => document.activeElement.getAttribute('aria-label')));
  }
  expect(reached.sort()).toEqual([...all].sort());

  const stage = card(page, 'Heat treatment window');
  await stage.focus();
  await page.keyboard.press('Enter');
  await expect(stage).toHaveAttribute('aria-pressed', 'true');
  // Where the card is in the drawing: a drawing smaller than the canvas is
  // centred, so the whole of it shifts when it grows.
  const drawing = diagram.locator('svg.chain');
  const at = async () => {
    const [c, d] = [await stage.boundingBox(), await drawing.boundingBox()];
    return { x: c.x - d.x, y: c.y - d.y };
  };
  const a = await at();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect
    .poll(async () => {
      const b = await at();
      return [Math.sign(Math.round(b.x - a.x)), Math.sign(Math.round(b.y - a.y))];
    })
    .toEqual([1, 1]);
  const b = await at();
  // Down twice as far as right.
  expect((b.y - a.y) / (b.x - a.x)).toBeCloseTo(2, 1);
  const map = JSON.parse(await exportJson(page));
  expect(map.stages.find((s) => s.name === 'Heat treatment window').pos).toBeDefined();

  for (let i = 0; i < 3; i++) await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(async () => Math.round((await at()).x - a.x)).toBe(0);
  expect(Math.round((await at()).y - a.y)).toBe(0);
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();
});

test('a stage moved with the arrow keys past the edge of the view stays in view', async ({ page }) => {
  const { diagram } = regions(page);
  await openApp(page);
  const stage = card(page, 'Strengthening mechanism');
  await stage.focus();
  await page.keyboard.press('Enter');
  await expect(stage).toHaveAttribute('aria-pressed', 'true');
  const canvas = await diagram.locator('.scroller').boundingBox();
  const start = await stage.boundingBox();
  // Shift+arrows move by 50 units: far past the left and top of the
  // drawing (and of the view), into negative positions.
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Shift+ArrowUp');
  }
  // (The selected card's ring is drawn a few pixels outside its box.)
  await expect.poll(async () => (await stage.boundingBox()).x).toBeGreaterThanOrEqual(canvas.x - 4);
  const box = await stage.boundingBox();
  expect(box.y).toBeGreaterThanOrEqual(canvas.y - 4);
  expect(box.x + box.width).toBeLessThanOrEqual(canvas.x + canvas.width + 4);
  await expect(stage).toBeInViewport();
  // It did move: the file holds a position far above and left of where
  // the layout put it.
  const map = JSON.parse(await exportJson(page));
  const pos = map.stages.find((s) => s.name === 'Strengthening mechanism').pos;
  expect(pos.x).toBeLessThan(-300);
  expect(pos.y).toBeLessThan(-300);
  expect(start.x).toBeGreaterThan(canvas.x);
});

test('Add stage puts the new stage in the selected lane and focuses its Name', async ({ page }) => {
  const { diagram, inspector } = regions(page);
  await openApp(page);
  await diagram.locator('.lane-title', { hasText: 'Industrial production' }).click();
  await expect(inspector.getByRole('heading', { name: 'Industrial production' })).toBeVisible();
  await activate(page.getByRole('button', { name: 'Add stage' }));
  await expect(inspector.getByLabel('Name', { exact: true })).toBeFocused();
  await page.keyboard.type('Machining');
  await page.keyboard.press('Enter');
  await expect(card(page, 'Machining')).toHaveAccessibleName('Machining (stage, Industrial production; nobody works here)');
  await expect(allCards(page)).toHaveCount(7);
});

test('the shortcuts dialog opens with ? and closes with Escape', async ({ page }) => {
  await openApp(page);
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toHaveCount(0);
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('?');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Ctrl/Cmd+Z: undo');
  await expect(dialog).toContainText('Ctrl+Shift+Z or Ctrl+Y: redo');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
});

test('zoom buttons and keys change the zoom percentage and the drawing size', async ({ page }) => {
  const { diagram } = regions(page);
  await openApp(page);
  const view = diagram.getByRole('group', { name: 'View' });
  const level = view.getByText(/^\d+%$/);
  const pct = async () => parseInt(await level.textContent(), 10);
  const width = async () => (await diagram.locator('svg.chain').boundingBox()).width;
  await expect(level).toBeVisible();
  const start = await pct();
  const w0 = await width();

  await view.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(async () => Math.abs((await pct()) - start * 1.25)).toBeLessThanOrEqual(1);
  expect(await width()).toBeGreaterThan(w0 * 1.2);
  await view.getByRole('button', { name: 'Zoom out' }).click();
  await expect.poll(pct).toBe(start);

  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('+');
  await expect.poll(pct).toBeGreaterThan(start);
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  await expect.poll(pct).toBeLessThan(start);

  // The map opened at a zoom where names stay readable, so the example's
  // six stages in a row run past the canvas; "Fit to view" shows them all.
  const scroller = diagram.locator('.scroller');
  const allInView = async () => {
    const [c, s] = [await scroller.boundingBox(), await diagram.locator('svg.chain').boundingBox()];
    return s.width <= c.width + 1 && s.height <= c.height + 1;
  };
  expect(await diagram.locator('svg.chain').evaluate((svg) => svg.getBoundingClientRect().width)).toBeGreaterThan(
    await scroller.evaluate((el) => el.clientWidth),
  );
  await view.getByRole('button', { name: 'Zoom in' }).click();
  await view.getByRole('button', { name: 'Fit to view' }).click();
  await expect.poll(allInView).toBe(true);
  const fitted = await pct();
  expect(fitted).toBeLessThan(start);
  await expect(card(page, 'Testing and certification')).toBeInViewport();

  // The 0 key fits too.
  await view.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(pct).toBeGreaterThan(fitted);
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('0');
  await expect.poll(pct).toBe(fitted);
});

test('a diagram smaller than the canvas is centred in it; dragging and clicking a card still hit that card', async ({
  page,
}) => {
  const { diagram, inspector } = regions(page);
  await openApp(page);
  const view = diagram.getByRole('group', { name: 'View' });
  const scroller = diagram.locator('.scroller');
  // The empty canvas on each side of the drawing (lanes and cards), in pixels.
  const margins = () =>
    scroller.evaluate((el) => {
      const svg = el.querySelector('svg.chain');
      const boxes = ['g.lanes', 'g.cards'].map((s) => svg.querySelector(s).getBoundingClientRect());
      const r = el.getBoundingClientRect();
      const [left, top] = [r.left + el.clientLeft, r.top + el.clientTop];
      return {
        left: Math.min(...boxes.map((b) => b.left)) - left,
        right: left + el.clientWidth - Math.max(...boxes.map((b) => b.right)),
        top: Math.min(...boxes.map((b) => b.top)) - top,
        bottom: top + el.clientHeight - Math.max(...boxes.map((b) => b.bottom)),
      };
    });
  const centred = async () => {
    const m = await margins();
    return Math.abs(m.left - m.right) <= 3 && Math.abs(m.top - m.bottom) <= 3;
  };

  await view.getByRole('button', { name: 'Fit to view' }).click();
  await expect.poll(centred).toBe(true);
  // The example is a wide, short chain: fitted, it leaves room above and below.
  const fitted = await margins();
  expect(fitted.top).toBeGreaterThan(100);
  expect(fitted.left).toBeGreaterThanOrEqual(0);
  await expect(card(page, 'Strengthening mechanism')).toBeInViewport();
  await expect(card(page, 'Testing and certification')).toBeInViewport();

  // Zoomed out further, it stays in the middle.
  await view.getByRole('button', { name: 'Zoom out' }).click();
  await expect.poll(async () => (await margins()).left).toBeGreaterThan(fitted.left + 20);
  await expect.poll(centred).toBe(true);
  await view.getByRole('button', { name: 'Fit to view' }).click();
  await expect.poll(centred).toBe(true);

  // Drag a card: it moves by the pointer's movement, in diagram units.
  const zoom = await diagram.locator('svg.chain').evaluate((svg) => svg.getScreenCTM().a);
  expect(zoom).toBeLessThan(0.72);
  const group = cardGroup(page, 'Casting trials');
  const at = async () => (await group.getAttribute('transform')).match(/translate\(([-\d.e]+),([-\d.e]+)\)/).slice(1).map(Number);
  const [x0, y0] = await at();
  const box = await card(page, 'Casting trials').boundingBox();
  const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const delta = { x: 15, y: 40 };
  const otherBefore = await card(page, 'Engine part production').boundingBox();
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 5, from.y + 5, { steps: 2 });
  await page.mouse.move(from.x + delta.x, from.y + delta.y, { steps: 8 });
  await page.mouse.up();
  await expect.poll(async () => (await at())[1]).not.toBe(y0);
  const [x1, y1] = await at();
  expect(Math.abs(x1 - x0 - delta.x / zoom)).toBeLessThanOrEqual(1.5 / zoom);
  expect(Math.abs(y1 - y0 - delta.y / zoom)).toBeLessThanOrEqual(1.5 / zoom);
  await expect(card(page, 'Casting trials')).toHaveAccessibleName(/^Casting trials \(stage, Pilot test; /);
  // The drawing grew downwards, and nothing moved to centre it again: the
  // card is where it was let go, the others where they were.
  const dropped = await card(page, 'Casting trials').boundingBox();
  expect(Math.abs(dropped.y - box.y - delta.y)).toBeLessThanOrEqual(1.5);
  expect(Math.abs(dropped.x - box.x - delta.x)).toBeLessThanOrEqual(1.5);
  const other = await card(page, 'Engine part production').boundingBox();
  expect(Math.abs(other.y - otherBefore.y)).toBeLessThanOrEqual(0.5);
  expect(Math.abs(other.x - otherBefore.x)).toBeLessThanOrEqual(0.5);

  // A click where a card is drawn selects that card.
  await page.mouse.click(other.x + other.width / 2, other.y + other.height / 2);
  await expect(inspector.getByRole('heading', { name: 'Engine part production', exact: true })).toBeVisible();
  await expect(card(page, 'Engine part production')).toHaveAttribute('aria-pressed', 'true');
});

test('a card dropped above and left of the drawing stays where it was let go, and nothing else moves; Undo puts it back', async ({
  page,
}) => {
  const { diagram } = regions(page);
  await openApp(page);
  await diagram.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Fit to view' }).click();
  const moving = card(page, 'Composition design');
  const still = card(page, 'Casting trials');
  const box = await moving.boundingBox();
  const stillBefore = await still.boundingBox();
  const lanes = await diagram.locator('svg.chain g.lanes').boundingBox();
  // Up past the top of the lanes and left past their left edge, into the
  // empty canvas around the centred drawing.
  const delta = { x: -(box.x - lanes.x) - 30, y: -(box.y - lanes.y) - 60 };
  const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 5, from.y - 5, { steps: 2 });
  await page.mouse.move(from.x + delta.x, from.y + delta.y, { steps: 10 });
  await page.mouse.up();
  await expect.poll(async () => (await moving.boundingBox()).y).toBeLessThan(box.y - 10);
  const dropped = await moving.boundingBox();
  expect(Math.abs(dropped.x - box.x - delta.x)).toBeLessThanOrEqual(1.5);
  expect(Math.abs(dropped.y - box.y - delta.y)).toBeLessThanOrEqual(1.5);
  const after = await still.boundingBox();
  expect(Math.abs(after.x - stillBefore.x)).toBeLessThanOrEqual(1.5);
  expect(Math.abs(after.y - stillBefore.y)).toBeLessThanOrEqual(1.5);
  // The whole card is drawn (the drawing grew to hold it), not clipped.
  const shown = await diagram.locator('svg.chain').evaluate((svg, name) => {
    const r = [...svg.querySelectorAll('g.stage')].find((g) => g.textContent.includes(name)).getBoundingClientRect();
    const v = svg.viewBox.baseVal;
    const m = svg.getScreenCTM();
    const left = m.e + v.x * m.a;
    const top = m.f + v.y * m.d;
    return r.left >= left - 0.5 && r.top >= top - 0.5;
  }, 'Composition design');
  expect(shown).toBe(true);
  // Undo puts the card back; the other card still does not move.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect.poll(async () => Math.abs((await moving.boundingBox()).y - box.y)).toBeLessThanOrEqual(1.5);
  const back = await still.boundingBox();
  expect(Math.abs(back.x - stillBefore.x)).toBeLessThanOrEqual(1.5);
  expect(Math.abs(back.y - stillBefore.y)).toBeLessThanOrEqual(1.5);
});

test('Shift+click selects several stages; Delete removes them as one undo step', async ({ page }) => {
  const { inspector } = regions(page);
  await openApp(page);
  const before = await exportJson(page);
  const a = card(page, 'Engine part production');
  const b = card(page, 'Testing and certification');
  await a.click();
  await b.click({ modifiers: ['Shift'] });
  await expect(a).toHaveAttribute('aria-pressed', 'true');
  await expect(b).toHaveAttribute('aria-pressed', 'true');
  await expect(inspector).toContainText('2 items selected');
  await page.keyboard.press('Delete');
  await expect(allCards(page)).toHaveCount(4);
  await expect(page.getByRole('region', { name: 'Chain diagram' }).locator('g.flow')).toHaveCount(3);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(allCards(page)).toHaveCount(6);
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();
  expect(await exportJson(page)).toBe(before);
});

test('dragging the background pans the chain', async ({ page }) => {
  const { diagram } = regions(page);
  await openApp(page);
  const scroller = diagram.locator('.scroller');
  const view = await scroller.boundingBox();
  const lane = await diagram.locator('g.lane').first().locator('rect.lane-bg').boundingBox();
  // A point on the first lane's background, below the cards, inside the visible canvas.
  const x = lane.x + 30;
  const y = Math.min(lane.y + lane.height, view.y + view.height) - 12;
  const onBackground = await page.evaluate(([px, py]) => {
    const el = document.elementFromPoint(px, py);
    return !!el && !el.closest('.stage, .flow');
  }, [x, y]);
  expect(onBackground).toBe(true);
  const start = await scroller.evaluate((el) => el.scrollLeft);
  await page.mouse.move(x + 200, y);
  await page.mouse.down();
  await page.mouse.move(x + 100, y, { steps: 4 });
  await page.mouse.move(x, y, { steps: 4 });
  await page.mouse.up();
  await expect.poll(() => scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(start + 100);
  // A pan is not an edit.
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();
});

test('the canvas around a centred chain is background: dragging it pans, clicking it clears the selection', async ({
  page,
}) => {
  const { diagram } = regions(page);
  await openApp(page);
  const scroller = diagram.locator('.scroller');
  const view = await scroller.boundingBox();
  // The drawing: its lanes and cards.
  const svg = await diagram.locator('svg.chain g.lanes').boundingBox();
  // At the opening zoom the example runs past the canvas sideways and is
  // centred up and down: there is empty canvas above it.
  expect(svg.y - view.y).toBeGreaterThan(60);
  const x = view.x + view.width / 2;
  const y = view.y + (svg.y - view.y) / 2;
  // Nothing of the map is drawn there.
  expect(
    await page.evaluate(([px, py]) => {
      const hit = document.elementFromPoint(px, py);
      return hit.closest('.scroller') !== null && hit.closest('g.stage, g.flow, g.lanes, g.cards') === null;
    }, [x, y]),
  ).toBe(true);
  const start = await scroller.evaluate((el) => el.scrollLeft);
  await page.mouse.move(x + 100, y);
  await page.mouse.down();
  await page.mouse.move(x, y, { steps: 4 });
  await page.mouse.move(x - 100, y, { steps: 4 });
  await page.mouse.up();
  await expect.poll(() => scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(start + 150);
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();

  await card(page, 'Composition design').click();
  await expect(card(page, 'Composition design')).toHaveAttribute('aria-pressed', 'true');
  await page.mouse.click(x, y);
  await expect(card(page, 'Composition design')).toHaveAttribute('aria-pressed', 'false');
});

test('on a map of 400 stages, the "To stage" list of Add flow fills when it gets focus, and the keyboard picks from all of it', async ({
  page,
}) => {
  const { inspector } = regions(page);
  await openApp(page);
  const stages = Array.from({ length: 400 }, (_, i) => ({ id: `s${i}`, name: `Stage ${i}` }));
  const map = { format: 'chainmap', version: 1, project: { title: 'Four hundred' }, stages };
  await openFile(page, { name: 'big.chainmap.json', text: JSON.stringify(map) });
  await expect(page.getByRole('heading', { level: 1, name: 'Four hundred' })).toBeVisible();
  await activate(card(page, 'Stage 0'));
  const form = inspector.getByRole('group', { name: 'Add flow' });
  const to = form.getByLabel('To stage');
  // Closed, it holds only "Choose a stage"; focused, all 399 other stages.
  await expect(to.locator('option')).toHaveCount(1);
  await to.focus();
  await expect(to.locator('option')).toHaveCount(400);
  await page.keyboard.press('End');
  await expect(to).toHaveValue('s399');
  await typeInto(page, form.getByLabel('Artifact'), 'ingots', 'Tab');
  await page.keyboard.press('Enter');
  await expect(inspector.getByRole('list', { name: 'Direct outputs' })).toContainText('ingots to Stage 399');
});

test('supervisors are checkboxes: one click changes one choice; a refused change of kind shows the kind kept', async ({ page }) => {
  const { inspector } = regions(page);
  const team = page.getByRole('region', { name: 'Team' });
  await openApp(page);
  await team.getByRole('button', { name: /^Casting process window/ }).click();
  const supervisors = inspector.getByRole('group', { name: 'Supervisors' });
  const zhang = supervisors.getByRole('checkbox', { name: 'Prof. Zhang' });
  const wang = supervisors.getByRole('checkbox', { name: 'Eng. Wang' });
  await expect(zhang).toBeChecked();
  await expect(wang).toBeChecked();
  // A plain click on one takes that one out and leaves the other.
  await wang.click();
  await expect(wang).not.toBeChecked();
  await expect(zhang).toBeChecked();
  await wang.click();
  await expect(wang).toBeChecked();
  await expect(zhang).toBeChecked();
  // Prof. Zhang supervises topics: making him a student is refused, and the
  // Kind list goes back to what he is.
  await team.getByRole('button', { name: /Prof\. Zhang/ }).click();
  const kind = inspector.getByLabel('Kind');
  await expect(kind).toHaveValue('academic_supervisor');
  await kind.selectOption('student');
  await expect(page.getByRole('status').filter({ hasText: 'supervises' })).toBeVisible();
  await expect(kind).toHaveValue('academic_supervisor');
});

test('with a stage selected, Add topic in the Team places the new topic at that stage', async ({ page }) => {
  const { inspector } = regions(page);
  await openApp(page);
  await activate(card(page, 'Casting trials'));
  await expect(inspector.getByRole('heading', { name: 'Casting trials', exact: true })).toBeVisible();
  await page.getByRole('region', { name: 'Team' }).getByRole('button', { name: 'Add topic' }).click();
  await expect(inspector.getByLabel('Stage', { exact: true })).toHaveValue('cast');
});

test('a long name is shown whole on a card that grows to it; a role cut to its first line is shown whole on hover', async ({ page }) => {
  const { inspector } = regions(page);
  await openApp(page);
  await card(page, 'Casting trials').click();
  const before = await cardGroup(page, 'Casting trials').locator('rect.card').boundingBox();
  const long = 'Casting trials of the high-strength alloy in sand and permanent moulds, with the process window for thin-walled cylinder heads';
  await typeInto(page, inspector.getByLabel('Name'), long, 'Enter');
  const group = cardGroup(page, long);
  await expect(group).toHaveCount(1);
  // PRODUCT.md: text fits without clipping; the card grows to its text.
  const shown = await group.locator('text.stage-name tspan').allTextContents();
  expect(shown.join('').trim()).toBe(long);
  expect((await group.locator('rect.card').boundingBox()).height).toBeGreaterThan(before.height + 50);
  // The role is cut to its first line on the card: the tooltip has it all.
  await expect(group.locator('rect.card title')).toHaveText(long + '\n' + 'Finds the casting window that gives sound parts');
  // A role cut to one line is shown whole too; a card that shows all its text has no tooltip.
  await expect(cardGroup(page, 'Heat treatment window').locator('rect.card title')).toHaveText(
    'Heat treatment window\nSets solution and ageing times and temperatures',
  );
  await page.getByRole('button', { name: 'Add stage' }).click();
  await expect(cardGroup(page, 'New stage')).toHaveCount(1);
  await expect(cardGroup(page, 'New stage').locator('rect.card title')).toHaveCount(0);
});

test('auto layout puts hand-placed stages back, as one undo step, and says when there is nothing to do', async ({ page }) => {
  const { inspector } = regions(page);
  await openApp(page);
  // Nothing placed by hand yet: the button says the map is laid out already.
  await page.getByRole('button', { name: 'Auto layout' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'laid out already' })).toBeVisible();
  // Move a stage with the keyboard (it is then placed by hand), then lay out again.
  const before = await exportJson(page);
  await card(page, 'Casting trials').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+ArrowDown');
  await expect.poll(async () => JSON.parse(await exportJson(page)).stages.filter((s) => s.pos).length).toBe(1);
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('l');
  await expect.poll(async () => JSON.parse(await exportJson(page)).stages.filter((s) => s.pos).length).toBe(0);
  expect(await exportJson(page)).toBe(before);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect.poll(async () => JSON.parse(await exportJson(page)).stages.filter((s) => s.pos).length).toBe(1);
  await expect(inspector).toBeVisible();
});

test('double-clicking a lane adds a stage in its phase; the empty canvas around the drawing adds nothing', async ({ page }) => {
  const { diagram, inspector } = regions(page);
  await openApp(page);
  await expect(allCards(page)).toHaveCount(6);
  const lane = await diagram.locator('rect.lane-bg').first().boundingBox();
  const scroller = await diagram.locator('.scroller').boundingBox();
  // Above the drawing (it is centred up and down at the opening zoom).
  expect(lane.y - scroller.y).toBeGreaterThan(60);
  await page.mouse.dblclick(lane.x + 20, scroller.y + (lane.y - scroller.y) / 2);
  await expect(allCards(page)).toHaveCount(6);
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();
  // In the lane, below its cards.
  await page.mouse.dblclick(lane.x + 20, lane.y + lane.height - 8);
  await expect(allCards(page)).toHaveCount(7);
  await expect(inspector.getByLabel('Phase', { exact: true })).toHaveValue('lab');
});

/** A programme of 400 stages in four phases, in runs of ten joined by flows (no topics). */
function programme() {
  const phases = ['Lab', 'Pilot', 'Production', 'Market'].map((name, i) => ({ id: `p${i}`, name }));
  const stages = Array.from({ length: 400 }, (_, i) => ({ id: `s${i}`, name: `Stage ${i}`, phase: `p${Math.floor(i / 100)}` }));
  const flows = stages
    .filter((_, i) => i % 10 !== 9)
    .map((s, i) => ({ id: `f${i}`, from: s.id, to: `s${Number(s.id.slice(1)) + 1}`, artifact: `part ${i}` }));
  return { format: 'chainmap', version: 1, project: { title: 'Programme', phases }, stages, flows };
}

test('a stage picked in the Gaps far from the view is brought to the middle of the canvas, clear of the zoom buttons', async ({ page }) => {
  const { diagram, inspector } = regions(page);
  await openApp(page);
  await openFile(page, { name: 'programme.chainmap.json', text: JSON.stringify(programme()) });
  await expect(page.getByRole('heading', { level: 1, name: 'Programme' })).toBeVisible();
  // The map opens at its start; Stage 99 (the end of the first phase's last run) is far away.
  await expect(card(page, "Stage 99")).toHaveCount(0);
  const gap = page.getByRole('region', { name: 'Gaps' }).getByRole("button", { name: /Nobody works here.*“Stage 99”/ });
  await gap.scrollIntoViewIfNeeded();
  await gap.click();
  await expect(inspector.getByRole('heading', { name: 'Stage 99', exact: true })).toBeVisible();
  // Across, the card is in the middle (the map is not much taller than the
  // canvas, so up and down it is only wholly in view).
  const view = await diagram.locator('.scroller').boundingBox();
  const middle = async () => {
    const b = await card(page, 'Stage 99').boundingBox();
    return b ? Math.abs(b.x + b.width / 2 - (view.x + view.width / 2)) : Infinity;
  };
  await expect.poll(middle).toBeLessThan(40);
  const box = await card(page, 'Stage 99').boundingBox();
  expect(box.y).toBeGreaterThanOrEqual(view.y);
  expect(box.y + box.height).toBeLessThanOrEqual(view.y + view.height);
  const buttons = await diagram.getByRole('group', { name: 'View' }).boundingBox();
  expect(box.y + box.height <= buttons.y || box.x + box.width <= buttons.x).toBe(true);
});

test('a big map zoomed out to fit is drawn as an overview: a click there selects the card under it, and zooming in brings the cards back', async ({
  page,
}) => {
  const { diagram, inspector } = regions(page);
  await openApp(page);
  await openFile(page, { name: 'programme.chainmap.json', text: JSON.stringify(programme()) });
  await expect(page.getByRole('heading', { level: 1, name: 'Programme' })).toBeVisible();
  await activate(card(page, 'Stage 0'));
  await expect(inspector.getByRole('heading', { name: 'Stage 0', exact: true })).toBeVisible();

  // Fitted, the whole map is on screen at a zoom where no name can be read:
  // one picture with an accessible name, and no card drawn one by one.
  await diagram.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Fit to view' }).click();
  const overview = diagram.getByRole('img', { name: /^Overview of 400 stages: zoom in to read and move them/ });
  await expect(overview).toBeVisible();
  await expect(allCards(page)).toHaveCount(0);
  const zoom = Number((await diagram.locator('.zoom-level').textContent()).replace('%', ''));
  expect(zoom).toBeLessThan(30);
  const scroller = await diagram.locator('.scroller').boundingBox();
  const drawn = await overview.boundingBox();
  expect(drawn.x).toBeGreaterThanOrEqual(scroller.x - 1);
  expect(drawn.y).toBeGreaterThanOrEqual(scroller.y - 1);
  expect(drawn.x + drawn.width).toBeLessThanOrEqual(scroller.x + scroller.width + 1);
  expect(drawn.y + drawn.height).toBeLessThanOrEqual(scroller.y + scroller.height + 1);
  // The four phases' titles are drawn at a size that can be read.
  for (const name of ['Lab', 'Pilot', 'Production', 'Market']) {
    const title = diagram.locator('text.lane-title', { hasText: name });
    expect((await title.boundingBox()).height).toBeGreaterThan(10);
  }

  // The selected stage is ringed; Shift+click on it takes it out of the
  // selection, a click puts it back.
  const ring = diagram.locator('.ov-ring');
  await expect(ring).toHaveCount(1);
  const r = await ring.boundingBox();
  const at = { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  // The pointer over it shows its name, which the boxes are too small for.
  await page.mouse.move(at.x, at.y);
  await expect(diagram.locator('.ov-hover text')).toHaveText('Stage 0');
  await page.keyboard.down('Shift');
  await page.mouse.click(at.x, at.y);
  await page.keyboard.up('Shift');
  await expect(ring).toHaveCount(0);
  await expect(inspector.getByRole('heading', { name: 'Stage 0', exact: true })).toHaveCount(0);
  // With nothing selected, the boxes show who works where, with a key:
  // here nobody works anywhere (the map has no topics).
  const legend = diagram.locator('.ov-legend');
  await expect(legend).toBeVisible();
  await expect(legend).toContainText('someone works here');
  await expect(legend).toContainText('nobody works here (400 stages)');
  const centre = (b) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
  // The key's coming did not cost the canvas its size: the drawing is still
  // centred, and a zoom step from the button keeps the canvas's centre.
  expect(Math.abs(centre(await overview.boundingBox()).y - centre(scroller).y)).toBeLessThan(3);
  await diagram.getByRole('button', { name: 'Zoom in' }).click();
  await expect(diagram.locator('.zoom-level')).not.toHaveText(`${zoom}%`);
  const zoomed = await overview.boundingBox();
  expect(Math.abs(centre(zoomed).x - centre(scroller).x)).toBeLessThan(3);
  await diagram.getByRole('button', { name: 'Fit to view' }).click();
  await expect(diagram.locator('.zoom-level')).toHaveText(`${zoom}%`);
  await page.mouse.click(at.x, at.y);
  await expect(inspector.getByRole('heading', { name: 'Stage 0', exact: true })).toBeVisible();
  await expect(ring).toHaveCount(1);
  await expect(legend).toBeHidden();
  // Its downstream, Stage 1 to Stage 9, is marked.
  await expect(diagram.locator('.ov-cards.down')).toHaveAttribute('d', /^(M[^M]+){9}$/);

  // Zooming in past the overview draws the cards again, the selection kept.
  for (let i = 0; i < 16 && (await overview.count()) > 0; i++) {
    await diagram.getByRole('button', { name: 'Zoom in' }).click();
  }
  await expect(overview).toHaveCount(0);
  await expect(allCards(page).first()).toBeVisible();
  // Stage 0 is still selected (its card is off screen: the zoom kept the
  // canvas's centre).
  await expect(inspector.getByRole('heading', { name: 'Stage 0', exact: true })).toBeVisible();
  await expect(diagram.locator('.ov-legend')).toBeHidden();

  // A double click in the overview zooms in there, to where names can be read.
  await diagram.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Fit to view' }).click();
  await expect(overview).toBeVisible();
  const again = await ring.boundingBox();
  const spot = { x: again.x + again.width / 2, y: again.y + again.height / 2 };
  // Count the cards in the page frame by frame: zooming in from the
  // overview never draws every card, not even for one frame (it froze a
  // map of 10,000 stages for seconds).
  await page.evaluate(() => {
    window.__most = 0;
    const tick = () => {
      window.__most = Math.max(window.__most, document.querySelectorAll('g.stage').length);
      if (!window.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.mouse.dblclick(spot.x, spot.y);
  await expect(diagram.locator('.zoom-level')).toHaveText('72%');
  await expect(overview).toHaveCount(0);
  await page.waitForTimeout(500);
  const most = await page.evaluate(() => ((window.__stop = true), window.__most));
  expect(most).toBeGreaterThan(0);
  expect(most).toBeLessThan(300);
  // Stage 0 stays under the pointer across (up and down, the view cannot
  // scroll past the map's top edge to keep it there) and is on screen.
  const zero = await card(page, 'Stage 0').boundingBox();
  expect(Math.abs(zero.x + zero.width / 2 - spot.x)).toBeLessThan(zero.width / 2);
  await expect(card(page, 'Stage 0')).toBeInViewport({ ratio: 0.5 });
  // Nothing was added by the double click.
  expect(JSON.parse(await exportJson(page)).stages).toHaveLength(400);
});
