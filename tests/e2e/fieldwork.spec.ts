import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, test, type Page } from './fixtures';
import { newDataDir, shot, startHost, type RunningHost } from './browser-host';
import { pick } from './case-steps';

const PASSWORD = 'Yujing2026!';
const root = path.resolve(import.meta.dirname, '../..');

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

const modalSave = (page: Page) => page.locator('.ant-modal-footer:visible').getByRole('button', { name: /保存$/ });
const dropdown = (page: Page) => page.locator('.ant-select-dropdown:visible');

/** Types into an antd Select (its input carries the field id) and takes the first match. */
async function choose(page: Page, id: string, text?: string) {
  await page.locator(`#${id}`).click();
  if (text) await page.locator(`#${id}`).fill(text);
  await dropdown(page).locator('.ant-select-item-option').first().click();
  await expect(dropdown(page)).toHaveCount(0);
}

let host: RunningHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test('入户走访 and 楼院采集: add, refuse a bad phone, edit, remove a phone, reload, masked, revealed by 审核人', async ({
  page,
}) => {
  // 玉井镇 by the CLI: accounts, then the demo township with a year of visits and compounds.
  const dataDir = newDataDir();
  cli(dataDir, 'init', '--township', '140621100', '--admin', 'admin', '--password', PASSWORD);
  cli(dataDir, 'user', 'add', '--username', 'shen', '--name', '沈审核', '--role', '审核人', '--password', PASSWORD);
  cli(dataDir, 'user', 'add', '--username', 'lu', '--name', '陆录入', '--role', '录入员', '--password', PASSWORD);
  cli(dataDir, 'seed-demo', '--grids', '18', '--people', '54', '--seed', 'e2e');
  host = await startHost(dataDir);
  await host.open(page);
  await login(page, 'lu');

  // The menu has 走访 between 网格与人员 and 报表.
  const menu = await page.getByRole('menu', { name: '主菜单' }).getByRole('menuitem').allInnerTexts();
  const at = (label: string) => menu.findIndex((m) => m.includes(label));
  expect(at('走访')).toBeGreaterThan(at('网格与人员'));
  expect(at('走访')).toBeLessThan(at('报表'));
  await page.getByRole('menuitem', { name: '走访' }).click();
  await expect(page.getByTestId('visit-count')).toContainText(/共 \d{3,} 次走访/);
  const visits = page.getByTestId('visit-table');
  await expect(visits.getByRole('row').nth(2)).toContainText(/\*\*\*\*|—/);
  await shot(page, 'fieldwork-visits');

  // 登记走访: the grid's team is offered first; a bad phone is refused under its field.
  await page.getByRole('button', { name: '登记走访' }).click();
  await choose(page, 'visit_villageId', '玉井村');
  await choose(page, 'visit_gridId');
  await page.locator('#visit_visitorId').click();
  await expect(dropdown(page)).toContainText('本网格“一长三员”');
  await expect(dropdown(page).locator('.ant-select-item-option').first()).toContainText('（网格员）');
  await dropdown(page).locator('.ant-select-item-option').first().click();
  await page.getByLabel('走访对象（户主或被访人）').fill('郝户主');
  await page.getByLabel('联系电话').fill('1390349123');
  await page.getByLabel('住址').fill('玉井村三组18号');
  await page.getByLabel('家庭人口').fill('4');
  await page.getByLabel('走访内容').fill('了解家庭近况，宣传防诈骗知识');
  await page.getByLabel('反映问题').fill('院墙排水不畅，雨天积水');
  await modalSave(page).click();
  await expect(page.locator('#visit_phone_help')).toHaveText('联系电话手机号应为 11 位，实为 10 位');
  await shot(page, 'fieldwork-visit-form');
  await page.getByLabel('联系电话').fill('13903491234');
  await expect(page.locator('#visit_phone_help')).toHaveCount(0);
  await modalSave(page).click();
  await expect(page.locator('.ant-modal:visible')).toHaveCount(0);

  // Found by search, the phone masked; 录入员 has no reveal.
  await page.getByLabel('搜索').fill('郝户主');
  await page.getByLabel('搜索').press('Enter');
  await expect(page.getByTestId('visit-count')).toHaveText(/^共 1 次走访/);
  const row = visits.getByRole('row', { name: /郝户主/ });
  await expect(row).toContainText('139****1234');
  await expect(row).not.toContainText('13903491234');
  await row.click();
  await expect(page.getByRole('button', { name: '查看完整信息' })).toHaveCount(0);

  // Edit: the phone field stays empty (masked placeholder) and the stored phone is kept.
  await page.getByRole('button', { name: '修改', exact: true }).click();
  await expect(page.getByLabel('联系电话')).toHaveAttribute('placeholder', '已登记 139****1234，留空不修改');
  await page.getByLabel('走访内容').fill('了解家庭近况，已联系村委会疏通排水沟');
  await modalSave(page).click();
  await expect(page.locator('.ant-modal:visible')).toHaveCount(0);
  await expect(row).toContainText('已联系村委会疏通排水沟');
  await expect(row).toContainText('139****1234');

  // 转为事件: the registration starts from the visit (source, grid, place, summary); the case links back.
  await page.getByRole('button', { name: '转为事件' }).click();
  const caseForm = page.locator('.ant-modal:visible');
  await expect(caseForm).toContainText('入户走访');
  await expect(caseForm).toContainText('玉井村第一网格');
  await expect(page.locator('#case_place')).toHaveValue('玉井村三组18号');
  await expect(page.locator('#case_summary')).toHaveValue('院墙排水不畅，雨天积水');
  await pick(page, 'case_category', '矛盾纠纷', '邻里纠纷');
  await shot(page, 'fieldwork-to-case');
  await modalSave(page).click();
  await expect(row).toContainText(/140621100-\d{4}-\d{6}/);
  await expect(page.getByRole('button', { name: '转为事件' })).toBeDisabled();

  // The filter lives in the address: a reload shows the same list.
  expect(decodeURIComponent(page.url())).toContain('#/fieldwork?q=郝户主');
  await page.reload();
  await expect(page.getByTestId('visit-count')).toHaveText(/^共 1 次走访/);
  await expect(visits.getByRole('row', { name: /郝户主/ })).toContainText('已联系村委会疏通排水沟');
  await expect(page.getByLabel('搜索')).toHaveValue('郝户主');

  // 楼院采集: add a compound with a landline for its safety contact.
  await page.getByText('楼院采集', { exact: true }).click();
  await expect(page.getByTestId('building-count')).toContainText(/共 \d+ 个小区\/楼院/);
  await page.getByRole('button', { name: '新增楼院' }).click();
  await choose(page, 'building_villageId', '玉井村');
  await choose(page, 'building_gridId');
  await page.getByLabel('小区/楼院名称').fill('郝家大院');
  await page.getByLabel('地址', { exact: true }).fill('玉井村幸福路 8 号');
  await page.locator('#building_kind').click();
  await dropdown(page).getByText('老旧楼院', { exact: true }).click();
  await page.getByLabel('楼栋数', { exact: true }).fill('3');
  await page.getByLabel('户数', { exact: true }).fill('42');
  await page.getByLabel('人数', { exact: true }).fill('118');
  await page.getByLabel('商户数', { exact: true }).fill('2');
  await page.getByLabel('安全联络人', { exact: true }).fill('赵安全');
  await page.getByLabel('联络人电话').fill('0349-6221234');
  await page.getByLabel('经度', { exact: true }).fill('112.816432');
  await page.getByLabel('纬度', { exact: true }).fill('39.526877');
  await choose(page, 'building_collectorId');
  await shot(page, 'fieldwork-building-form');
  await modalSave(page).click();
  await expect(page.locator('.ant-modal:visible')).toHaveCount(0);
  await page.getByLabel('搜索').fill('郝家');
  await page.getByLabel('搜索').press('Enter');
  const compound = page.getByTestId('building-table').getByRole('row', { name: /郝家大院/ });
  await expect(compound).toContainText('老旧楼院');
  await expect(compound).toContainText('赵安全 0349-*****34');
  await expect(compound).toContainText('112.816432, 39.526877');
  expect(decodeURIComponent(page.url())).toContain('#/fieldwork?tab=buildings&q=郝家');
  await shot(page, 'fieldwork-buildings');

  // Edit: 删除已登记的号码 removes the stored phone; the contact's name stays.
  await compound.click();
  await page.getByRole('button', { name: '修改', exact: true }).click();
  await expect(page.getByLabel('联络人电话')).toHaveAttribute('placeholder', '已登记 0349-*****34，留空不修改');
  await page.getByLabel('删除已登记的号码').check();
  await expect(page.getByLabel('联络人电话')).toBeDisabled();
  await shot(page, 'fieldwork-building-remove-phone');
  await modalSave(page).click();
  await expect(page.locator('.ant-modal:visible')).toHaveCount(0);
  await expect(compound).toContainText('赵安全');
  await expect(compound).not.toContainText('0349');

  // Delete asks first; the compound leaves the list.
  await compound.click();
  await page.getByRole('button', { name: '删除' }).click();
  await expect(page.locator('.ant-modal-confirm')).toContainText('确定删除「郝家大院」的采集记录吗');
  await page
    .locator('.ant-modal-confirm')
    .getByRole('button', { name: /删\s?除/ })
    .click();
  await expect(page.getByTestId('building-count')).toHaveText(/^共 0 个小区\/楼院/);

  // 审核人: may look, not write; the reveal is one audited call.
  await page.getByRole('button', { name: '退出登录' }).click();
  await login(page, 'shen');
  await page.getByRole('menuitem', { name: '走访' }).click();
  await expect(page.getByRole('button', { name: '登记走访' })).toHaveCount(0);
  await page.getByLabel('搜索').fill('郝户主');
  await page.getByLabel('搜索').press('Enter');
  await page
    .getByTestId('visit-table')
    .getByRole('row', { name: /郝户主/ })
    .click();
  await page.getByRole('button', { name: '查看完整信息' }).click();
  await expect(page.getByTestId('visit-reveal')).toContainText('13903491234');
  await expect(page.locator('.ant-zoom-appear, .ant-zoom-enter')).toHaveCount(0); // opened, not fading in
  await shot(page, 'fieldwork-reveal');
  await page.locator('.ant-modal-footer:visible').getByRole('button', { name: '关闭' }).click();

  await page.getByRole('menuitem', { name: '操作日志' }).click();
  await expect(page.getByText('查看走访对象联系电话').first()).toBeVisible();
});
