import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { dataPaths } from '../../main/core/paths';
import { ATTACHMENT_CHUNK_BYTES, ATTACHMENT_MAX_BYTES } from '../../shared/cases/attachment-limits';
import { idCheckChar } from '../../shared/people/id-number';
import { sha256 } from '../helpers/attachments';
import { noisePng } from '../helpers/png';
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

// A valid number under 山阴县 for the grid worker the case is assigned to.
const FIRST17 = '14062119850312456';
const WORKER_ID = FIRST17 + idCheckChar(FIRST17);

let host: RunningHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test('one case through the whole loop, with a 回退 and a 延期, by the right roles; it survives a restart', async ({
  page,
}) => {
  // Five role changes and thirteen steps: longer than the default on a loaded 2-core machine.
  test.setTimeout(420_000);
  const dataDir = newDataDir();
  initTownship(dataDir);
  host = await startHost(dataDir);
  await host.open(page);

  // The administrator sets up 玉井村第一网格 and its 网格员 (the organisation pages have their own E2E).
  await login(page, 'admin');
  await gridWithWorker(page, WORKER_ID);
  await logout(page);

  // 录入员 registers a case; a first 保存 with nothing filled shows the server's reasons under the fields.
  await login(page, 'lu');
  await page.getByRole('menuitem', { name: '事件' }).click();
  await expect(page.getByTestId('case-count')).toContainText('共 0 件');
  await page.getByRole('button', { name: '登记事件' }).click();
  await modalSave(page).click();
  await expect(page.locator('#case_source_help')).toContainText('请选择事件来源');
  await expect(page.locator('#case_category_help')).toContainText('请选择事件大类');
  await expect(page.locator('#case_grid_help')).toContainText('请选择所属网格');
  await expect(page.locator('#case_summary_help')).toContainText('请填写事件概要');
  await pick(page, 'case_source', '网格员巡查上报');
  await pick(page, 'case_category', '矛盾纠纷', '邻里纠纷');
  await pick(page, 'case_grid', '玉井村', '玉井村第一网格');
  await page.getByLabel('涉及人数').fill('2');
  await page.getByLabel('发生地点').fill('玉井村三组12号与14号之间');
  await page.getByLabel('报告人').fill('李秀英');
  await page.getByLabel('联系电话').fill('13912345678');
  await page.getByLabel('事件概要').fill('两户因宅基地界墙加高发生争执，需调解。');
  await expect(page.locator('#case_source_help')).toHaveCount(0);
  await shot(page, 'cases-02-register');
  await modalSave(page).click();
  const created = page.locator('.ant-message-notice', { hasText: '已登记事件' });
  await expect(created).toBeVisible();
  const number = /已登记事件 (\S+)/.exec((await created.textContent()) ?? '')![1]!;
  expect(number).toMatch(/^140621100-\d{4}-\d{6}$/);

  // The drawer opens on the new case: masked contact, no clock yet, and 上报 for the clerk.
  await expect(drawer(page).getByTestId('case-contact-masked')).toHaveText('139****5678');
  await expect(drawer(page).getByTestId('case-deadline')).toContainText('当前环节不计时');
  await expect(drawer(page).getByRole('button', { name: '查看完整信息' })).toHaveCount(0);
  await act(page, '上报', none, '已上报');
  await expect(drawer(page).getByTestId('case-deadline')).toContainText('甄别交办环节 1 个工作日');
  await closeDrawer(page);
  const row = page.getByTestId('case-table').getByRole('row', { name: new RegExp(number) });
  await expect(row).toContainText('已上报');
  await expect(page.getByTestId('case-count')).toContainText('共 1 件');
  await logout(page);

  // 审核人 签收, 受理 and 交办 to the grid worker; the full contact is his to see.
  await login(page, 'shen');
  await openCase(page, number);
  await drawer(page).getByRole('button', { name: '查看完整信息' }).click();
  await expect(page.getByTestId('revealed-contact')).toContainText('13912345678');
  await page.locator('.ant-modal-footer:visible').getByRole('button', { name: '关闭' }).click();
  await act(page, '签收', none, '甄别中');
  await act(page, '受理', none, '已受理');
  await act(
    page,
    '交办',
    async () => {
      await pick(page, 'action_assign_assignee_id', '王建国');
      await page.getByLabel('备注（选填）', { exact: true }).fill('请三日内上门调解');
      await shot(page, 'cases-04-action-form');
    },
    '已交办',
  );
  await expect(drawer(page).getByTestId('case-facts')).toContainText('网格员：王建国');
  await logout(page);

  // 录入员 records progress and asks for more time.
  await login(page, 'lu');
  await openCase(page, number);
  await act(
    page,
    '处置进展',
    () => page.getByLabel('处置进展', { exact: true }).fill('已联系双方，约定周五现场调解'),
    '处置中',
  );
  await act(
    page,
    '申请延期',
    async () => {
      await page.getByLabel('延期天数（工作日）', { exact: true }).fill('3');
      await page.getByLabel('延期理由', { exact: true }).fill('一方外出务工，周五后才能返回');
    },
    '处置中',
  );
  await expect(drawer(page).getByTestId('case-deadline')).toContainText('延期申请待审批');
  await logout(page);

  // 审核人 approves the 延期: the deadline moves by 3 working days.
  await login(page, 'shen');
  await openCase(page, number);
  const before = (await drawer(page).getByTestId('case-deadline').textContent())!;
  await act(page, '同意延期', none, '处置中');
  const deadline = drawer(page).getByTestId('case-deadline');
  await expect(deadline).toContainText('已延期 3 个工作日');
  await expect(deadline).not.toContainText('延期申请待审批');
  const dueOf = (text: string) => /截止 (\S+ \S+)/.exec(text)![1]!;
  expect(dueOf((await deadline.textContent())!) > dueOf(before)).toBe(true);
  await logout(page);

  // 录入员 reports the result; 审核人 sends it back with a reason; 录入员 does it again and 反馈.
  await login(page, 'lu');
  await openCase(page, number);
  await act(page, '处置结果', () => page.getByLabel('处置结果', { exact: true }).fill('双方达成口头协议'), '已处置');
  await logout(page);
  await login(page, 'shen');
  await openCase(page, number);
  await act(
    page,
    '回退',
    () => page.getByLabel('回退理由', { exact: true }).fill('未附书面调解协议，请补充'),
    '处置中',
  );
  await logout(page);
  await login(page, 'lu');
  await openCase(page, number);
  await act(
    page,
    '处置结果',
    () => page.getByLabel('处置结果', { exact: true }).fill('双方签订书面调解协议，界墙维持原高度'),
    '已处置',
  );
  // The clerk records the mediation and attaches a photo; a file over 20 MB is refused with its size.
  await pick(page, 'mediation_method', '人民调解');
  await page.getByLabel('调解组织').fill('玉井村人民调解委员会');
  await page.getByLabel('调解责任人').fill('张振华');
  await pick(page, 'mediation_level', '村（社区）');
  await pick(page, 'mediation_result', '调解成功');
  await drawer(page).getByRole('button', { name: '保存调解情况' }).click();
  await expect(page.locator('.ant-message-notice', { hasText: '已保存调解情况' })).toBeVisible();
  // A 2 MB photo goes in 512 KB chunks; the third chunk is held so the progress bar can be seen.
  const photo = noisePng(820, 820);
  let chunkCalls = 0;
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/rpc/cases.attachmentChunk', async (route) => {
    if (++chunkCalls === 3) await held;
    await route.continue();
  });
  const upload = drawer(page).locator('input[type=file]');
  await upload.setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: photo });
  const progress = drawer(page).getByTestId('attachment-progress');
  await expect(progress).toContainText('正在上传「现场照片.png」');
  await expect(progress.locator('.ant-progress-indicator')).toHaveText(
    `${Math.floor(((2 * ATTACHMENT_CHUNK_BYTES) / photo.length) * 100)}%`,
  );
  await progress.scrollIntoViewIfNeeded();
  await shot(page, 'cases-05b-attachment-progress');
  release();
  await expect(page.locator('.ant-message-notice', { hasText: '已上传附件 现场照片.png' })).toBeVisible();
  await page.unroute('**/api/rpc/cases.attachmentChunk');
  expect(chunkCalls).toBe(4);
  await expect(progress).toHaveCount(0);
  const thumb = drawer(page).getByRole('img', { name: '现场照片.png' });
  // Fetched back in 512 KB chunks too (no answer carries the whole file) and shown from an object URL.
  await expect(thumb).toHaveAttribute('src', /^blob:/);
  // Drawn from the stored bytes: the browser decoded the whole 820 × 820 picture.
  await expect.poll(() => thumb.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(820);
  const stored = path.join(dataPaths(dataDir).attachmentsDir, sha256(photo).slice(0, 2), sha256(photo));
  expect(fs.readFileSync(stored).equals(photo)).toBe(true);
  await thumb.scrollIntoViewIfNeeded();
  await shot(page, 'cases-05c-attachment-thumbnail');
  // 下载 saves exactly the stored bytes under the attachment's name, fetched chunk by chunk.
  const reads: number[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/rpc/cases.getAttachment')) reads.push((r.postDataJSON() as { index: number }).index);
  });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    drawer(page).getByTestId('attachment').getByRole('button', { name: '下载' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('现场照片.png');
  expect(fs.readFileSync(await download.path()).equals(photo)).toBe(true);
  expect(reads).toEqual([0, 1, 2, 3]);
  // Over 20 MB is refused in the drawer with its size, before anything is sent.
  await upload.setInputFiles({
    name: '录像.mp4',
    mimeType: 'video/mp4',
    buffer: Buffer.alloc(ATTACHMENT_MAX_BYTES + 512 * 1024),
  });
  await expect(
    page.locator('.ant-message-notice', { hasText: '文件「录像.mp4」大小 20.5 MB，超过单个附件 20 MB 的上限' }),
  ).toBeVisible();
  await expect(drawer(page).getByTestId('attachment')).toHaveCount(1);
  await act(
    page,
    '反馈',
    () => page.getByLabel('反馈内容（向报告人反馈的情况）', { exact: true }).fill('已电话告知李秀英调解结果'),
    '已反馈',
  );

  // A 录入员 has no 办结, and the server refuses it when asked directly.
  await expect(drawer(page).getByTestId('case-actions').getByRole('button', { name: '办结' })).toHaveCount(0);
  const caseId = (await rpc<{ rows: { id: string; number: string }[] }>(page, 'cases.list', {})).data!.rows.find(
    (r) => r.number === number,
  )!.id;
  const refused = await rpc(page, 'cases.act', { id: caseId, action: 'close', payload: {} });
  expect(refused.ok).toBe(false);
  expect(refused.error).toEqual({ code: 'FORBIDDEN', message: '录入员无权执行「办结」' });
  await logout(page);

  // 审核人 办结; the timeline holds every step in order.
  await login(page, 'shen');
  await openCase(page, number);
  await act(page, '办结', none, '已办结');
  const expected = [
    /^登记.*陆录入/,
    /^上报.*陆录入.*已登记 → 已上报.*上报综治中心/,
    /^签收.*沈审核.*已上报 → 甄别中/,
    /^受理.*沈审核.*甄别中 → 已受理.*甄别：受理/,
    /^交办.*沈审核.*已受理 → 已交办.*交办给网格员「王建国」；备注：请三日内上门调解/,
    /^处置进展.*陆录入.*已交办 → 处置中.*已联系双方，约定周五现场调解/,
    /^申请延期.*陆录入.*申请延期 3 个工作日。理由：一方外出务工/,
    /^同意延期.*沈审核.*同意延期 3 个工作日/,
    /^处置结果.*陆录入.*处置中 → 已处置.*双方达成口头协议/,
    /^回退.*沈审核.*已处置 → 处置中.*理由：未附书面调解协议，请补充/,
    /^处置结果.*陆录入.*处置中 → 已处置.*书面调解协议/,
    /^调解情况.*陆录入.*登记调解情况：玉井村人民调解委员会（责任人 张振华），调解成功/,
    /^上传附件.*陆录入.*上传附件「现场照片\.png」（1\.9 MB）$/,
    /^反馈.*陆录入.*已处置 → 已反馈.*已电话告知李秀英调解结果/,
    /^办结.*沈审核.*已反馈 → 已办结/,
  ];
  await expect(drawer(page).getByTestId('timeline-entry')).toHaveText(expected);
  await drawer(page).getByTestId('case-timeline').scrollIntoViewIfNeeded();
  await shot(page, 'cases-03-drawer-timeline');
  await closeDrawer(page);
  await expect(row).toContainText('已办结');
  await shot(page, 'cases-01-list');

  // A filter lives in the address: 已办结 only, and a reload keeps it.
  await pick(page, 'case-filter-states', '已办结');
  await expect(page).toHaveURL(/#\/cases\?states=closed$/);
  await page.reload();
  await expect(page.getByTestId('case-count')).toContainText('共 1 件');
  await logout(page);

  // Restart the host: a link to the closed cases opens them, still 已办结, with the whole timeline.
  await host.stop();
  host = await startHost(dataDir);
  await host.open(page, '#/cases?states=closed');
  await login(page, 'shen');
  await expect(page.getByTestId('case-count')).toContainText('共 1 件');
  await page
    .getByTestId('case-table')
    .getByRole('row', { name: new RegExp(number) })
    .first()
    .click();
  await expect(drawer(page).getByTestId('case-facts').getByTestId('case-state')).toHaveText('已办结');
  await expect(drawer(page).getByTestId('timeline-entry')).toHaveText(expected);
  await drawer(page).getByTestId('case-timeline').scrollIntoViewIfNeeded();
  await shot(page, 'cases-05-closed');
  await closeDrawer(page);

  // Quick filters combine with the others and go into the address too.
  await page.locator('.ant-segmented-item', { hasText: '本月' }).click();
  await expect(page).toHaveURL(/#\/cases\?states=closed&quick=thisMonth$/);
  await expect(page.getByTestId('case-count')).toContainText('共 1 件');
  await page.locator('.ant-segmented-item', { hasText: '已超期' }).click();
  await expect(page.getByTestId('case-count')).toContainText('共 0 件');

  // Full-text search over summary and place: a two-character word finds the case, another does not.
  await page.getByRole('button', { name: '清除筛选' }).click();
  const search = page.getByLabel('全文搜索');
  await search.fill('界墙');
  await search.press('Enter');
  await expect(page).toHaveURL(/#\/cases\?q=%E7%95%8C%E5%A2%99$/);
  await expect(page.getByTestId('case-count')).toContainText('共 1 件');
  await search.fill('漏水');
  await search.press('Enter');
  await expect(page.getByTestId('case-count')).toContainText('共 0 件');
});
