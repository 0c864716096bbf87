// Editing says what it does: a removal that takes more than it names says so
// before (the description of "Remove from the map") and after (a notice with
// the way back); a refused text edit marks its field with the reason; Add
// topic with no student selected asks whose topic it is; the "?" dialog
// starts with a short how-to.
const { test, expect } = require('@playwright/test');
const { openApp, activate } = require('./helpers');

test.describe.configure({ mode: 'parallel' });

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const region = (page, name) => page.getByRole('region', { name, exact: true });
const card = (page, name) =>
  region(page, 'Chain diagram').getByRole('button', { name: new RegExp(`^${esc(name)} \\(stage, `) });
const notice = (page) => page.locator('.notice-banner[role=status]');

test('removing a student says before and after that their topics go too, and Undo brings them back', async ({ page }) => {
  await openApp(page);
  const team = region(page, 'Team');
  const inspector = region(page, 'Inspector');
  await activate(team.getByRole('button', { name: 'Li', exact: true }));
  const remove = inspector.getByRole('button', { name: 'Remove from the map' });
  await expect(remove).toHaveAccessibleDescription(
    'Removing Li also removes 1 topic (“Casting process window”). Undo brings it all back.',
  );
  await expect(inspector.getByText('Removing Li also removes 1 topic')).toBeVisible();
  await remove.click();
  await expect(team.getByRole('button', { name: 'Li', exact: true })).toHaveCount(0);
  await expect(team.getByRole('button', { name: /^Casting process window/ })).toHaveCount(0);
  await expect(notice(page)).toHaveText(/^Removed Li and 1 topic\. Undo brings it all back\./);
  // The way back is in the notice itself.
  await notice(page).getByRole('button', { name: 'Undo the removal' }).click();
  await expect(team.getByRole('button', { name: /^Casting process window/ })).toBeVisible();
  // The notice was about the last thing done: Undo changed the map, and it went.
  await expect(notice(page)).toHaveCount(0);
});

