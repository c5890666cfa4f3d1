import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Page } from './fixtures';
import { newDataDir, shot, startHost, type RunningHost } from './browser-host';

const PASSWORD = 'Yujing2026!';

async function pickDivision(page: Page, label: string, typed: string, option: string) {
  await page.getByLabel(label, { exact: true }).fill(typed);
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
}

async function login(page: Page, username: string) {
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByLabel('密码', { exact: true }).press('Enter');
  await expect(page.getByTestId('header-user')).toBeVisible();
}

async function fillGrid(page: Page, fields: { name: string; households: string; residents: string }) {
  await page.getByLabel('网格名称').fill(fields.name);
  await page.getByLabel('户数').fill(fields.households);
  await page.getByLabel('人口').fill(fields.residents);
}

/** The drawer's 保存 (antd keeps a hidden loading icon in its accessible name after a save). */
const saveButton = (page: Page) => page.locator('.ant-drawer-footer').getByRole('button', { name: /保存$/ });

let host: RunningHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test('first run → township → login → a village grid and a dedicated grid → they survive a restart', async ({
  page,
}) => {
  const dataDir = newDataDir();
  host = await startHost(dataDir);
  await host.open(page);

  // 首次使用: pick 山西省 → 朔州市 → 山阴县 → 玉井镇 from the real division codes.
  await pickDivision(page, '省份', '山西', '山西省');
  await pickDivision(page, '地市', '朔州', '朔州市');
  await pickDivision(page, '区县', '山阴', '山阴县');
  await pickDivision(page, '乡镇（街道）', '玉井', '玉井镇');
  await page.getByLabel('管理员用户名').fill('admin');
  await page.getByLabel('管理员姓名').fill('张主任');
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByLabel('确认密码').fill(PASSWORD);
  await shot(page, '01-setup');
  await page.getByRole('button', { name: '完成初始化' }).click();
  await expect(page.getByTestId('setup-result')).toHaveText('已导入 18 个村（社区）');
  await shot(page, '02-setup-done');
  await page.getByRole('button', { name: '前往登录' }).click();

  // A wrong password is refused with the server's Chinese message.
  await page.getByLabel('用户名', { exact: true }).fill('admin');
  await page.getByLabel('密码', { exact: true }).fill('wrong-password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('login-error')).toContainText('用户名或密码错误');
  await shot(page, '03-login-error');
  await login(page, 'admin');
  await expect(page.getByTestId('header-township')).toContainText('玉井镇');
  await page.getByRole('menuitem', { name: '网格与人员' }).click(); // login lands on 工作台

  // A village grid in 玉井村, with a bad value first: the message sits under the field.
  await page.getByTestId('village-node-140621100200').click();
  await page.getByRole('button', { name: '新增网格' }).click();
  await fillGrid(page, { name: '', households: '620', residents: '1800' });
  await expect(page.getByTestId('grid-size-warning')).toContainText('500');
  await saveButton(page).click();
  await expect(page.locator('#grid_name_help')).toContainText('请填写网格名称');
  await shot(page, '04-grid-form-errors');
  await page.getByLabel('网格名称').fill('玉井村第一网格');
  await expect(page.locator('#grid_name_help')).toHaveCount(0);
  await page.getByLabel('网格党支部名称').fill('玉井村第一网格党支部');
  await saveButton(page).click();
  await expect(page.locator('.ant-message-notice', { hasText: '140621100200001' })).toBeVisible();
  const table = page.getByTestId('grid-table');
  await expect(table.getByRole('row', { name: /玉井村第一网格/ })).toContainText('140621100200001');

  // A dedicated grid (学校) in the same village takes the next sequence.
  await page.getByRole('button', { name: '新增网格' }).click();
  await page.getByText('专属网格', { exact: true }).click();
  await page.getByLabel('类别').fill('学校');
  await page.getByLabel('类别').press('Enter');
  await fillGrid(page, { name: '玉井中学专属网格', households: '0', residents: '900' });
  await saveButton(page).click();
  await expect(table.getByRole('row', { name: /玉井中学专属网格/ })).toContainText('140621100200002');
  await expect(page.getByTestId('grid-count')).toContainText('2');
  await shot(page, '05-org-grids');

  // The other pages a clerk's administrator uses.
  await page.getByRole('menuitem', { name: '用户管理' }).click();
  await expect(page.getByTestId('user-table')).toContainText('admin');
  await shot(page, '06-users');
  await page.getByRole('menuitem', { name: '操作日志' }).click();
  await expect(page.getByTestId('audit-table')).toContainText('新增网格');
  await expect(page.getByTestId('audit-table')).toContainText('网格 140621100200001 玉井村第一网格');
  await expect(page.getByTestId('audit-chain-whole')).toContainText('未发现改动');
  await expect(page.getByTestId('audit-chain-broken')).toHaveCount(0);
  await shot(page, '07-audit');

  // Restart the host on the same data folder: log in again, the grids are still there.
  await host.stop();
  // Meanwhile someone edits the log with sqlite3: the 操作日志 page will say so.
  const db = new Database(path.join(dataDir, 'zongzhi.sqlite'));
  const edited = db
    .prepare(`SELECT id FROM audit_log WHERE method = 'org.createGrid' ORDER BY seq LIMIT 1`)
    .pluck()
    .get() as string;
  db.prepare(`UPDATE audit_log SET detail = json_set(detail, '$.households', 62) WHERE id = ?`).run(edited);
  db.close();
  host = await startHost(dataDir);
  await host.open(page);
  await login(page, 'admin');
  await page.getByRole('menuitem', { name: '网格与人员' }).click();
  await page.getByTestId('village-node-140621100200').click();
  await expect(table.getByRole('row', { name: /玉井村第一网格/ })).toContainText('140621100200001');
  await expect(table.getByRole('row', { name: /玉井中学专属网格/ })).toContainText('专属网格');
  await shot(page, '08-after-restart');
  await page.getByRole('menuitem', { name: '操作日志' }).click();
  const broken = page.getByTestId('audit-chain-broken');
  await expect(broken).toContainText('操作日志校验未通过');
  await expect(broken).toContainText(`新增网格，编号 ${edited}）：内容被改动`);
  await expect(page.getByTestId('audit-chain-whole')).toHaveCount(0);
  await shot(page, '09-audit-broken');
});
