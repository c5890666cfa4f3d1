/**
 * The 报表 page in browser mode: the preview the core renders, 导出 Excel as a download whose cells
 * are right, the export history (kept across a restart), 打印 and the preview's print CSS as
 * Chromium lays it out on paper.
 */
import ExcelJS from 'exceljs';
import { expect, newClockedPage, test, type Page } from './fixtures';
import { maskIdNumber } from '../../shared/people/mask';
import { PASSWORD } from '../helpers/core';
import { seedDemoCases } from '../../main/core/cases/demo';
import { countCases } from '../../main/core/cases/list';
import { countVisits } from '../../main/core/fieldwork/counts';
import { parsePeriod } from '../../main/core/reports/periods';
import { seedFieldwork } from '../helpers/fieldwork-seed';
import { pdfPages } from '../helpers/pdf-pages';
import { FIXED_NOW, seedReportTownship } from '../helpers/report-township';
import { newDataDir, shot, startHost, type RunningHost } from './browser-host';
import { lastMonthZh } from '../helpers/test-clock';

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

async function pick(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.locator('.ant-select-item-option:visible', { hasText: option }).first().click();
}

/** The 报表 page opened by a link on a period (and form), as the 工作台's figures open it. */
async function openReportsOn(page: Page, period: string, form?: string) {
  const query = new URLSearchParams({ ...(form ? { form } : {}), period });
  await page.evaluate(`location.hash = '#/reports?${query}'`);
  // Ready once the forms have loaded and a preview is drawn: a pick made earlier would be overridden.
  await expect(page.frameLocator('[data-testid="report-preview"]').locator('h1')).toContainText(period.slice(0, 4));
}

async function downloadSheet(page: Page): Promise<{ name: string; ws: ExcelJS.Worksheet }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出 Excel' }).click(),
  ]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  return { name: download.suggestedFilename(), ws: wb.worksheets[0]! };
}

test('报表: preview → 导出 Excel → history, full numbers for a 审核人, print CSS on A4 landscape', async ({
  page,
  browser,
}) => {
  const dataDir = newDataDir();
  const seeded = seedReportTownship({ dataDir });
  const firstId = seeded.synthetic[0]!.idNumber;
  seeded.core.close();

  host = await startHost(dataDir);
  await host.open(page);
  await login(page, 'shen');
  await page.getByRole('menuitem', { name: '报表' }).click();

  // Last month on the test clock and the whole township by default; the preview is the core's HTML.
  const preview = page.frameLocator('[data-testid="report-preview"]');
  await expect(preview.locator('h1')).toHaveText(`${lastMonthZh(host.now())}玉井镇网格基本情况统计表`);
  // The seeded township is drawn as of October 2026: open the form on that month, as a link would.
  await page.getByRole('menuitem', { name: '工作台' }).click();
  await openReportsOn(page, '2026-10', 'grid-basics');
  await expect(preview.locator('h1')).toHaveText('2026年10月玉井镇网格基本情况统计表');
  await expect(preview.locator('tr.total td').first()).toHaveText('合计');
  await page.getByLabel('填报人', { exact: true }).fill('王小红');
  await expect(preview.locator('.sign')).toContainText('填报人：王小红');
  await shot(page, 'reports-01-preview');

  const basics = await downloadSheet(page);
  expect(basics.name).toBe('2026年10月玉井镇网格基本情况统计表.xlsx');
  expect(basics.ws.getCell('A1').value).toBe('2026年10月玉井镇网格基本情况统计表');
  expect(basics.ws.getCell('A24').value).toBe('合计');
  expect([7, 8, 13].map((c) => basics.ws.getCell(24, c).value)).toEqual([550, 1720, 1]);
  expect(basics.ws.getCell('A25').value).toBe('填报人：王小红');
  await expect(page.locator('.ant-message-notice', { hasText: '已导出' })).toBeVisible();
  const history = page.getByTestId('report-history');
  await expect(history.getByRole('row').filter({ hasText: basics.name })).toHaveCount(1);

  // The roster: masked on screen; a 审核人 may ask for the full numbers in the file.
  await pick(page, '报表', '网格员花名册');
  await expect(preview.locator('h1')).toHaveText('2026年10月玉井镇网格员花名册');
  await expect(preview.locator('tbody')).toContainText(maskIdNumber(firstId));
  await page.getByRole('checkbox', { name: '导出完整身份证号和电话' }).check();
  const roster = await downloadSheet(page);
  expect(roster.ws.getCell('G4').value).toBe(firstId);
  await expect(history.getByRole('row').filter({ hasText: '完整' })).toHaveCount(1);

  // 打印 asks the preview frame to print itself (its @page CSS sets the paper).
  // (A string: the tests are typechecked without the DOM library.)
  await page.evaluate(`(() => {
    const frame = document.querySelector('[data-testid="report-preview"]');
    frame.contentWindow.print = () => frame.setAttribute('data-printed', 'yes');
  })()`);
  await page.getByRole('button', { name: '打印' }).click();
  await expect(page.getByTestId('report-preview')).toHaveAttribute('data-printed', 'yes');
  await shot(page, 'reports-02-roster');

  // The same HTML on paper in Chromium: A4 landscape (842 × 595 pt), one page for eight rows.
  const html = (await page.getByTestId('report-preview').getAttribute('srcdoc'))!;
  const paper = await newClockedPage(browser);
  await paper.setContent(html);
  const rosterPdf = pdfPages(await paper.pdf({ preferCSSPageSize: true }));
  expect(rosterPdf).toEqual({ count: 1, size: [842, 595] });
  // Long enough to need a second page: the header row repeats (thead) and the pages count on.
  await paper.setContent(html.replace(/(<tbody>)([\s\S]*?)(<\/tbody>)/, (_, a, rows, b) => a + rows.repeat(12) + b));
  const longPdf = pdfPages(await paper.pdf({ preferCSSPageSize: true }));
  expect(longPdf.count).toBeGreaterThan(1);
  expect(longPdf.size).toEqual([842, 595]);
  await paper.close();

  // Other periods: the quarter and the half-year that hold last month.
  await pick(page, '报表期间类型', '季报');
  await expect(preview.locator('h1')).toHaveText('2026年第四季度玉井镇网格员花名册');
  await pick(page, '报表期间类型', '半年报');
  await expect(preview.locator('h1')).toHaveText('2026年下半年玉井镇网格员花名册');
  await pick(page, '上半年或下半年', '上半年');
  await expect(preview.locator('h1')).toHaveText('2026年上半年玉井镇网格员花名册');
  await pick(page, '范围', seeded.v1.name);
  await expect(preview.locator('h1')).toHaveText(`2026年上半年玉井镇${seeded.v1.name}网格员花名册`);

  // The history is kept: after a restart it is still there.
  await host.stop();
  host = await startHost(dataDir);
  await host.open(page);
  await login(page, 'lu');
  await page.getByRole('menuitem', { name: '报表' }).click();
  await expect(page.getByTestId('report-history').getByRole('row').filter({ hasText: basics.name })).toHaveCount(1);
  // A 录入员 is not offered full numbers.
  await pick(page, '报表', '网格员花名册');
  await expect(page.getByRole('checkbox', { name: '导出完整身份证号和电话' })).toHaveCount(0);
});