test('removing a stage, a phase or a supervisor says what goes with it or changes; a flow or a topic says nothing more', async ({ page }) => {
  await openApp(page);
  const inspector = region(page, 'Inspector');
  const remove = inspector.getByRole('button', { name: 'Remove from the map' });
  await activate(card(page, 'Casting trials'));
  await expect(remove).toHaveAccessibleDescription(
    'Removing stage “Casting trials” also removes 2 flows; 1 topic will no longer be placed at a stage. Undo brings it all back.',
  );
  await activate(region(page, 'Team').getByRole('button', { name: /^Eng\. Wang/ }));
  await expect(remove).toHaveAccessibleDescription(
    'Removing Eng. Wang: 2 topics will lose a supervisor. Undo brings it all back.',
  );
  await region(page, 'Chain diagram').locator('.lane-title', { hasText: 'Pilot test' }).click();
  await expect(remove).toHaveAccessibleDescription(
    'Removing phase “Pilot test”: 2 stages will stay on the map without a phase. Undo brings it all back.',
  );
  await remove.click();
  await expect(notice(page)).toHaveText(/^Removed phase “Pilot test”; 2 stages have no phase now\. Undo brings it all back\./);
  await expect(card(page, 'Casting trials')).toHaveAccessibleName(/\(stage, No phase;/);
  // A topic takes nothing with it: no description, no notice beyond the last one's going.
  await activate(region(page, 'Team').getByRole('button', { name: /^Casting process window/ }));
  await expect(remove).toHaveAccessibleDescription('');
  await remove.click();
  await expect(notice(page)).toHaveCount(0);
});

test('in Chinese the removal says the same in Chinese', async ({ page }) => {
  await openApp(page, '?lang=zh');
  const inspector = region(page, '详情');
  await activate(region(page, '团队').getByRole('button', { name: '李同学', exact: true }));
  const remove = inspector.getByRole('button', { name: '从地图中移除' });
  await expect(remove).toHaveAccessibleDescription('移除李同学将同时移除 1 个课题（“铸造工艺窗口”）。可用“撤销”全部恢复。');
  await remove.click();
  await expect(notice(page)).toHaveText(/^已移除李同学及 1 个课题。可用“撤销”全部恢复。/);
});

test('a refused name marks its field with the reason and keeps the focus there until a valid name is given', async ({ page }) => {
  await openApp(page);
  const inspector = region(page, 'Inspector');
  await activate(card(page, 'Casting trials'));
  const name = inspector.getByLabel('Name', { exact: true });
  await expect(name).not.toHaveAttribute('aria-invalid', /./);
  await name.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // Tab commits the change, which is refused: the focus comes back.
  await page.keyboard.press('Tab');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription('Not changed: A name or title cannot be empty.');
  await expect(inspector.getByText('Not changed: A name or title cannot be empty.')).toBeVisible();
  await expect(name).toBeFocused();
  await expect(name).toHaveValue('Casting trials');
  // The banner at the top says it too.
  await expect(page.getByRole('status').filter({ hasText: 'That change was not made' })).toBeVisible();
  // Another field is not marked.
  await expect(inspector.getByLabel('Role')).not.toHaveAttribute('aria-invalid', /./);
  // The next edit that is made clears the mark.
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Casting');
  await page.keyboard.press('Enter');
  await expect(card(page, 'Casting')).toHaveCount(1);
  await expect(name).not.toHaveAttribute('aria-invalid', /./);
  await expect(name).toHaveAccessibleDescription('');
  await expect(inspector.getByText('Not changed:')).toHaveCount(0);
});

test('a refused topic title is marked in Chinese too, and Dismiss clears the mark', async ({ page }) => {
  await openApp(page, '?lang=zh');
  const inspector = region(page, '详情');
  await activate(region(page, '团队').getByRole('button', { name: /^铸造工艺窗口/ }));
  const title = inspector.getByLabel('题目', { exact: true });
  await title.fill('   ');
  await title.press('Enter');
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(title).toHaveAccessibleDescription('未修改：名称或题目不能为空。');
  await expect(title).toBeFocused();
  await expect(title).toHaveValue('铸造工艺窗口');
  await page.getByRole('status').filter({ hasText: '未做此修改' }).getByRole('button', { name: '关闭' }).click();
  await expect(title).not.toHaveAttribute('aria-invalid', /./);
});

test('Add topic with no student selected asks whose topic it is, in the Student field', async ({ page }) => {
  await openApp(page);
  const team = region(page, 'Team');
  const inspector = region(page, 'Inspector');
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('Escape');
  await activate(team.getByRole('button', { name: 'Add topic' }));
  const student = inspector.getByLabel('Student', { exact: true });
  await expect(student).toBeFocused();
  await expect(student).toHaveAccessibleDescription(/^No student was selected, so the topic went to the first student for now: choose whose topic it is\.$/);
  await expect(inspector.getByText('choose whose topic it is')).toBeVisible();
  await student.selectOption({ label: 'Zhao' });
  // Chosen: the hint goes, and the topic is Zhao's in the Team.
  await expect(student).toHaveAccessibleDescription('');
  await expect(team.locator('li.person', { has: page.getByRole('button', { name: 'Zhao', exact: true }) }))
    .toContainText('New topic');
  // With a student selected, the topic is theirs and the cursor is in its title.
  await activate(team.getByRole('button', { name: 'Chen', exact: true }));
  await activate(team.getByRole('button', { name: 'Add topic' }));
  await expect(inspector.getByLabel('Title')).toBeFocused();
  await expect(student).toHaveValue('chen');
  await expect(student).toHaveAccessibleDescription('');
});

test('Add topic with a stage selected places it there and asks for its student', async ({ page }) => {
  await openApp(page);
  const inspector = region(page, 'Inspector');
  await activate(card(page, 'Composition design'));
  await activate(region(page, 'Team').getByRole('button', { name: 'Add topic' }));
  await expect(inspector.getByLabel('Stage', { exact: true })).toHaveValue('comp');
  const student = inspector.getByLabel('Student', { exact: true });
  await expect(student).toBeFocused();
  await expect(student).toHaveAccessibleDescription(/choose whose topic it is/);
});

test('Add topic with a supervisor selected makes them its supervisor and asks for its student', async ({ page }) => {
  await openApp(page);
  const team = region(page, 'Team');
  const inspector = region(page, 'Inspector');
  await activate(team.getByRole('button', { name: 'Prof. Zhang (academic supervisor)', exact: true }));
  await activate(team.getByRole('button', { name: 'Add topic' }));
  const student = inspector.getByLabel('Student', { exact: true });
  await expect(student).toBeFocused();
  const supervisors = inspector.getByRole('group', { name: 'Supervisors' });
  await expect(supervisors.getByRole('checkbox', { name: 'Prof. Zhang' })).toBeChecked();
  await expect(supervisors.getByRole('checkbox', { name: 'Eng. Wang' })).not.toBeChecked();
});

test('the help dialog starts with a short how-to, then the shortcuts, in both languages', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  const dialog = page.getByRole('dialog', { name: 'Help and keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  const howTo = dialog.getByRole('region', { name: 'How to' });
  const steps = howTo.getByRole('list').getByRole('listitem');
  await expect(steps).toHaveCount(7);
  await expect(steps.nth(0)).toHaveText(/^Add a stage: “Add stage”/);
  await expect(steps.nth(1)).toHaveText(/^Connect a flow: .*“Add flow”/);
  await expect(steps.nth(3)).toHaveText(/^Place a topic: /);
  await expect(steps.nth(5)).toHaveText(/^Read the gaps: /);
  await expect(steps.nth(6)).toHaveText(/“Export JSON”.*“Merge file”/);
  await expect(dialog.getByRole('region', { name: 'Keyboard shortcuts' })).toContainText('Ctrl/Cmd+Z: undo');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await openApp(page, '?lang=zh');
  await page.getByRole('button', { name: '键盘快捷键' }).click();
  const zh = page.getByRole('dialog', { name: '帮助与键盘快捷键' });
  await expect(zh.getByRole('region', { name: '怎么做' }).getByRole('listitem')).toHaveCount(7);
  await expect(zh.getByRole('region', { name: '怎么做' })).toContainText('添加环节：');
  await expect(zh.getByRole('region', { name: '键盘快捷键' })).toContainText('Ctrl/Cmd+Z：撤销');
});

test('a chain wider than the screen says at its edge which phase and how many stages are out of view, and goes there', async ({ page }, info) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page);
  const diagram = region(page, 'Chain diagram');
  const right = diagram.getByRole('button', { name: /^Scroll right: / });
  const left = diagram.getByRole('button', { name: /^Scroll left: / });
  // The example's production phase (where nobody works) is out of view at first.
  await expect(right).toHaveAccessibleName('Scroll right: Industrial production 3 more stages');
  await expect(right).toContainText('Industrial production');
  await expect(right).toContainText('3 more stages');
  await expect(left).toHaveCount(0);
  const production = diagram.locator('.lane-title', { hasText: 'Industrial production' });
  await expect(production).not.toBeInViewport();
  await page.screenshot({ path: info.outputPath('beyond-start.png') });
  // By keyboard, as any button.
  await right.focus();
  await page.keyboard.press('Enter');
  await expect(production).toBeInViewport();
  await expect(card(page, 'Testing and certification')).toBeInViewport();
  await expect(left).toHaveAccessibleName('Scroll left: Lab research 3 more stages');
  await expect(right).toHaveCount(0);
  await left.click();
  await expect(diagram.locator('.lane-title', { hasText: 'Lab research' })).toBeInViewport();
  await expect(right).toHaveCount(1);
  // Where the whole chain fits, there is nothing to say.
  await page.setViewportSize({ width: 2400, height: 900 });
  await expect(right).toHaveCount(0);
  await expect(left).toHaveCount(0);
});

