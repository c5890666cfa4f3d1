import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from './fixtures';
import { idCheckChar } from '../../shared/people/id-number';
import { STANDARD_HEADERS, workbookBytes } from '../helpers/roster-xlsx';
import { newDataDir, shot, startHost, type RunningHost } from './browser-host';
import { maskIdNumber } from '../../shared/people/mask';

const PASSWORD = 'Yujing2026!';
const root = path.resolve(import.meta.dirname, '../..');

/** `cli init` and `cli user add`, the way an installer or an administrator would. */
function cli(dataDir: string, ...args: string[]) {
  execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'main/cli.ts'), ...args, '--data-dir', dataDir], {
    cwd: root,
    stdio: 'pipe',
  });
}

async function login(page: Page, username: string) {
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByLabel('密码', { exact: true }).press('Enter');
  await expect(page.getByTestId('header-user')).toBeVisible();
}

async function logout(page: Page) {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByLabel('用户名', { exact: true })).toBeVisible();
}

const drawerSave = (page: Page) => page.locator('.ant-drawer-footer').getByRole('button', { name: /保存$/ });
const modalSave = (page: Page) => page.locator('.ant-modal-footer:visible').getByRole('button', { name: /保存$/ });

// A valid number under 山阴县, born 1980-05-17, sequence 123 (odd: male).
const FIRST17 = '14062119800517123';
const ID_NUMBER = FIRST17 + idCheckChar(FIRST17);
const MASKED_ID = maskIdNumber(ID_NUMBER);

let host: RunningHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

/**
 * The township every test starts from: 玉井镇 set up by the CLI with the given accounts, the host
 * running, the 录入员 logged in and 玉井村第一网格 created through the UI.
 */
async function openTownship(page: Page, opts: { reviewer: boolean }): Promise<string> {
  const dataDir = newDataDir();
  cli(dataDir, 'init', '--township', '140621100', '--admin', 'admin', '--password', PASSWORD);
  if (opts.reviewer) {
    cli(dataDir, 'user', 'add', '--username', 'shen', '--name', '沈审核', '--role', '审核人', '--password', PASSWORD);
  }
  cli(dataDir, 'user', 'add', '--username', 'lu', '--name', '陆录入', '--role', '录入员', '--password', PASSWORD);
  host = await startHost(dataDir);
  await host.open(page);
  await login(page, 'lu');
  await page.getByRole('menuitem', { name: '网格与人员' }).click(); // login lands on 工作台
  await page.getByTestId('village-node-140621100200').click();
  await page.getByRole('button', { name: '新增网格' }).click();
  await page.getByLabel('网格名称').fill('玉井村第一网格');
  await page.getByLabel('户数').fill('320');
  await page.getByLabel('人口').fill('960');
  await drawerSave(page).click();
  await expect(page.getByTestId('grid-table').getByRole('row', { name: /玉井村第一网格/ })).toBeVisible();
  return dataDir;
}

