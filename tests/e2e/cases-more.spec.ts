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
  none,
  openCase,
  pick,
  rpc,
} from './case-steps';
import { maskIdNumber } from '../../shared/people/mask';

const valid = (first17: string) => first17 + idCheckChar(first17);
const WORKER_ID = valid('14062119850312456');
// Two neighbours under 山阴县: 李秀英 (female) and 赵国强 (male).
const APPLICANT_ID = valid('14062119680722352');
const RESPONDENT_ID = valid('14062119720105871');
const masked = (id: string) => maskIdNumber(id);

let host: RunningHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

type Made = { ok: boolean; data?: { case: { id: string; number: string } } };
const numberOf = (r: Made) => {
  expect(r.ok, JSON.stringify(r)).toBe(true);
  return r.data!.case.number;
};

/** The newest timeline entry and the state tag after a step. */
async function expectStep(page: Page, entry: RegExp, state: string) {
  await expect(drawer(page).getByTestId('timeline-entry').last()).toHaveText(entry);
  await expect(drawer(page).getByTestId('case-facts').getByTestId('case-state')).toHaveText(state);
}

test('当事人 masked and revealed by 审核人; 督办, 合并, 不予受理, 备案 and 回访 each by the right role', async ({
  page,
}) => {
  test.setTimeout(420_000);
  const dataDir = newDataDir();
  initTownship(dataDir);
  host = await startHost(dataDir);
  await host.open(page);
  await login(page, 'admin');
  const { gridId } = await gridWithWorker(page, WORKER_ID);
  await logout(page);

  // 录入员 registers a 邻里纠纷 with two parties from the 登记事件 form.
  await login(page, 'lu');
  await page.getByRole('menuitem', { name: '事件' }).click();
  await page.getByRole('button', { name: '登记事件' }).click();
  await pick(page, 'case_source', '群众来访');
  await pick(page, 'case_category', '矛盾纠纷', '邻里纠纷');
  await pick(page, 'case_grid', '玉井村', '玉井村第一网格');
  await page.getByLabel('发生地点').fill('玉井村二组');
  await page.getByLabel('事件概要').fill('两户因排水沟改道发生争执，申请调解。');
  await page.getByRole('button', { name: '添加当事人' }).click();
  const first = page.locator('.ant-card', { hasText: '当事人 1' });
  await first.getByLabel('姓名').fill('李秀英');
  await first.getByLabel('身份证号').fill(APPLICANT_ID);
  await first.getByLabel('联系电话').fill('13912345678');
  await first.getByLabel('住址').fill('山西省朔州市山阴县玉井镇玉井村二组7号');
  await page.getByRole('button', { name: '添加当事人' }).click();
  const second = page.locator('.ant-card', { hasText: '当事人 2' });
  await expect(second.locator('.ant-select').first()).toContainText('被申请人');
  // Two named parties: 涉及人数 follows from 1 to 2 (the server refuses fewer).
  await expect(page.getByLabel('涉及人数')).toHaveValue('2');
  await second.getByLabel('姓名').fill('赵国强');
  await second.getByLabel('身份证号').fill(RESPONDENT_ID.slice(0, 17) + '0'); // a typo in the check digit
  await modalSave(page).click();
  await expect(page.locator('#case_parties_1_idNumber_help')).toContainText('当事人身份证号校验位错误');
  await second.getByLabel('身份证号').fill(RESPONDENT_ID);
  // The server's message goes once the number is corrected.
  await expect(page.locator('#case_parties_1_idNumber_help')).toHaveCount(0);
  await second.getByLabel('联系电话').fill('0349-6221234');
  await shot(page, 'cases-more-01-register-parties');
  await modalSave(page).click();
  const created = page.locator('.ant-message-notice', { hasText: '已登记事件' });
  await expect(created).toBeVisible();
  const dispute = /已登记事件 (\S+)/.exec((await created.textContent()) ?? '')![1]!;

  // In the drawer the numbers are masked, and a 录入员 has no way to see them in full.
  const parties = drawer(page).getByTestId('party-table');
  await expect(parties.getByRole('row', { name: /李秀英/ })).toContainText(masked(APPLICANT_ID));
  await expect(parties.getByRole('row', { name: /李秀英/ })).toContainText('139****5678');
  await expect(parties.getByRole('row', { name: /李秀英/ })).toContainText('山西省朔州市山阴县****');
  await expect(parties.getByRole('row', { name: /赵国强/ })).toContainText(masked(RESPONDENT_ID));
  await expect(parties.getByRole('row', { name: /赵国强/ })).toContainText('0349-*****34');
  await expect(drawer(page)).not.toContainText(APPLICANT_ID);
  await expect(drawer(page).getByRole('button', { name: '查看完整信息' })).toHaveCount(0);
  await expect(drawer(page).getByTestId('timeline-entry').first()).toContainText('当事人 李秀英、赵国强');
  const ids = await rpc<{ parties: { id: string }[] }>(page, 'cases.get', {
    id: (await rpc<{ rows: { id: string }[] }>(page, 'cases.list', {})).data!.rows[0]!.id,
  });
  const refused = await rpc(page, 'cases.revealParty', { id: ids.data!.parties[0]!.id });
  expect(refused.error).toEqual({ code: 'FORBIDDEN', message: '无权限：当前角色不能查看当事人完整信息' });
  // A note on the respondent, from the drawer: the numbers stay as they were.
  await parties.getByRole('button', { name: '修改当事人 赵国强' }).click();
  await page.getByLabel('备注', { exact: true }).fill('常年在外务工，晚间可联系');
  await modalSave(page).click();
  await expect(page.locator('.ant-message-notice', { hasText: '已修改当事人 赵国强' })).toBeVisible();
  await expect(parties.getByRole('row', { name: /赵国强/ })).toContainText('常年在外务工');
  await expect(parties.getByRole('row', { name: /赵国强/ })).toContainText(masked(RESPONDENT_ID));
  await expectStep(page, /^当事人.*陆录入.*修改当事人：被申请人 赵国强$/, '已登记');
  await act(page, '上报', none, '已上报');
  await shot(page, 'cases-more-02-parties-masked');
  await closeDrawer(page);

  // The clerk's other registrations, made directly: a duplicate, one out of scope, one for the record.
  const base = {
    source: 'hotline',
    categoryCode: '01',
    subcategoryCode: '02',
    gridId,
    place: '玉井村二组',
    occurredAt: new Date(host!.now().getTime() - 3_600_000).toISOString(),
    summary: '排水沟改道纠纷，群众来电反映',
  };
  const duplicate = numberOf(await rpc(page, 'cases.create', { ...base, then: [{ action: 'report' }] }));
  const outOfScope = numberOf(
    await rpc(page, 'cases.create', { ...base, summary: '咨询外省房产继承', then: [{ action: 'report' }] }),
  );
  const forRecord = numberOf(await rpc(page, 'cases.create', { ...base, summary: '来电告知纠纷已自行和解' }));
  await logout(page);

  // 审核人: the parties in full (audited), then 督办, 合并, 不予受理 and 备案.
  await login(page, 'shen');
  await openCase(page, dispute);
  await parties
    .getByRole('row', { name: /李秀英/ })
    .getByRole('button', { name: '查看完整信息' })
    .click();
  const revealed = page.getByTestId('revealed-party');
  await expect(revealed).toContainText(APPLICANT_ID);
  await expect(revealed).toContainText('13912345678');
  await expect(revealed).toContainText('山西省朔州市山阴县玉井镇玉井村二组7号');
  await shot(page, 'cases-more-03-party-revealed');
  await page.locator('.ant-modal-footer:visible').getByRole('button', { name: '关闭' }).click();
  await act(
    page,
    '督办',
    async () => {
      await pick(page, 'action_supervise_level', '黄牌督办');
      await page.getByLabel('备注（选填）', { exact: true }).fill('群众多次来访，请加快甄别');
    },
    '已上报',
  );
  await expectStep(page, /^督办.*沈审核.*黄牌督办；备注：群众多次来访，请加快甄别$/, '已上报');
  await expect(drawer(page).getByTestId('case-facts')).toContainText('黄牌督办');
  await shot(page, 'cases-more-04-supervised');
  await closeDrawer(page);

  await openCase(page, duplicate);
  await act(page, '合并（重复事件）', () => page.getByLabel('重复的事件编号', { exact: true }).fill(dispute), '已合并');
  await expectStep(
    page,
    new RegExp(`^合并（重复事件）.*沈审核.*已上报 → 已合并.*与事件 ${dispute} 重复，予以合并$`),
    '已合并',
  );
  await expect(drawer(page).getByTestId('case-actions')).toHaveCount(0);
  await closeDrawer(page);

  await openCase(page, outOfScope);
  await act(
    page,
    '不予受理',
    () =>
      page.getByLabel('不予受理的理由', { exact: true }).fill('外省房产继承，不属本镇受理范围，已告知向属地法院咨询'),
    '不予受理',
  );
  await expectStep(page, /^不予受理.*沈审核.*已上报 → 不予受理.*理由：外省房产继承/, '不予受理');
  await closeDrawer(page);

  await openCase(page, forRecord);
  await act(
    page,
    '备案',
    () => page.getByLabel('备案理由', { exact: true }).fill('双方已自行和解，仅作记录'),
    '已备案',
  );
  await expectStep(page, /^备案.*沈审核.*已登记 → 已备案.*备案，不再流转。理由：双方已自行和解，仅作记录$/, '已备案');
  await closeDrawer(page);

  // A closed case for the 回访: taken to 已反馈 in one call, its mediation recorded, then 办结.
  const fedBack = await rpc(page, 'cases.create', {
    ...base,
    summary: '邻里停车纠纷',
    then: [
      { action: 'report' },
      { action: 'accept' },
      { action: 'assign', payload: { assignee: { kind: 'office', name: '玉井镇司法所' } } },
      { action: 'resolve', payload: { result: '双方协商划定停车位' } },
      { action: 'feedback', payload: { note: '已电话告知来电人' } },
    ],
  });
  expect(fedBack.ok, JSON.stringify(fedBack)).toBe(true);
  const fedBackId = (fedBack as Made).data!.case.id;
  const mediated = await rpc(page, 'cases.setMediation', {
    id: fedBackId,
    method: 'people',
    organisation: '玉井镇人民调解委员会',
    responsible: '周调解',
    level: 'township',
    result: 'success',
    outcome: '双方达成口头协议',
  });
  expect(mediated.ok, JSON.stringify(mediated)).toBe(true);
  const closed = numberOf(await rpc(page, 'cases.act', { id: fedBackId, action: 'close', payload: {} }));
  await logout(page);

  // 录入员 makes the follow-up call.
  await login(page, 'lu');
  await openCase(page, closed);
  await act(
    page,
    '回访',
    async () => {
      // A dispute's 回访 asks whether the agreement was carried out.
      await pick(page, 'action_followUp_performance', '已履行');
      await page.getByLabel('备注（选填）', { exact: true }).fill('双方按协议使用停车位');
    },
    '已办结',
  );
  await expectStep(page, /^回访.*陆录入.*回访：履行情况 已履行；备注：双方按协议使用停车位$/, '已办结');
  await drawer(page).getByTestId('timeline-entry').last().scrollIntoViewIfNeeded();
  await shot(page, 'cases-more-05-follow-up');
  await closeDrawer(page);

  // The list shows where each one ended.
  const row = (n: string) => page.getByTestId('case-table').getByRole('row', { name: new RegExp(n) });
  await expect(row(dispute)).toContainText('已上报');
  await expect(row(duplicate)).toContainText('已合并');
  await expect(row(outOfScope)).toContainText('不予受理');
  await expect(row(forRecord)).toContainText('已备案');
  await expect(row(closed)).toContainText('已办结');
  await logout(page);

  // The reveal is in the audit log under the reviewer's name.
  await login(page, 'admin');
  const audit = await rpc<{ method: string; username: string }[]>(page, 'audit.list', {});
  expect(audit.data!.filter((r) => r.method === 'cases.revealParty').map((r) => r.username)).toEqual(['shen']);
});
