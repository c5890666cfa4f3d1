import { expect, test } from './fixtures';
import { idCheckChar } from '../../shared/people/id-number';
import { newDataDir, shot, startHost, type RunningHost } from './browser-host';
import { drawer, gridWithWorker, initTownship, login, logout, modalSave, pick } from './case-steps';

// A valid number under 山阴县 for the grid's 网格员.
const FIRST17 = '14062119850312456';
const WORKER_ID = FIRST17 + idCheckChar(FIRST17);

let host: RunningHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test('就地化解 in one step shows as 已办结 with its tag and 发现人; a 工作日志 is listed and still there after a reload', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const dataDir = newDataDir();
  initTownship(dataDir);
  host = await startHost(dataDir);
  await host.open(page);
  await login(page, 'admin');
  await gridWithWorker(page, WORKER_ID);
  await logout(page);

  // 录入员 records what the 网格员 found and settled on the spot: one form, one 保存.
  await login(page, 'lu');
  await expect(page.getByRole('menuitem', { name: '热线受理' })).toBeVisible();
  await page.getByRole('menuitem', { name: '事件' }).click();
  await page.getByRole('button', { name: '就地化解' }).click();
  await pick(page, 'onspot_category', '民生服务', '环境卫生');
  await pick(page, 'onspot_grid', '玉井村', '玉井村第一网格');
  // The grid's 网格员 is offered, and taken, as the 发现人.
  await expect(page.locator('.ant-modal:visible')).toContainText('王建国（网格员）');
  await page.getByLabel('发生地点').fill('玉井村文化广场');
  await page.getByLabel('事件概要').fill('广场垃圾桶满溢，垃圾散落');
  await page.getByLabel('处置结果').fill('联系保洁员当场清运完毕');
  await shot(page, 'onspot-01-form');
  await modalSave(page).click();
  const created = page.locator('.ant-message-notice', { hasText: '已登记就地化解' });
  await expect(created).toBeVisible();
  const number = /已登记就地化解 (\S+)/.exec((await created.textContent()) ?? '')![1]!;

  // The drawer opens on it: closed already, no clock, the 发现人 and what was done.
  const facts = drawer(page).getByTestId('case-facts');
  await expect(facts.getByTestId('case-state')).toHaveText('已办结');
  await expect(facts.getByTestId('case-onspot')).toHaveText('就地化解');
  await expect(facts.getByTestId('case-discoverer')).toHaveText('王建国（网格力量）');
  await expect(facts).toContainText('联系保洁员当场清运完毕');
  await expect(drawer(page).getByTestId('case-deadline')).toContainText('当前环节不计时');
  await page.locator('.ant-drawer-footer:visible').getByRole('button', { name: '关闭' }).click();

  // In the list: 已办结, the 就地化解 tag and the 发现人.
  const row = page.getByTestId('case-table').getByRole('row', { name: new RegExp(number) });
  await expect(row).toContainText('已办结');
  await expect(row).toContainText('就地化解');
  await expect(row).toContainText('王建国');
  await shot(page, 'onspot-02-list');

  // 工作日志: a 矛盾纠纷集中排查 session, then reloaded.
  await page.getByRole('menuitem', { name: '工作日志' }).click();
  await expect(page.getByTestId('worklog-count')).toContainText('共 0 条');
  await page.getByRole('button', { name: '登记工作日志' }).click();
  await modalSave(page).click();
  await expect(page.locator('#worklog_kind_help')).toContainText('请选择工作类型');
  await expect(page.locator('#worklog_content_help')).toContainText('请填写工作内容');
  await pick(page, 'worklog_villageId', '玉井村');
  await pick(page, 'worklog_gridId', '玉井村第一网格');
  await pick(page, 'worklog_kind', '矛盾纠纷集中排查');
  await pick(page, 'worklog_workerId', '王建国（网格员）');
  await page.getByLabel('工作内容').fill('对三组土地承包边界开展集中排查，未发现新的纠纷');
  await page.getByLabel('覆盖人数').fill('24');
  await shot(page, 'worklogs-01-form');
  await modalSave(page).click();
  await expect(page.locator('.ant-message-notice', { hasText: '已登记矛盾纠纷集中排查工作日志' })).toBeVisible();
  const logs = page.getByTestId('worklog-table');
  await expect(logs.getByRole('row', { name: /对三组土地承包边界/ })).toContainText('王建国');

  await page.reload();
  await page.getByRole('menuitem', { name: '工作日志' }).click();
  await expect(page.getByTestId('worklog-count')).toContainText('共 1 条');
  const again = page.getByTestId('worklog-table').getByRole('row', { name: /对三组土地承包边界/ });
  await expect(again).toContainText('矛盾纠纷集中排查');
  await expect(again).toContainText('24');
  await shot(page, 'worklogs-02-list');
});
