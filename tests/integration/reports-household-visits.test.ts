/**
 * 入户走访登记表 over visits registered through the 走访 service (fixed seed and clock), exported as
 * a streamed job: the .xlsx read back (a known visit cell by cell, masked and revealed phone, merges,
 * A4 landscape, fit to width, print titles, borders), one row per 入户 visit of the period and scope
 * — counted again in plain SQL, 电话/视频 contacts never on it — in date order; reveal refused to a
 * 录入员; the preview's first 200 rows.
 */
import fs from 'node:fs';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countVisits } from '../../main/core/fieldwork/counts';
import { ledgerJobsOf } from '../../main/core/reports/ledger/jobs';
import { parsePeriod } from '../../main/core/reports/periods';
import { dispatchAny } from '../../main/core/rpc/dispatcher';
import type { LedgerJobInfo } from '../../shared/api/reports';
import type { User } from '../../shared/api/schemas';
import { caseInput, makeCaseTownship } from '../helpers/cases';
import { seedFieldwork } from '../helpers/fieldwork-seed';
import { expectPrintSetup, expectTableBorders, own, readXlsxBytes, rowValues } from '../helpers/report-xlsx';

const NOW = '2026-09-30T10:00:00+08:00';
const LAST_COL = 12; // 序号 + 11 columns
const FIRST_BODY = 4; // title, 填报单位 line, one header row
const PHONE = '13903491234';

let t: ReturnType<typeof makeCaseTownship>;
let total: number;
let caseNumber: string;
let clerkSheet: ExcelJS.Worksheet;
let villageNames: Map<string, string>;

const userOf = (username: string): User => {
  const u = t.core.deps.conn.sqlite
    .prepare('SELECT id, username, display_name AS displayName, role FROM users WHERE username = ?')
    .get(username) as User;
  return { ...u, disabled: false };
};

/** Starts an export job over RPC and waits for it; the refused start, or the finished sheet. */
async function runJob(session: string, username: string, input: Record<string, unknown>) {
  const start = await dispatchAny(t.core.dispatch, { method: 'reports.ledgerStart', input, session });
  if (!start.ok) return { start, job: null, ws: null };
  const jobs = ledgerJobsOf(t.core.deps);
  const job = (await jobs.wait((start.data as LedgerJobInfo).id, userOf(username))) as LedgerJobInfo;
  const { file } = jobs.finishedFile(job.id, userOf(username));
  return { start, job, ws: await readXlsxBytes(fs.readFileSync(file)) };
}

/** 入户走访（户次）: live visits made in person between two days, counted in plain SQL. */
const inPerson = (from: string, to: string, villageId?: string) =>
  Number(
    t.core.deps.conn.sqlite
      .prepare(
        `SELECT count(*) FROM household_visits WHERE deleted_at IS NULL AND method = 'in_person'
         AND visited_on BETWEEN ? AND ?${villageId ? ' AND village_id = ?' : ''}`,
      )
      .pluck()
      .get(from, to, ...(villageId ? [villageId] : [])),
  );

/** The body row of the visit to 孙走访, the one visit registered by hand. */
const knownRow = (ws: ExcelJS.Worksheet, rows: number) => {
  for (let r = FIRST_BODY; r < FIRST_BODY + rows; r++) if (own(ws, r, 6) === '孙走访') return r;
  throw new Error('没有孙走访');
};

beforeAll(async () => {
  t = makeCaseTownship(NOW);
  const villages = t.ok<{ id: string; name: string }[]>('org.listVillages', {}, t.sessions.clerk);
  villageNames = new Map(villages.map((v) => [v.id, v.name]));
  const places = [
    { villageId: t.villageA, villageName: villageNames.get(t.villageA)!, gridId: t.gridA },
    { villageId: t.villageB, villageName: villageNames.get(t.villageB)!, gridId: t.gridB },
  ];
  const made = t.ok<{ case: { id: string; number: string } }>('cases.create', caseInput(t.gridA), t.sessions.clerk);
  caseNumber = made.case.number;
  const common = { places, workerIds: [t.worker], caseIds: [made.case.id] };
  seedFieldwork(t, t.sessions.clerk, { ...common, from: '2026-01-01', to: '2026-09-30', visits: 420, buildings: 0 });
  seedFieldwork(t, t.sessions.clerk, { ...common, from: '2025-11-01', to: '2025-12-31', visits: 30, buildings: 0 });
  t.ok(
    'visits.create',
    {
      villageId: t.villageB,
      gridId: t.gridB,
      visitorId: t.worker,
      visitedOn: '2026-05-12',
      method: 'in_person',
      subjectName: '孙走访',
      address: '二组7号',
      phone: PHONE,
      content: '询问春耕用水情况',
      issues: '灌渠堵塞',
      followUp: '已报村委会疏通',
      caseId: made.case.id,
    },
    t.sessions.clerk,
  );
  // A phone call is a contact, not a 户次: it must stay off the register.
  t.ok(
    'visits.create',
    {
      villageId: t.villageB,
      gridId: t.gridB,
      visitorId: t.worker,
      visitedOn: '2026-05-13',
      method: 'phone',
      subjectName: '钱电话',
      address: '二组9号',
      content: '电话询问低保申请进度',
    },
    t.sessions.clerk,
  );
  total = inPerson('2026-01-01', '2026-12-31');
  clerkSheet = (await runJob(t.sessions.clerk, 'lu', { form: 'household-visits', period: '2026' })).ws!;
}, 120_000);
afterAll(() => t?.core.close());