test('报表: 事件台账 exported as a job — the progress bar, then the download with every case', async ({ page }) => {
  const dataDir = newDataDir();
  const seeded = seedReportTownship({ dataDir });
  seedDemoCases(seeded.core.deps, { count: 6000, seed: 5, years: 1, now: FIXED_NOW.toISOString() });
  const total = countCases(
    { db: seeded.core.deps.conn.db, now: FIXED_NOW.toISOString(), user: null },
    { createdFrom: '2026-01-01', createdTo: '2026-12-31' },
  );
  seeded.core.close();

  host = await startHost(dataDir);
  await host.open(page);
  await login(page, 'lu');
  await openReportsOn(page, '2026-10'); // the seeded year, whatever the clock says
  await pick(page, '报表', '事件台账');
  await page.getByRole('combobox', { name: '报表期间类型', exact: true }).click();
  await page
    .locator('.ant-select-item-option:visible')
    .filter({ hasText: /^年报$/ })
    .click();
  const preview = page.frameLocator('[data-testid="report-preview"]');
  await expect(preview.locator('h1')).toHaveText('2026年度玉井镇事件台账');
  await expect(preview.locator('.note')).toContainText(`仅显示前 200 条，共 ${total} 条`);

  const downloaded = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByRole('button', { name: /导出 Excel/ }).click();
  const bar = page.getByLabel('导出进度');
  // Shown from the moment the job starts until the file is saved: rows written of all, as a bar.
  // Text and bar are checked in one look: the writer finishes 6,000 rows in well under a second.
  await expect(bar.filter({ has: page.locator('.ant-progress') })).toContainText(`/ ${total} 行`);
  await shot(page, 'reports-02-ledger-progress');
  // The page stays usable while the job runs: the preview's period can still be changed.
  await expect(page.getByLabel('报表期间类型')).toBeEnabled();

  const download = await downloaded;
  expect(download.suggestedFilename()).toBe('2026年度玉井镇事件台账.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const ws = wb.worksheets[0]!;
  // Title, 填报单位, two header rows, then one row per case and the signature line.
  expect(ws.getCell(4 + total, 1).value).toBe(total);
  expect(String(ws.getCell(5 + total, 1).value)).toMatch(/^填报人/);
  await expect(bar).toHaveCount(0);
  await expect(page.getByTestId('report-history').getByRole('row').filter({ hasText: '事件台账' })).toHaveCount(1);
  await shot(page, 'reports-03-ledger-done');
});

test('报表: the yearly 网格化服务管理工作情况统计表 opens on 年报; 入户走访登记表 streams with full phones for a 审核人', async ({
  page,
}) => {
  const dataDir = newDataDir();
  const seeded = seedReportTownship({ dataDir });
  const { v1, v2, grids } = seeded;
  const workerIds = seeded.core.deps.conn.sqlite.prepare('SELECT id FROM persons LIMIT 3').pluck().all() as string[];
  seedFieldwork(seeded, seeded.clerk, {
    places: [
      { villageId: v1.id, villageName: v1.name, gridId: grids.g1.id },
      { villageId: v2.id, villageName: v2.name, gridId: grids.g3.id },
    ],
    workerIds,
    from: '2026-01-01',
    to: '2026-11-20',
    visits: 600,
    buildings: 12,
  });
  // 入户走访（户次）: visits made in person; the 电话/视频 contacts have their own column and stay off the register.
  const visits = countVisits(seeded.core.deps.conn.db, { period: parsePeriod('2026'), method: 'in_person' });
  const remote = countVisits(seeded.core.deps.conn.db, { period: parsePeriod('2026') }) - visits;
  const phoneEnc = seeded.core.deps.conn.sqlite
    .prepare(
      `SELECT phone_enc FROM household_visits WHERE visited_on LIKE '2026-%' AND method = 'in_person'
       AND phone_enc IS NOT NULL LIMIT 1`,
    )
    .pluck()
    .get() as string;
  const phone = seeded.core.deps.pii.decrypt(phoneEnc);
  seeded.core.close();

  host = await startHost(dataDir);
  await host.open(page);
  await login(page, 'shen');
  await openReportsOn(page, '2026-10'); // the seeded year, whatever the clock says
  await pick(page, '报表', '网格化服务管理工作情况统计表');
  // No 月报 for the yearly summary: the page moves to its 年报.
  const kind = page.locator('.ant-select', { has: page.getByRole('combobox', { name: '报表期间类型', exact: true }) });
  await expect(kind).toHaveText('年报');
  const preview = page.frameLocator('[data-testid="report-preview"]');
  await expect(preview.locator('h1')).toHaveText('2026年度玉井镇网格化服务管理工作情况统计表');
  const total = preview.locator('tr', { hasText: '合计' });
  await expect(total.locator('td').nth(2)).toHaveText(String(visits));
  await expect(total.locator('td').nth(3)).toHaveText(String(remote));
  await expect(total.locator('td').nth(1)).toHaveText('12');
  const head = preview.locator('thead');
  await expect(head).toContainText('电话/视频联系（次）');
  await expect(head).toContainText('办理事项（件）');
  // No cases were seeded: 办结率 has nothing to divide by and says so.
  await expect(total.locator('td').last()).toHaveText('—');
  await shot(page, 'reports-04-fieldwork-yearly');
  await page.getByRole('combobox', { name: '报表期间类型', exact: true }).click();
  await expect(page.locator('.ant-select-item-option:visible', { hasText: '月报' })).toHaveCount(0);
  await page.keyboard.press('Escape');

  await pick(page, '报表', '入户走访登记表');
  await expect(preview.locator('h1')).toHaveText('2026年度玉井镇入户走访登记表');
  await expect(preview.locator('.note')).toContainText(`仅显示前 200 条，共 ${visits} 条`);
  await page.getByRole('checkbox', { name: '导出完整身份证号和电话' }).check();
  const downloaded = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByRole('button', { name: /导出 Excel/ }).click();
  await expect(page.getByLabel('导出进度')).toContainText(`/ ${visits} 行`);
  await shot(page, 'reports-05-visits-progress');
  const download = await downloaded;
  expect(download.suggestedFilename()).toBe('2026年度玉井镇入户走访登记表.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const ws = wb.worksheets[0]!;
  // Title, 填报单位, one header row, then one row per visit; the phone column in full.
  expect(ws.getCell(3 + visits, 1).value).toBe(visits);
  const phones = Array.from({ length: visits }, (_, i) => ws.getCell(4 + i, 8).value);
  expect(phones).toContain(phone);
  expect(phones.some((p) => String(p).includes('*'))).toBe(false);
  await expect(page.getByTestId('report-history').getByRole('row').filter({ hasText: '入户走访登记表' })).toHaveCount(
    1,
  );
});
