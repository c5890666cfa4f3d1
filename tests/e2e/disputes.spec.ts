/**
 * A dispute from registration to 办结 in the browser: flagged 重大 when registered, walked to 已反馈,
 * 办结 refused in the dialog while no 调解结果 is recorded, then 调解成功 recorded (调解方式 from the
 * list) and 办结 — after which the 工作台's 化解 number and the 矛盾纠纷排查化解情况表's 化解数 合计 are
 * each one more than before.
 */
import { shanghaiDateIso } from '../../shared/dates';
import { expect, test, type Page } from './fixtures';
import { idCheckChar } from '../../shared/people/id-number';
import { newDataDir, shot, startHost, type RunningHost } from './browser-host';
import {
  act,
  closeDrawer,
  drawer,
  gridWithWorker,
  initTownship,
  login,
  modal,
  modalSave,
  none,
  pick,
} from './case-steps';

const FIRST17 = '14062119860415234';
const WORKER_ID = FIRST17 + idCheckChar(FIRST17);

let host: RunningHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

/** The 工作台's 化解 figure (this year's disputes mediated successfully), read by its label. */
async function resolvedOnDesk(page: Page): Promise<number> {
  await page.getByRole('menuitem', { name: '工作台' }).click();
  const tile = page.getByRole('link', { name: /^化解矛盾纠纷 [\d,]+$/ });
  await expect(tile).toBeVisible();
  const name = (await tile.getAttribute('aria-label'))!;
  return Number(name.replace(/^化解矛盾纠纷 /, '').replace(/,/g, ''));
}

/** 化解数 of 小计 本期 in the 合计 row of this month's 矛盾纠纷排查化解情况表 preview. */
async function resolvedOnForm(page: Page, month: string): Promise<number> {
  await page.evaluate(`location.hash = '#/reports?form=disputes&period=${month}'`);
  const preview = page.frameLocator('[data-testid="report-preview"]');
  await expect(preview.locator('h1')).toContainText(`${Number(month.slice(5))}月`);
  await expect(preview.locator('h1')).toContainText('矛盾纠纷排查化解情况表');
  // 合计 spans 序号–项目; then 乡镇 (4 cells), 村 (4), 小计 排查数, 调处数, 化解数.
  const cell = preview.locator('tr.total td').nth(11);
  return Number(await cell.textContent());
}

test('a dispute: 办结 refused without a 调解结果, then 调解成功 and 办结 count as 化解', async ({ page }) => {
  test.setTimeout(300_000);
  const dataDir = newDataDir();
  initTownship(dataDir);
  host = await startHost(dataDir);
  await host.open(page);
  await login(page, 'admin');
  await gridWithWorker(page, WORKER_ID);
  const month = shanghaiDateIso(host.now()).slice(0, 7);
  const deskBefore = await resolvedOnDesk(page);
  const formBefore = await resolvedOnForm(page, month);

  // 登记: a 邻里纠纷, judged 重大 because it may turn violent.
  await page.getByRole('menuitem', { name: '事件' }).click();
  await page.getByRole('button', { name: '登记事件' }).click();
  await pick(page, 'case_source', '网格员巡查上报');
  await pick(page, 'case_category', '矛盾纠纷', '邻里纠纷');
  await pick(page, 'case_grid', '玉井村', '玉井村第一网格');
  await page.getByLabel('涉及人数').fill('3');
  await page.getByLabel('发生地点').fill('玉井村四组');
  await page.getByLabel('事件概要').fill('两户因排水沟改道争执，一方扬言动手。');
  await page.getByLabel('认定为重大').check();
  // Flagged without grounds: the core names the field.
  await modalSave(page).click();
  await expect(page.locator('#case_majorGrounds_help')).toContainText('请选择重大矛盾纠纷的认定依据');
  await page.getByLabel('有激化风险').check();
  await shot(page, 'disputes-01-register-major');
  await modalSave(page).click();
  await expect(page.locator('.ant-message-notice', { hasText: '已登记事件' })).toBeVisible();
  await expect(drawer(page).getByTestId('case-major-dispute')).toHaveText('重大矛盾纠纷');
  await expect(drawer(page).getByTestId('case-major-grounds')).toHaveText('是（有激化风险）');

  // Walked to 已反馈.
  await act(page, '上报', none, '已上报');
  await act(page, '受理', none, '已受理');
  await act(page, '交办', () => pick(page, 'action_assign_assignee_id', '王建国'), '已交办');
  await act(page, '处置结果', () => page.getByLabel('处置结果', { exact: true }).fill('已上门调解'), '已处置');
  await act(
    page,
    '反馈',
    () => page.getByLabel('反馈内容（向报告人反馈的情况）', { exact: true }).fill('已告知双方'),
    '已反馈',
  );

  // 办结 without a 调解结果: the dialog stays open and says why, the case stays 已反馈.
  await drawer(page).getByTestId('case-actions').getByRole('button', { name: '办结', exact: true }).click();
  await expect(modal(page)).toBeVisible();
  await modalSave(page).click();
  const refusal = page.getByTestId('action-refusal');
  await expect(refusal).toContainText('不能办结');
  await expect(refusal).toContainText('矛盾纠纷须先登记调解结果（调解成功、调解不成或终止调解），才能办结');
  await shot(page, 'disputes-02-close-refused');
  await modal(page)
    .getByRole('button', { name: /取\s*消/ })
    .click();
  await expect(modal(page)).toHaveCount(0);
  await expect(drawer(page).getByTestId('case-facts').getByTestId('case-state')).toHaveText('已反馈');

  // 调解成功 at 村（社区）, 调解方式 from the list; then 办结 goes through.
  await pick(page, 'mediation_method', '人民调解');
  await drawer(page).getByLabel('调解组织').fill('玉井村人民调解委员会');
  await drawer(page).getByLabel('调解责任人').fill('张振华');
  await pick(page, 'mediation_level', '村（社区）');
  await pick(page, 'mediation_result', '调解成功');
  await drawer(page).getByRole('button', { name: '保存调解情况' }).click();
  await expect(page.locator('.ant-message-notice', { hasText: '已保存调解情况' })).toBeVisible();
  await shot(page, 'disputes-03-mediation');
  await act(page, '办结', none, '已办结');
  await closeDrawer(page);

  expect(await resolvedOnDesk(page)).toBe(deskBefore + 1);
  expect(await resolvedOnForm(page, month)).toBe(formBefore + 1);
  await shot(page, 'disputes-04-form');
});