test('a 网格员 with masked numbers → the grid team → 审核人 reveals, audited → 录入员 cannot', async ({ page }) => {
  await openTownship(page, { reviewer: true });

  // 人员管理 → 新增人员: a wrong check digit is explained live, the right one shows sex and birth date.
  await page.getByRole('menuitem', { name: '人员管理' }).click();
  await page.getByRole('button', { name: '新增人员' }).click();
  await page.locator('#person_name').fill('王建国');
  await page.getByLabel('身份证号').fill(FIRST17 + (idCheckChar(FIRST17) === '0' ? '1' : '0'));
  await expect(page.getByTestId('id-number-hint')).toContainText('校验位错误');
  await page.getByLabel('身份证号').fill(ID_NUMBER);
  await expect(page.getByTestId('id-number-hint')).toHaveText('男 · 出生日期 1980-05-17');
  await page.getByLabel('联系电话').fill('180 1234 1999');
  await page.getByLabel('住址').fill('山西省朔州市山阴县玉井镇玉井村三组12号');
  await shot(page, 'people-01-person-form');
  await page.getByLabel('住址').press('Enter'); // Enter saves the form

  await expect(page.getByTestId('person-id-masked')).toHaveText(MASKED_ID);
  await expect(page.getByTestId('person-phone-masked')).toHaveText('180****1999');
  // A 录入员 has no 查看完整信息.
  await expect(page.getByRole('button', { name: '查看完整信息' })).toHaveCount(0);

  // 新增任职: 网格员（专职） of the new grid.
  await page.getByRole('button', { name: '新增任职' }).click();
  await page.locator('#post_gridId').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '玉井村第一网格' }).click();
  await modalSave(page).click();
  await expect(page.getByTestId('post-table')).toContainText('网格员（专职） · 玉井村第一网格');
  await shot(page, 'people-02-person-posts');
  await page.locator('.ant-drawer-footer').getByRole('button', { name: '取消' }).click();

  // The list shows masked numbers only.
  const row = page.getByTestId('person-table').getByRole('row', { name: /王建国/ });
  await expect(row).toContainText(MASKED_ID);
  await expect(row).toContainText('180****1999');
  await expect(page.getByTestId('person-table')).not.toContainText(ID_NUMBER);
  await shot(page, 'people-03-list');

  // 待完善: 玉井村 has a grid but no 网格长.
  await page.getByText('待完善（', { exact: false }).click();
  await expect(page.getByTestId('gap-table')).toContainText('玉井村没有网格长');
  await shot(page, 'people-04-gaps');

  // The grid's 一长三员 in the grid drawer.
  await page.getByRole('menuitem', { name: '网格与人员' }).click();
  await page.getByTestId('village-node-140621100200').click();
  await page
    .getByTestId('grid-table')
    .getByRole('row', { name: /玉井村第一网格/ })
    .dblclick();
  const team = page.getByTestId('grid-team');
  await expect(team).toContainText('王建国（专职）');
  await expect(team).toContainText('网格员（专职 1 / 兼职 0）');
  await expect(team).toContainText('缺网格长');
  await shot(page, 'people-05-grid-team');
  await page.locator('.ant-drawer-footer').getByRole('button', { name: '取消' }).click();
  await logout(page);

  // The 审核人 reveals the full values; the audit log records who looked at which record.
  await login(page, 'shen');
  await page.getByRole('menuitem', { name: '人员管理' }).click();
  await page
    .getByTestId('person-table')
    .getByRole('row', { name: /王建国/ })
    .dblclick();
  await page.getByRole('button', { name: '查看完整信息' }).click();
  await expect(page.getByTestId('revealed')).toContainText(ID_NUMBER);
  await expect(page.getByTestId('revealed')).toContainText('18012341999');
  await shot(page, 'people-06-revealed');
  await page.locator('.ant-modal-footer:visible').getByRole('button', { name: '关闭' }).click();
  await page.locator('.ant-drawer-footer').getByRole('button', { name: '关闭' }).click();
  await page.getByRole('menuitem', { name: '操作日志' }).click();
  const reveal = page.getByTestId('audit-table').getByRole('row', { name: /查看完整信息/ });
  await expect(reveal).toContainText('shen');
  await expect(reveal).toContainText('人员 王建国');
  await expect(page.getByTestId('audit-table')).not.toContainText(ID_NUMBER);
  await shot(page, 'people-07-audit');
});

test('import a roster: good and bad rows → preview → commit → people, posts and masked numbers', async ({ page }) => {
  const dataDir = await openTownship(page, { reviewer: false });
  const id = (seq: string) => `1406211985030${seq}` + idCheckChar(`1406211985030${seq}`);
  const good1 = id('1011');
  const good2 = id('1022');
  const bad = good1.slice(0, 17) + (good1[17] === '0' ? '1' : '0');
  const file = path.join(dataDir, '玉井镇网格员花名册.xlsx');
  const row = (name: string, idNumber: string, employment: string, phone: string) => [
    '',
    '玉井村第一网格',
    name,
    idNumber,
    '',
    '',
    phone,
    employment,
    '群众',
    '高中',
    '2025-03-01',
    '',
  ];
  fs.writeFileSync(
    file,
    await workbookBytes({
      title: '2026年玉井镇网格员花名册',
      headers: STANDARD_HEADERS,
      rows: [
        row('刘春花', good1, '专职', '13912345678'),
        row('陈错号', bad, '兼职', '13912345679'),
        row('杨志强', good2, '兼职', '0349-6123456'),
      ],
    }),
  );

  await page.getByRole('menuitem', { name: '人员管理' }).click();
  await page.getByRole('button', { name: '导入花名册' }).click();
  await page.locator('.ant-modal input[type=file]').setInputFiles(file);
  await expect(page.getByTestId('import-counts')).toContainText('新增 2 人，更新 0 人，错误 1 行');
  const preview = page.getByTestId('import-preview');
  const badRow = preview.getByRole('row', { name: /校验位错误/ });
  await expect(badRow).toContainText('错误');
  // The error row names the person and the masked number, so the clerk can find the line.
  await expect(badRow).toContainText('陈错号');
  await expect(badRow).toContainText(maskIdNumber(bad));
  await expect(preview).not.toContainText(good1);
  await shot(page, 'people-08-import-preview');
  await page.getByRole('button', { name: '导入 2 行' }).click();
  await expect(page.getByTestId('import-done')).toContainText('新增 2 人');
  await shot(page, 'people-09-import-done');
  await page.getByRole('button', { name: '完成' }).click();

  const table = page.getByTestId('person-table');
  await expect(table.getByRole('row', { name: /刘春花/ })).toContainText(maskIdNumber(good1));
  await expect(table.getByRole('row', { name: /刘春花/ })).toContainText('139****5678');
  await expect(table.getByRole('row', { name: /刘春花/ })).toContainText('网格员（专职） · 玉井村第一网格');
  await expect(table.getByRole('row', { name: /杨志强/ })).toContainText('0349-*****56');
  await expect(table).not.toContainText('陈错号');
  await shot(page, 'people-10-after-import');
});