describe('入户走访登记表', () => {
  it('has one row per 入户 visit of the year, in date order; 电话/视频 contacts not on it', () => {
    const all = countVisits(t.core.deps.conn.db, { period: parsePeriod('2026') });
    expect(all).toBe(422);
    expect(total).toBe(countVisits(t.core.deps.conn.db, { period: parsePeriod('2026'), method: 'in_person' }));
    expect(total).toBeLessThan(all - 1);
    expect(total).toBeGreaterThan(50);
    const ws = clerkSheet;
    const subjects = Array.from({ length: total }, (_, i) => own(ws, FIRST_BODY + i, 6));
    expect(subjects).toContain('孙走访');
    expect(subjects).not.toContain('钱电话');
    expect(own(ws, FIRST_BODY + total - 1, 1)).toBe(total);
    expect(String(own(ws, FIRST_BODY + total, 1))).toMatch(/^填报人/);
    const dates = Array.from({ length: total }, (_, i) => String(own(ws, FIRST_BODY + i, 2)));
    expect(dates.every((d) => /^2026年\d\d月\d\d日$/.test(d))).toBe(true);
    expect([...dates].sort()).toEqual(dates);
    // Within a day, village by village in the org's code order.
    const codeOf = new Map(
      (
        t.core.deps.conn.sqlite.prepare('SELECT name, code FROM villages').all() as { name: string; code: string }[]
      ).map((v) => [v.name, v.code]),
    );
    const keys = dates.map((d, i) => `${d} ${codeOf.get(String(own(ws, FIRST_BODY + i, 3)))}`);
    expect([...keys].sort()).toEqual(keys);
    // Not trivially so: many days hold visits in both villages.
    const both = [...new Set(dates)].filter((d) => new Set(keys.filter((k) => k.startsWith(`${d} `))).size > 1);
    expect(both.length).toBeGreaterThan(20);
  });

  it('titles the sheet and heads the table', () => {
    const ws = clerkSheet;
    expect(own(ws, 1, 1)).toBe('2026年度玉井镇入户走访登记表');
    expect(rowValues(ws, 3, LAST_COL)).toEqual([
      '序号', '走访日期', '村（社区）', '网格', '走访人', '走访对象', '住址', '联系电话', '走访内容', '反映问题',
      '跟进情况', '关联事件',
    ]); // prettier-ignore
    expect([...ws.model.merges]).toContain('A1:L1');
  });

  it('prints A4 landscape, fitted to the width, the header row on every page, every cell bordered', () => {
    const ws = clerkSheet;
    expectPrintSetup(ws, 9, 'landscape', '3:3');
    expectTableBorders(ws, 3, FIRST_BODY + total - 1, LAST_COL);
    expect(ws.getCell(FIRST_BODY, 9).alignment?.wrapText).toBe(true);
  });

  it('prints a known visit as registered, the phone masked, its case by number', () => {
    const ws = clerkSheet;
    const r = knownRow(ws, total);
    expect(rowValues(ws, r, LAST_COL).slice(1)).toEqual([
      '2026年05月12日', villageNames.get(t.villageB), '第一网格', '王网格', '孙走访', '二组7号', '139****1234',
      '询问春耕用水情况', '灌渠堵塞', '已报村委会疏通', caseNumber,
    ]); // prettier-ignore
  });

  it('prints the full phone for a 审核人 who asks, and refuses it to a 录入员', async () => {
    const run = await runJob(t.sessions.reviewer, 'shen', { form: 'household-visits', period: '2026', reveal: true });
    expect(run.job).toMatchObject({ state: 'done', total });
    expect(own(run.ws!, knownRow(run.ws!, total), 8)).toBe(PHONE);
    const history = t.ok<{ id: string; revealed: boolean; formId: string }[]>('reports.history', {}, t.sessions.clerk);
    expect(history.find((h) => h.id === run.job!.historyId)).toMatchObject({
      formId: 'household-visits',
      revealed: true,
    });
    const before = t.count('report_exports');
    const refused = await runJob(t.sessions.clerk, 'lu', { form: 'household-visits', period: '2026', reveal: true });
    expect(refused.start).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(t.count('report_exports')).toBe(before);
  });

  it('lists one village’s 入户 visits for a village scope', async () => {
    const code = t.core.deps.conn.sqlite.prepare('SELECT code FROM villages WHERE id = ?').pluck().get(t.villageA);
    const run = await runJob(t.sessions.clerk, 'lu', {
      form: 'household-visits',
      period: '2026-Q2',
      villageCode: code,
    });
    const n = inPerson('2026-04-01', '2026-06-30', t.villageA);
    expect(n).toBeGreaterThan(10);
    expect(run.job).toMatchObject({ state: 'done', total: n });
    const villages = new Set(Array.from({ length: n }, (_, i) => own(run.ws!, FIRST_BODY + i, 3)));
    expect([...villages]).toEqual([villageNames.get(t.villageA)]);
    expect(String(own(run.ws!, FIRST_BODY + n, 1))).toMatch(/^填报人/);
  });

  it('previews the first 200 rows and says how many there are', () => {
    const p = t.ok<{ html: string; rowCount: number }>(
      'reports.preview',
      { form: 'household-visits', period: '2026' },
      t.sessions.clerk,
    );
    expect(p.rowCount).toBe(total);
    expect(p.html).toContain(`共 ${total} 条`);
    expect(p.html.match(/<tr>/g)).toHaveLength(1 + 200);
    expect(p.html).not.toContain(PHONE);
  });
});
