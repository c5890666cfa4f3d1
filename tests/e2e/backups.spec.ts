import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from './fixtures';
import { PASSWORD } from '../helpers/core';
import { runCli } from '../helpers/cli';
import { rpc } from './case-steps';
import { newDataDir, shot, startHost, type RunningHost } from './browser-host';

let host: RunningHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

async function login(page: Page, username: string) {
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByLabel('密码', { exact: true }).press('Enter');
  await expect(page.getByTestId('header-user')).toBeVisible();
}

test('数据备份: the day’s backup is there at start, 立即备份 adds one, a USB folder is kept, a backup restored from the page', async ({
  page,
}) => {
  const dataDir = newDataDir();
  const init = runCli(
    'init',
    '--data-dir',
    dataDir,
    '--township',
    '140621100',
    '--admin',
    'admin',
    '--password',
    PASSWORD,
  );
  expect(init.code, init.err).toBe(0);
  const user = runCli(
    ...['user', 'add', '--data-dir', dataDir, '--username', 'lu', '--name', '陆录入', '--role', 'clerk'],
    ...['--password', PASSWORD],
  );
  expect(user.code, user.err).toBe(0);

  host = await startHost(dataDir);
  await host.open(page);
  await login(page, 'admin');
  await page.getByRole('menuitem', { name: '数据备份' }).click();
  // The host made the day's backup when it started: a daily and this week's.
  await expect(page.getByTestId('backup-count')).toHaveText('2 份');
  const table = page.getByTestId('backup-table');
  await expect(table).toContainText('每日自动');
  await expect(table).toContainText('每周保留');
  await expect(table).toContainText('已附带');

  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.locator('.ant-message-notice', { hasText: '已备份到' })).toBeVisible();
  await expect(page.getByTestId('backup-count')).toHaveText('3 份');
  expect(
    fs.readdirSync(path.join(dataDir, 'backups')).filter((f) => /^zongzhi-\d{8}-\d{6}\.sqlite$/.test(f)),
  ).toHaveLength(1);

  // A folder that is not there is refused under the field; a real one takes the backups at once.
  const usb = fs.mkdtempSync(path.join(os.tmpdir(), 'zongzhi-usb-'));
  const field = page.getByLabel('第二备份位置', { exact: true });
  await field.fill(path.join(usb, '没有这个文件夹'));
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('请确认 U 盘已插好')).toBeVisible();
  await field.fill(usb);
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('backup-second-folder')).toHaveText(usb);
  const there = path.join(usb, 'ZongzhiDesk-backups', '140621100', 'daily');
  expect(fs.readdirSync(there).some((f) => /^zongzhi-daily-\d{8}\.sqlite$/.test(f))).toBe(true);
  await shot(page, 'backups-01-page');

  // Kept after a restart; a 录入员 has no such page.
  await host.stop();
  host = await startHost(dataDir);
  await host.open(page);
  await login(page, 'admin');
  await page.getByRole('menuitem', { name: '数据备份' }).click();
  await expect(page.getByTestId('backup-second-folder')).toHaveText(usb);

  // A grid entered after the day's backup; restoring that backup from this page takes it away.
  const [village] = (await rpc<{ id: string }[]>(page, 'org.listVillages', {})).data!;
  const grid = { villageId: village!.id, type: 'village', name: '备份后新建的网格', households: 9, residents: 20 };
  expect((await rpc(page, 'org.createGrid', grid)).ok).toBe(true);
  await page
    .getByTestId('backup-table')
    .getByRole('row', { name: /每日自动/ })
    .getByRole('button', { name: '恢复' })
    .click();
  await expect(page.locator('.ant-modal-confirm-title')).toHaveText('用此备份恢复全部数据？');
  await shot(page, 'backups-02-restore-confirm');
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '恢复' }).click();
  // The page reloads once the app has reopened its database: everyone logs in again.
  await expect(page.getByLabel('用户名', { exact: true })).toBeVisible({ timeout: 30_000 });
  await login(page, 'admin');
  const grids = (await rpc<{ name: string }[]>(page, 'org.listGrids', { villageId: village!.id })).data ?? [];
  expect(grids.map((g) => g.name)).not.toContain('备份后新建的网格');
  // The restored database says who restored which backup; the replaced one is kept.
  expect(fs.readdirSync(path.join(dataDir, 'backups')).some((f) => /^before-restore-.*\.sqlite$/.test(f))).toBe(true);
  await page.getByRole('menuitem', { name: '操作日志' }).click();
  await expect(page.getByText('恢复备份').first()).toBeVisible();

  await page.getByRole('button', { name: '退出登录' }).click();
  await login(page, 'lu');
  await expect(page.getByRole('menuitem', { name: '数据备份' })).toHaveCount(0);
});
