// Chinese and English: `?lang=` forces one, the buttons switch, and
// `<html lang>` follows.
const fs = require('fs');
const { test, expect } = require('@playwright/test');
const { openApp, template } = require('./helpers');

test.describe.configure({ mode: 'parallel' });

test('?lang=zh shows the Chinese interface', async ({ page }) => {
  await openApp(page, '?lang=zh');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const zh = JSON.parse(fs.readFileSync(template('alloy.zh.chainmap.json'), 'utf8'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(zh.project.title);
  for (const name of ['价值链图', '详情', '缺口', '团队']) {
    await expect(page.getByRole('region', { name, exact: true })).toBeVisible();
  }
  for (const name of ['新建', '打开文件', '导出 JSON', '撤销', '重做', '添加阶段', '添加环节', '删除', '自动布局']) {
    await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
  }
  const team = page.getByRole('region', { name: '团队' });
  await expect(team.getByRole('button', { name: '添加人员' })).toBeVisible();
  await expect(team.getByRole('button', { name: '添加课题' })).toBeVisible();
  // Stage cards and lanes in Chinese.
  const diagram = page.getByRole('region', { name: '价值链图' });
  await expect(diagram.locator('.lane-title')).toHaveText(zh.project.phases.map((p) => p.name));
  const cast = zh.stages.find((s) => s.id === 'cast');
  await expect(diagram.getByRole('button', { name: new RegExp(`^${cast.name}（环节，`) })).toBeVisible();
  // The gap counts and the Inspector's fields.
  await expect(page.getByRole('region', { name: '缺口' })).toContainText(/\d+ 个错误 · \d+ 个警告 · \d+ 条提示/);
  await expect(page.getByRole('region', { name: '详情' }).getByLabel('项目名称')).toHaveValue(zh.project.title);
  // No English button names are left on the page.
  for (const name of ['New map', 'Open file', 'Export JSON', 'Undo', 'Add stage']) {
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
  }
  // The New map dialog too.
  await page.getByRole('button', { name: '新建', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '新建地图' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: '空白链：实验室 → 中试 → 产业化' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('the language buttons switch the interface and <html lang>', async ({ page }) => {
  await openApp(page, '?lang=en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('button', { name: '新建', exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: '详情' })).toBeVisible();
  await expect(page.getByRole('button', { name: '中文' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'New map' })).toBeVisible();
});

test('the browser’s language is followed when nothing forces one', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    await openApp(page, '');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('button', { name: '新建', exact: true })).toBeVisible();
  } finally {
    await context.close();
  }
});