test('the buttons to what is out of view speak Chinese too', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page, '?lang=zh');
  const diagram = page.getByRole('region', { name: '价值链图' });
  await expect(diagram.getByRole('button', { name: /^向右滚动/ })).toHaveAccessibleName('向右滚动：产业化生产 还有 3 个环节');
});

test('a stage nobody works at says so on its card, in words, and stops when a student is placed there', async ({ page }) => {
  await openApp(page);
  const diagram = region(page, 'Chain diagram');
  const stage = (name) =>
    diagram.locator('g.stage', { has: page.getByRole('button', { name: new RegExp(`^${esc(name)} \\(stage, `) }) });
  // The example: nobody works at Composition design, Engine part production
  // and Testing and certification.
  await expect(diagram.getByText('no student yet', { exact: true })).toHaveCount(3);
  await expect(stage('Composition design').getByText('no student yet')).toHaveCount(1);
  await expect(stage('Casting trials').getByText('no student yet')).toHaveCount(0);
  await expect(card(page, 'Composition design')).toHaveAccessibleName(/nobody works here/);
  // Li's topic moves from Casting trials to Composition design.
  await activate(region(page, 'Team').getByRole('button', { name: /^Casting process window/ }));
  await region(page, 'Inspector').getByLabel('Stage', { exact: true }).selectOption({ label: 'Composition design' });
  await expect(stage('Composition design').getByText('no student yet')).toHaveCount(0);
  await expect(stage('Composition design').getByText('Li', { exact: true })).toHaveCount(1);
  await expect(stage('Casting trials').getByText('no student yet')).toHaveCount(1);
  await expect(diagram.getByText('no student yet', { exact: true })).toHaveCount(3);
});

