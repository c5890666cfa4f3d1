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
  logout,
  modalSave,
  openCase,
  pick,
  rpc,
} from './case-steps';

// A valid number under 山阴县 for the grid's 网格员 (the 发现人 of the 突发事件).
const FIRST17 = '14062119850312456';
const WORKER_ID = FIRST17 + idCheckChar(FIRST17);

let host: RunningHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const notice = (page: Page, text: string) => page.locator('.ant-message-notice', { hasText: text }).last();

test('突发事件 taken on at once with 首报 and 续报 (kept over a restart), 提级 by the reviewer, 上级交办 with its order', async ({
  page,
}) => {
  // Four sign-ins, a host restart and three registrations on a loaded 2-core machine.
  test.setTimeout(360_000);
  const dataDir = newDataDir();
  initTownship(dataDir);
  host = await startHost(dataDir);
  await host.open(page);
  await login(page, 'admin');
  const { gridId } = await gridWithWorker(page, WORKER_ID);
  await logout(page);

  // 录入员 registers a 突发事件 from the 事件 page's form: the box, the 首报, a 06 小类 and the 发现人.
  await login(page, 'lu');
  await page.getByRole('menuitem', { name: '事件' }).click();
  await page.getByRole('button', { name: '登记事件' }).click();
  await pick(page, 'case_source', '网格员巡查上报');
  await pick(page, 'case_category', '突发事件', '自然灾害');
  await pick(page, 'case_grid', '玉井村', '玉井村第一网格');
  // 巡查上报: the 发现人 is a team member, the grid's 网格员 offered first.
  await expect(page.locator('.ant-modal:visible')).toContainText('王建国（网格员）');
  await expect(page.getByLabel('首报内容')).toHaveCount(0);
  await page.getByRole('checkbox', { name: /^突发事件/ }).check();
  await page.getByLabel('首报内容').fill('玉井村三组后山发生山体滑坡，两户房屋受损，暂无人员伤亡，已组织转移8人。');
  await page.getByLabel('涉及人数').fill('8');
  await page.getByLabel('发生地点').fill('玉井村三组后山');
  await page.getByLabel('事件概要').fill('连续降雨致后山滑坡，冲毁院墙两处。');
  await shot(page, 'emergency-01-register-form');
  await modalSave(page).click();
  const created = notice(page, '已登记事件');
  await expect(created).toBeVisible();
  const number = /已登记事件 (\S+)/.exec((await created.textContent()) ?? '')![1]!;

  // Never screened: 已受理 at once, the 突发事件 tag, and the 首报 at the time of registration.
  const facts = drawer(page).getByTestId('case-facts');
  await expect(facts.getByTestId('case-state')).toHaveText('已受理');
  await expect(facts.getByTestId('case-emergency')).toHaveText('突发事件');
  await expect(facts.getByTestId('case-discoverer')).toHaveText('王建国（网格力量）');
  // 突发事件's 甄别交办 has no working days: it is due within the day.
  await expect(drawer(page).getByTestId('case-deadline')).toContainText('甄别交办环节 当日内，截止');
  const timeline = drawer(page).getByTestId('timeline-entry');
  const registeredAt = /^登记(\d{4}-\d{2}-\d{2} \d{2}:\d{2})/.exec((await timeline.first().textContent()) ?? '')![1]!;
  const reports = drawer(page).getByTestId('emergency-report');
  await expect(reports).toHaveText([
    `首报${registeredAt} · 陆录入玉井村三组后山发生山体滑坡，两户房屋受损，暂无人员伤亡，已组织转移8人。`,
  ]);
  const firstTimeline = [
    /^登记.*陆录入登记事件 .*（来源：网格员巡查上报）$/,
    /^突发事件.*陆录入 · 已登记 → 已受理突发事件：即时首报县综治中心，免予甄别，直接受理$/,
    /^突发事件报告.*陆录入突发事件首报：玉井村三组后山发生山体滑坡/,
  ];
  await expect(timeline).toHaveText(firstTimeline);
  await drawer(page).getByTestId('emergency-reports').scrollIntoViewIfNeeded();
  await shot(page, 'emergency-02-drawer-first-report');

  // A 续报 from the drawer: in the section after the 首报, and in the timeline.
  await drawer(page).getByRole('button', { name: '报送续报' }).click();
  await page.getByLabel('报告内容').fill('滑坡体已稳定，受损两户已安置到村委会，县应急局工作组到场。');
  await modalSave(page).click();
  await expect(notice(page, '已报送续报')).toBeVisible();
  const bothReports = [
    new RegExp(`^首报${registeredAt} · 陆录入玉井村三组后山`),
    /^续报\d{4}-\d{2}-\d{2} \d{2}:\d{2} · 陆录入滑坡体已稳定，受损两户已安置到村委会，县应急局工作组到场。$/,
  ];
  await expect(reports).toHaveText(bothReports);
  const withFollowUp = [...firstTimeline, /^突发事件报告.*陆录入突发事件续报：滑坡体已稳定/];
  await expect(timeline).toHaveText(withFollowUp);
  await drawer(page).getByTestId('case-timeline').scrollIntoViewIfNeeded();
  await shot(page, 'emergency-03-follow-up');
  await logout(page);

  // Restart the host: the case and both reports are still there, in order.
  await host.stop();
  host = await startHost(dataDir);
  await host.open(page);
  await login(page, 'lu');
  await openCase(page, number);
  await expect(facts.getByTestId('case-state')).toHaveText('已受理');
  await expect(facts.getByTestId('case-emergency')).toBeVisible();
  await expect(reports).toHaveText(bothReports);
  await expect(timeline).toHaveText(withFollowUp);
  await drawer(page).getByTestId('emergency-reports').scrollIntoViewIfNeeded();
  await shot(page, 'emergency-04-after-restart');

  // Another open case (a 群众来访, 上报 at once), to be sent up to the county.
  const other = await rpc<{ case: { number: string } }>(page, 'cases.create', {
    source: 'walkIn',
    categoryCode: '02',
    subcategoryCode: '02',
    scale: '01',
    urgency: 'normal',
    gridId,
    occurredAt: host.now().toISOString(),
    place: '玉井村集贸市场',
    reporterName: '赵桂兰',
    summary: '集贸市场多处私拉电线，存在火灾隐患，商户拒不整改。',
    then: [{ action: 'report', payload: {} }],
  });
  expect(other.ok, JSON.stringify(other)).toBe(true);
  const otherNumber = other.data!.case.number;
  await logout(page);

  // 审核人 records 提级 with its reason: the case stays where it was, tagged 已提级.
  await login(page, 'shen');
  await openCase(page, otherNumber);
  await expect(facts.getByTestId('case-escalated')).toHaveCount(0);
  await act(
    page,
    '提级',
    () =>
      page
        .getByLabel('提级理由（为何须上报县综治中心）', { exact: true })
        .fill('涉及市场监管、供电多个部门，乡镇协调不了，须县综治中心统筹。'),
    '已上报',
  );
  await expect(facts.getByTestId('case-escalated')).toHaveText('已提级');
  await expect(timeline.last()).toHaveText(/^提级.*沈审核.*提级，上报县综治中心。理由：涉及市场监管、供电多个部门/);
  await facts.scrollIntoViewIfNeeded();
  await shot(page, 'emergency-05-escalated');
  await logout(page);

  // 录入员 registers a 上级交办 order: its 文号 and 办理时限 are asked, and refused when left out.
  await login(page, 'lu');
  await page.getByRole('menuitem', { name: '事件' }).click();
  await page.getByRole('button', { name: '登记事件' }).click();
  const form = page.locator('.ant-modal:visible');
  await expect(form.getByLabel('交办文号/工单号')).toHaveCount(0);
  await pick(page, 'case_source', '上级交办');
  await expect(form.getByLabel('交办文号/工单号')).toBeVisible();
  await expect(form.getByLabel('办理时限')).toBeVisible();
  await pick(page, 'case_category', '民生服务', '社会救助');
  await pick(page, 'case_grid', '玉井村', '玉井村第一网格');
  await page.getByLabel('发生地点').fill('玉井村五组');
  await page.getByLabel('事件概要').fill('县综治中心交办：五组低保户房屋漏雨，请核实并协助维修。');
  await modalSave(page).click();
  await expect(page.locator('#case_orderRef_help')).toHaveText('上级交办的事件须填写交办文号/工单号');
  await shot(page, 'emergency-06-superior-refused');
  await form.getByLabel('交办文号/工单号').fill('山综治交〔2026〕118号');
  await modalSave(page).click();
  await expect(page.locator('#case_orderDueDate_help')).toHaveText('上级交办的事件须填写办理时限');
  await page.locator('#case_orderDueDate').click();
  await page.locator('#case_orderDueDate').fill('2026-12-10');
  await page.locator('#case_orderDueDate').press('Enter');
  await expect(page.locator('#case_orderDueDate_help')).toHaveCount(0);
  await modalSave(page).click();
  await expect(notice(page, '已登记事件')).toBeVisible();
  await expect(facts.getByTestId('case-state')).toHaveText('已登记');
  await expect(facts).toContainText('上级交办');
  await expect(facts).toContainText('山综治交〔2026〕118号（办理时限 2026年12月10日）');
  await shot(page, 'emergency-07-superior-drawer');
  await closeDrawer(page);
});
