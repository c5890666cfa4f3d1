import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Page } from './fixtures';
import { countyPaths } from '../../county-server/paths';
import { dataPaths } from '../../main/core/paths';
import { newDataDir, shot, startHost, type RunningHost } from './browser-host';

const root = path.resolve(import.meta.dirname, '../..');
const PASSWORD = 'Yujing2026!';
const TOWNSHIP = '140621100';

/** `npx tsx county-server/cli.ts …`, to the end. */
function countyCli(...args: string[]): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'county-server/cli.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`county ${args[0]} failed: ${r.stderr}`);
  return r.stdout;
}

/** `county-server/cli.ts start --port 0`, resolved with its address once it listens. */
function startCounty(dataDir: string, port = 0): Promise<{ url: string; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(root, 'county-server/cli.ts'),
      'start',
      '--data-dir',
      dataDir,
      '--port',
      String(port),
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`county did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const url = /县级接收服务已启动：(\S+?)（/.exec(output)?.[1];
      if (!url) return;
      clearTimeout(timer);
      resolve({
        url,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`county exited with ${code}:\n${output}`)));
  });
}

async function pickDivision(page: Page, label: string, typed: string, option: string) {
  await page.getByLabel(label, { exact: true }).fill(typed);
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
}

const stops: (() => Promise<void>)[] = [];
test.afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

test('administrator sets the county, a grid is entered, 立即上报 delivers it to the county', async ({ page }) => {
  // The county: its key pair, the township's public key registered, the receiver listening.
  const countyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zongzhi-e2e-county-'));
  const keygen = countyCli('keygen', '--data-dir', countyDir);
  const countyKeyFile = /公钥文件（交给各乡镇导入）：(\S+)/.exec(keygen)![1]!;
  const countyFingerprint = /指纹（电话核对用）：(.+)/.exec(keygen)![1]!.trim();

  // The township: the host makes its key pair on first start.
  const dataDir = newDataDir();
  let host: RunningHost = await startHost(dataDir);
  stops.push(() => host.stop());
  const townshipKeyFile = path.join(dataPaths(dataDir).keysDir, 'township-ed25519.public.jwk');
  countyCli('register-township', '--data-dir', countyDir, '--code', TOWNSHIP, '--public-key', townshipKeyFile);
  const county = await startCounty(countyDir);
  stops.push(() => county.stop());

  // First run and login, as in the foundation test.
  await host.open(page);
  await pickDivision(page, '省份', '山西', '山西省');
  await pickDivision(page, '地市', '朔州', '朔州市');
  await pickDivision(page, '区县', '山阴', '山阴县');
  await pickDivision(page, '乡镇（街道）', '玉井', '玉井镇');
  await page.getByLabel('管理员用户名').fill('admin');
  await page.getByLabel('管理员姓名').fill('张主任');
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByLabel('确认密码').fill(PASSWORD);
  await page.getByRole('button', { name: '完成初始化' }).click();
  await page.getByRole('button', { name: '前往登录' }).click();
  await page.getByLabel('用户名', { exact: true }).fill('admin');
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByLabel('密码', { exact: true }).press('Enter');
  await expect(page.getByTestId('header-user')).toBeVisible();

  // 上报 before the county is set: nothing to send to, said so.
  await page.getByRole('menuitem', { name: '上报' }).click();
  await expect(page.getByTestId('sync-error')).toContainText('尚未设置县级服务器地址');
  await expect(page.getByTestId('sync-pending')).not.toHaveText('0');
  await shot(page, '11-sync-unset');

  // 设置县级接收端: a wrong address is refused under its field; the key's fingerprint is shown for the phone check.
  await page.getByRole('button', { name: '设置县级接收端' }).click();
  const dialog = page.getByRole('dialog', { name: '设置县级接收端' });
  await dialog.getByLabel('县级服务器地址').fill('ftp://10.12.0.5');
  await dialog.getByLabel('县级公钥（JWK）').fill('{"kty":"OKP","crv":"Ed25519"}');
  await expect(dialog.getByTestId('county-key-error')).toContainText('X25519');
  await dialog.getByLabel('县级公钥（JWK）').fill(fs.readFileSync(countyKeyFile, 'utf8'));
  await expect(dialog.getByTestId('county-key-fingerprint')).toContainText(countyFingerprint);
  await dialog.getByRole('button', { name: /保存$/ }).click();
  await expect(dialog.locator('#county_confirmed_help')).toContainText('请先与县综治中心电话核对指纹');
  await dialog.getByText('已与县综治中心电话核对，指纹一致').click();
  await dialog.getByRole('button', { name: /保存$/ }).click();
  await expect(dialog.locator('#county_url_help')).toContainText('http:// 或 https://');
  await shot(page, '12-sync-settings-errors');
  await dialog.getByLabel('县级服务器地址').fill(county.url);
  await dialog.getByRole('button', { name: /保存$/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('sync-county-url')).toHaveText(county.url);
  await expect(page.getByTestId('sync-county-fingerprint')).toHaveText(countyFingerprint);

  // A grid entered in 玉井村.
  await page.getByRole('menuitem', { name: '网格与人员' }).click();
  await page.getByTestId('village-node-140621100200').click();
  await page.getByRole('button', { name: '新增网格' }).click();
  await page.getByLabel('网格名称').fill('玉井村上报网格');
  await page.getByLabel('户数').fill('320');
  await page.getByLabel('人口').fill('950');
  await page.locator('.ant-drawer-footer').getByRole('button', { name: /保存$/ }).click();
  await expect(page.locator('.ant-message-notice', { hasText: '140621100200001' })).toBeVisible();

  // 立即上报: the page follows the pass until the county has acknowledged everything.
  await page.getByRole('menuitem', { name: '上报' }).click();
  await expect(page.getByTestId('sync-pending')).not.toHaveText('0');
  await page.getByTestId('push-now').click();
  await expect(page.getByTestId('sync-pending')).toHaveText('0', { timeout: 30_000 });
  const outbox = page.getByTestId('outbox-table');
  await expect(outbox.getByRole('row').filter({ hasText: '县级已接收' })).toHaveCount(1);
  await expect(page.getByTestId('sync-last-success')).not.toHaveText('尚未成功上报');
  await expect(page.getByTestId('push-now')).toHaveText(/立即上报/);
  await expect(page.getByTestId('sync-error')).toHaveCount(0);
  await shot(page, '13-sync-acked');

  // The county goes down; a second grid waits, the failure shows in Chinese, and goes once it is back.
  await county.stop();
  await page.getByRole('menuitem', { name: '网格与人员' }).click();
  await page.getByTestId('village-node-140621100200').click();
  await page.getByRole('button', { name: '新增网格' }).click();
  await page.getByLabel('网格名称').fill('玉井村第二网格');
  await page.getByLabel('户数').fill('280');
  await page.getByLabel('人口').fill('800');
  await page.locator('.ant-drawer-footer').getByRole('button', { name: /保存$/ }).click();
  await expect(page.locator('.ant-message-notice', { hasText: '140621100200002' })).toBeVisible();
  await page.getByRole('menuitem', { name: '上报' }).click();
  await page.getByTestId('push-now').click();
  await expect(page.getByTestId('sync-error')).toContainText('无法连接县级服务器', { timeout: 30_000 });
  await expect(page.getByTestId('sync-error')).toContainText('连接被拒绝');
  await expect(page.getByTestId('sync-pending')).not.toHaveText('0');
  await expect(outbox.getByRole('row').filter({ hasText: '待上报' })).toContainText('连接被拒绝');
  await shot(page, '14-sync-county-down');

  const again = await startCounty(countyDir, Number(new URL(county.url).port));
  stops.push(() => again.stop());
  await page.getByTestId('push-now').click();
  await expect(page.getByTestId('sync-pending')).toHaveText('0', { timeout: 30_000 });
  await expect(outbox.getByRole('row').filter({ hasText: '县级已接收' })).toHaveCount(2);
  await expect(page.getByTestId('sync-error')).toHaveCount(0);
  await shot(page, '15-sync-recovered');

  // A 录入员 sees the same page and may press 立即上报, but not change the county. The CLI needs
  // the data folder to itself, so the host stops for it and starts again.
  await host.stop();
  const cli = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'main/cli.ts'), 'user', 'add', '--data-dir', dataDir].concat([
      '--username',
      'lu',
      '--name',
      '陆录入',
      '--role',
      '录入员',
      '--password',
      PASSWORD,
    ]),
    { cwd: root, encoding: 'utf8' },
  );
  expect(cli.status, cli.stderr).toBe(0);
  host = await startHost(dataDir);
  await host.open(page);
  await page.getByLabel('用户名', { exact: true }).fill('lu');
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByLabel('密码', { exact: true }).press('Enter');
  await expect(page.getByTestId('header-user')).toContainText('陆录入');
  await page.getByRole('menuitem', { name: '上报' }).click();
  await expect(page.getByTestId('sync-pending')).toHaveText('0');
  await expect(page.getByRole('button', { name: '设置县级接收端' })).toHaveCount(0);
  await page.getByTestId('push-now').click();
  await expect(page.locator('.ant-message-notice', { hasText: '上报完成' }).first()).toBeVisible();
  await shot(page, '16-sync-clerk');

  // The county's own database holds both grids, each once.
  const db = new Database(countyPaths(countyDir).dbFile, { readonly: true });
  try {
    const rows = db.prepare('SELECT code, name, households FROM grids WHERE _township = ? ORDER BY code').all(TOWNSHIP);
    expect(rows).toEqual([
      { code: '140621100200001', name: '玉井村上报网格', households: 320 },
      { code: '140621100200002', name: '玉井村第二网格', households: 280 },
    ]);
  } finally {
    db.close();
  }
});