test('in Chinese a stage nobody works at says 暂无学生', async ({ page }) => {
  await openApp(page, '?lang=zh');
  const diagram = page.getByRole('region', { name: '价值链图', exact: true });
  await expect(diagram.getByText('暂无学生', { exact: true })).toHaveCount(3);
});

test('the keyboard focus is a ring around a card, unlike the selection, so Delete is never a surprise', async ({ page }) => {
  await openApp(page);
  const comp = card(page, 'Composition design');
  const cast = card(page, 'Casting trials');
  const look = (button) =>
    button.evaluate((b) => ({
      ring: getComputedStyle(b.parentElement.querySelector('.focus-ring')).display,
      fill: getComputedStyle(b.querySelector('.card')).fill,
      outline: getComputedStyle(b.querySelector('.card')).stroke,
    }));
  await comp.focus();
  await page.keyboard.press('Enter');
  await expect(comp).toHaveAttribute('aria-pressed', 'true');
  const selectedAndFocused = await look(comp);
  await page.keyboard.press('Tab');
  await expect(cast).toBeFocused();
  const selected = await look(comp);
  const focused = await look(cast);
  // The selected card keeps its fill and outline when the focus leaves it;
  // the focused one has only the ring.
  expect(selected.ring).toBe('none');
  expect(selectedAndFocused.ring).not.toBe('none');
  expect(focused.ring).not.toBe('none');
  expect(focused.fill).not.toBe(selected.fill);
  expect(focused.outline).not.toBe(selected.outline);
  // Delete acts on the selection, which is the card that looks selected.
  await page.keyboard.press('Delete');
  await expect(comp).toHaveCount(0);
  await expect(cast).toHaveCount(1);
});

test('the wheel scrolls along the chain as a trackpad does; Ctrl with the wheel zooms', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page);
  const diagram = region(page, 'Chain diagram');
  const zoom = diagram.locator('.zoom-level');
  await expect(zoom).toHaveText('72%');
  const box = await diagram.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const production = diagram.locator('.lane-title', { hasText: 'Industrial production' });
  await expect(production).not.toBeInViewport();
  // Down the wheel, along the chain: this chain is wider than the canvas
  // but not taller, so it scrolls sideways; the zoom does not change.
  for (let i = 0; i < 8; i++) await page.mouse.wheel(0, 200);
  await expect(production).toBeInViewport();
  await expect(zoom).toHaveText('72%');
  // Ctrl with the wheel (a trackpad's pinch) zooms.
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -200);
  await page.keyboard.up('Control');
  await expect(zoom).not.toHaveText('72%');
});