test('a seeded township: 花名册 grouped by village; a party member joins a 党小组, kept after a restart', async ({
  page,
}) => {
  const dataDir = newDataDir();
  cli(dataDir, 'seed-demo', '--grids', '20', '--people', '70', '--seed', 'e2e', '--password', PASSWORD);
  cli(dataDir, 'user', 'add', '--username', 'lu', '--name', '陆录入', '--role', '录入员', '--password', PASSWORD);
  host = await startHost(dataDir);
  await host.open(page);
  await login(page, 'lu');
  await page.getByRole('menuitem', { name: '人员管理' }).click();

  // 花名册: village headings in code order (玉井村 140621100200 first), then one village only.
  await page.getByText('花名册', { exact: true }).click();
  await expect(page.getByTestId('roster-count')).toContainText('18 个村（社区）· 70 人');
  const headings = page.getByTestId('roster-village');
  await expect(headings.first()).toContainText('玉井村');
  await expect(headings.first()).toContainText('网格长 1');
  await expect(page.getByTestId('roster-preview')).toContainText('网格长');
  await expect(page.getByTestId('roster-preview')).toContainText(/140621\*{12}/);
  await shot(page, 'people-11-roster');
  await page.getByLabel('花名册按村（社区）筛选').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '水头村' }).click();
  await expect(page.getByTestId('roster-count')).toContainText('1 个村（社区）');
  await expect(headings).toHaveCount(1);
  await expect(headings).toContainText('水头村');
  await shot(page, 'people-12-roster-village');

  // A party member: choose the 党小组 in the person form.
  await page.getByText('人员名单', { exact: true }).click();
  await page.getByLabel('按党员筛选').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^党员$/ }).click();
  // Every seeded 网格长 is a party member.
  await page
    .getByTestId('person-table')
    .getByRole('row', { name: /网格长/ })
    .first()
    .dblclick();
  const title = page.locator('.ant-drawer-title');
  await expect(title).toContainText('编辑人员 · ');
  const name = ((await title.textContent()) ?? '').replace('编辑人员 · ', '').trim();
  await page.locator('#person_partyGroupId').click();
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '水头村' }).first();
  const fallback = page.locator('.ant-select-dropdown:visible .ant-select-item-option').nth(1);
  const chosen = (await option.count()) ? option : fallback;
  const label = ((await chosen.textContent()) ?? '').trim();
  await chosen.click();
  await shot(page, 'people-13-party-group');
  await drawerSave(page).click();
  await expect(page.locator('.ant-message-notice', { hasText: `已保存 ${name}` })).toBeVisible();
  await page.locator('.ant-drawer-footer').getByRole('button', { name: '取消' }).click();

  // After a restart of the host the choice is still there.
  await host.stop();
  host = await startHost(dataDir);
  await host.open(page);
  await login(page, 'lu');
  await page.getByRole('menuitem', { name: '人员管理' }).click();
  await page.getByLabel('搜索姓名').fill(name);
  await page.getByLabel('搜索姓名').press('Enter');
  await page
    .getByTestId('person-table')
    .getByRole('row', { name: new RegExp(name) })
    .first()
    .dblclick();
  await expect(page.locator('.ant-form-item', { hasText: '党小组' }).locator('.ant-select-content')).toHaveText(label);
});