test('every change is said to screen readers, and Undo and Redo say what they take back', async ({ page }) => {
  await openApp(page);
  const announcer = page.locator('#announcer');
  await expect(announcer).toHaveAttribute('aria-live', 'polite');
  const undo = page.getByRole('button', { name: 'Undo', exact: true });
  const redo = page.getByRole('button', { name: 'Redo', exact: true });
  await expect(undo).toHaveAttribute('title', 'Ctrl+Z');
  await activate(card(page, 'Casting trials'));
  const name = region(page, 'Inspector').getByLabel('Name', { exact: true });
  await name.fill('Casting');
  await name.press('Enter');
  await expect(announcer).toHaveText('Renamed stage “Casting trials”.');
  await expect(undo).toHaveAttribute('title', 'Undo: renamed stage “Casting trials” (Ctrl+Z)');
  // Li's topic moves by the Inspector's Stage list.
  await activate(region(page, 'Team').getByRole('button', { name: /^Casting process window/ }));
  await region(page, 'Inspector').getByLabel('Stage', { exact: true }).selectOption({ label: 'Heat treatment window' });
  await expect(announcer).toHaveText('Placed topic “Casting process window” at “Heat treatment window”.');
  await undo.click();
  await expect(announcer).toHaveText('Undone: placed topic “Casting process window” at “Heat treatment window”.');
  await expect(redo).toHaveAttribute('title', 'Redo: placed topic “Casting process window” at “Heat treatment window” (Ctrl+Shift+Z)');
  await redo.click();
  await expect(announcer).toHaveText('Redone: placed topic “Casting process window” at “Heat treatment window”.');
  // In Chinese.
  await page.getByRole('button', { name: '中文' }).click();
  await undo.or(page.getByRole('button', { name: '撤销', exact: true })).first().click();
  await expect(announcer).toHaveText('已撤销：把课题“Casting process window”放到了“Heat treatment window”。');
});

test('a topic in the Inspector leads to its defense brief, further down the column', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page);
  await activate(region(page, 'Team').getByRole('button', { name: /^Casting process window/ }));
  const title = region(page, 'Brief').getByRole('heading', { name: 'Casting process window', level: 3 });
  await expect(title).not.toBeInViewport();
  await activate(region(page, 'Inspector').getByRole('button', { name: 'Read its defense brief' }));
  await expect(title).toBeFocused();
  await expect(title).toBeInViewport();
});

test('the coverage matrix says in words which stages nobody works at', async ({ page }) => {
  await openApp(page);
  await expect(region(page, 'Coverage').getByRole('table').getByRole('rowheader', { name: /no student yet/ })).toHaveCount(3);
  await expect(region(page, 'Coverage').getByRole('rowheader', { name: /^Casting trials/ })).not.toContainText('no student yet');
});

test("a student's chip on a card marks the kinds of the topic's supervisors", async ({ page }) => {
  await openApp(page);
  const diagram = region(page, 'Chain diagram');
  const marks = (name) =>
    diagram
      .locator('g.stage', { has: page.getByRole('button', { name: new RegExp(`^${esc(name)} \\(stage, `) }) })
      .locator('.chip .sup-mark')
      .allTextContents();
  // Gao: Prof. Zhang (academic); Li: Prof. Zhang and Eng. Wang (enterprise).
  expect(await marks('Strengthening mechanism')).toEqual(['A']);
  expect(await marks('Casting trials')).toEqual(['A', 'E']);
  // Taking Eng. Wang off Li's topic takes the E away.
  await activate(region(page, 'Team').getByRole('button', { name: /^Casting process window/ }));
  await region(page, 'Inspector').getByRole('checkbox', { name: 'Eng. Wang' }).uncheck();
  await expect.poll(() => marks('Casting trials')).toEqual(['A']);
});

test('a flow with no artifact name is marked "?" halfway along until it is named', async ({ page }) => {
  await openApp(page);
  await activate(page.getByRole('button', { name: 'New map', exact: true }));
  await activate(page.getByRole('dialog').getByRole('button', { name: 'Example: 3D-printing sand with recycling' }));
  const diagram = region(page, 'Chain diagram');
  const mark = diagram.locator('.flow-unnamed');
  await expect(mark).toHaveCount(1);
  await expect(mark.locator('title')).toHaveText('Unnamed hand-off: select it and name its artifact');
  await expect(mark).toContainText('?');
  // Its gap leads to it; naming it takes the mark away.
  await region(page, 'Gaps').getByRole('button', { name: /Unnamed hand-off/ }).click();
  const artifact = region(page, 'Inspector').getByLabel('Artifact', { exact: true });
  await artifact.fill('market feedback');
  await artifact.press('Enter');
  await expect(mark).toHaveCount(0);
  await expect(diagram.locator('.flow-label-text', { hasText: 'market feedback' })).toHaveCount(1);
});
