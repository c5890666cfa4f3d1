/**
 * 事件台账 over ~2,000 demo cases (fixed seed and clock), exported as a job: the .xlsx read back
 * (known cases cell by cell, masked and revealed phone, merges, A3 landscape, fit to width, print
 * titles, borders), one row per case countCases finds for the same filter, progress rising to the
 * total, the history row and audit entry when done, nothing left behind by a failed export.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCases } from '../../main/core/cases/demo';
import { countCases } from '../../main/core/cases/list';
import { ledgerFileForSession, ledgerJobsOf, ledgerTempRoot } from '../../main/core/reports/ledger/jobs';
import { startHost } from '../../main/host/server';
import { dispatchAny } from '../../main/core/rpc/dispatcher';
import type { LedgerJobInfo } from '../../shared/api/reports';
import type { User } from '../../shared/api/schemas';
import { maskPhone } from '../../shared/people/mask';
import { makeCaseTownship } from '../helpers/cases';
import { makeCore, tempDir } from '../helpers/core';
import { expectPrintSetup, expectTableBorders, own, readXlsxBytes, rowValues } from '../helpers/report-xlsx';

const NOW = '2026-09-30T10:00:00+08:00';
const LAST_COL = 28; // 序号 + 27 columns
const FIRST_BODY = 5; // title, 填报单位 line, two header rows
const FILTER_2026 = { createdFrom: '2026-01-01', createdTo: '2026-12-31' };

let t: ReturnType<typeof makeCaseTownship>;
let total: number;

const userOf = (username: string): User => {
  const u = t.core.deps.conn.sqlite
    .prepare('SELECT id, username, display_name AS displayName, role FROM users WHERE username = ?')
    .get(username) as User;
  return { ...u, disabled: false };
};

/** Starts a ledger job over RPC, polls its progress until it ends; every `written` seen, in order. */
async function runJob(session: string, input: Record<string, unknown>) {
  const start = await dispatchAny(t.core.dispatch, { method: 'reports.ledgerStart', input, session });
  if (!start.ok) return { start, seen: [] as number[], job: null };
  let job = start.data as LedgerJobInfo;
  const seen = [job.written];
  while (job.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 2));
    job = t.ok<LedgerJobInfo>('reports.ledgerProgress', { jobId: job.id }, session);
    seen.push(job.written);
  }
  return { start, seen, job };
}

async function sheetOf(job: LedgerJobInfo, username: string) {
  const { file, fileName } = ledgerJobsOf(t.core.deps).finishedFile(job.id, userOf(username));
  // Waiting for its download it may hold full ID numbers: owner-only.
  expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  const bytes = fs.readFileSync(file);
  return { ws: await readXlsxBytes(bytes), bytes, fileName };
}

interface Known {
  number: string;
  contact: string;
  village: string;
}

/** The row (from FIRST_BODY) of the case numbered `number`: cases print in number order. */
const rowOf = (ws: ExcelJS.Worksheet, number: string) => {
  for (let r = FIRST_BODY; r < FIRST_BODY + total; r++) if (own(ws, r, 2) === number) return r;
  throw new Error(`没有 ${number}`);
};

let known: Known;
let clerkSheet: Awaited<ReturnType<typeof sheetOf>>;
let clerkRun: Awaited<ReturnType<typeof runJob>>;

beforeAll(async () => {
  t = makeCaseTownship(NOW);
  seedDemoCases(t.core.deps, { count: 2000, seed: 7, years: 1, now: new Date(NOW).toISOString() });
  total = countCases({ db: t.core.deps.conn.db, now: new Date(NOW).toISOString(), user: null }, FILTER_2026);
  const sqlite = t.core.deps.conn.sqlite;
  const c = sqlite
    .prepare(
      `SELECT c.number, c.reporter_contact_enc AS enc, v.name AS village FROM cases c JOIN villages v ON v.id = c.village_id
       WHERE c.created_at >= '2025-12-31T16:00:00Z' AND c.reporter_contact_enc IS NOT NULL ORDER BY c.number LIMIT 1 OFFSET 40`,
    )
    .get() as { number: string; enc: string; village: string };
  known = { number: c.number, contact: t.core.deps.pii.decrypt(c.enc), village: c.village };
  // One open case of the period supervised twice, so the 督办 column has a count to print.
  const open = sqlite
    .prepare(
      `SELECT id FROM cases WHERE state = 'assigned' AND created_at >= '2025-12-31T16:00:00Z' ORDER BY number LIMIT 1`,
    )
    .pluck()
    .get() as string;
  for (const level of ['yellow', 'red']) {
    t.ok('cases.act', { id: open, action: 'supervise', payload: { level } }, t.sessions.reviewer);
  }
  clerkRun = await runJob(t.sessions.clerk, { form: 'case-ledger', period: '2026' });
  clerkSheet = await sheetOf(clerkRun.job!, 'lu');
}, 120_000); // seeding 2,000 cases and a first export: seconds, more on a loaded machine
afterAll(() => t?.core.close());

/** 回访 as the ledger words it: 满意度 for most matters, 履行情况 for a dispute's agreement. */
const FOLLOW_UP_SAID: Record<string, string> = {
  satisfied: '满意',
  basically: '基本满意',
  dissatisfied: '不满意',
  fulfilled: '已履行',
  partly: '部分履行',
  unfulfilled: '未履行',
};

describe('事件台账', () => {
  it('has one row per case the case list counts for the same period, in number order', () => {
    expect(total).toBeGreaterThan(1000);
    expect(clerkRun.job).toMatchObject({ state: 'done', written: total, total });
    const { ws } = clerkSheet;
    expect(own(ws, FIRST_BODY + total - 1, 1)).toBe(total);
    expect(String(own(ws, FIRST_BODY + total, 1))).toMatch(/^填报人/);
    const numbers = Array.from({ length: total }, (_, i) => own(ws, FIRST_BODY + i, 2) as string);
    expect([...numbers].sort()).toEqual(numbers);
    expect(new Set(numbers).size).toBe(total);
    expect(clerkSheet.fileName).toBe('2026年度玉井镇事件台账.xlsx');
  });

  it('reports progress rising to the total', () => {
    const seen = clerkRun.seen;
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]!);
    expect(seen.at(-1)).toBe(total);
    expect(new Set(seen).size).toBeGreaterThan(1);
  });

  it('titles the sheet and heads the table, 调解情况 over its three columns', () => {
    const { ws } = clerkSheet;
    expect(own(ws, 1, 1)).toBe('2026年度玉井镇事件台账');
    expect(rowValues(ws, 3, LAST_COL).filter(Boolean)).toEqual([
      '序号', '事件编号', '登记时间', '事件来源', '事件大类', '事件小类', '事件规模', '紧急\n程度', '村（社区）', '网格',
      '发生地点', '发生时间', '发现人', '反映人', '联系电话', '涉及\n人数', '事件概要', '当前\n状态', '承办人/\n承办单位', '办理期限',
      '是否\n超期', '处置结果', '办结时间', '调解情况', '回访\n结果', '督办',
    ]); // prettier-ignore
    expect(rowValues(ws, 4, LAST_COL).filter(Boolean)).toEqual(['方式', '组织', '结果']);
    const merges = [...ws.model.merges];
    expect(merges).toEqual(expect.arrayContaining(['A1:AB1', 'A3:A4', 'B3:B4', 'M3:M4', 'X3:Z3', 'AB3:AB4']));
  });

  it('prints A3 landscape, fitted to the width, the header rows on every page, every cell bordered', () => {
    const { ws } = clerkSheet;
    expectPrintSetup(ws, 8, 'landscape', '3:4');
    expectTableBorders(ws, 3, FIRST_BODY + 60, LAST_COL);
    expectTableBorders(ws, FIRST_BODY + total - 5, FIRST_BODY + total - 1, LAST_COL);
    expect(ws.getCell(FIRST_BODY, 16).alignment?.wrapText).toBe(true);
  });

  it('prints a known case as the database holds it, the phone masked', () => {
    const { ws } = clerkSheet;
    const r = rowOf(ws, known.number);
    const row = t.core.deps.conn.sqlite.prepare('SELECT * FROM cases WHERE number = ?').get(known.number) as Record<
      string,
      string | number | null
    >;
    expect(own(ws, r, 9)).toBe(known.village);
    expect(own(ws, r, 11)).toBe(row.place);
    expect(own(ws, r, 15)).toBe(maskPhone(known.contact));
    expect(own(ws, r, 15)).not.toBe(known.contact);
    expect(own(ws, r, 16)).toBe(row.people_involved);
    expect(own(ws, r, 17)).toBe(row.summary);
    // 大类 and 小类 by their codes in the taxonomy, never by splitting the label (治安/安全隐患 holds a "/").
    const names = t.core.deps.conn.sqlite
      .prepare(
        `SELECT cc.name AS category, json_extract(j.value, '$.name') AS subcategory
         FROM case_categories cc, json_each(cc.subcategories) j
         WHERE cc.code = ? AND json_extract(j.value, '$.code') = ?`,
      )
      .get(row.category_code, row.subcategory_code) as { category: string; subcategory: string };
    expect(own(ws, r, 5)).toBe(names.category);
    expect(own(ws, r, 6)).toBe(names.subcategory);
  });

  it('prints 大类 and 小类 apart when the 大类 name holds a "/"', () => {
    const { ws } = clerkSheet;
    const hazard = t.core.deps.conn.sqlite
      .prepare(
        `SELECT number FROM cases WHERE category_code = '02' AND created_at >= '2025-12-31T16:00:00Z'
         ORDER BY number LIMIT 1`,
      )
      .get() as { number: string };
    const r = rowOf(ws, hazard.number);
    expect(own(ws, r, 5)).toBe('治安/安全隐患');
    expect(String(own(ws, r, 6))).not.toContain('/');
    expect(String(own(ws, r, 6))).not.toBe('');
  });

  it('prints closed cases with their 处置结果 and 办结时间, and disputes with their 调解情况', () => {
    const { ws } = clerkSheet;
    const closed = t.core.deps.conn.sqlite
      .prepare(
        `SELECT c.number, json_extract(e.payload, '$.result') AS result FROM cases c JOIN case_events e
         ON e.case_id = c.id AND e.action = 'resolve' WHERE c.state = 'closed' AND c.created_at >= '2025-12-31T16:00:00Z'
         ORDER BY c.number LIMIT 1`,
      )
      .get() as { number: string; result: string };
    const r = rowOf(ws, closed.number);
    expect(own(ws, r, 18)).toBe('已办结');
    expect(own(ws, r, 22)).toBe(closed.result);
    expect(String(own(ws, r, 23))).toMatch(/^2026年\d\d月\d\d日$/);
    const dispute = t.core.deps.conn.sqlite
      .prepare(
        `SELECT number, mediation_org AS org, mediation_result AS result FROM cases WHERE dispute = 1 AND mediation_org IS NOT NULL
         AND created_at >= '2025-12-31T16:00:00Z' ORDER BY number LIMIT 1`,
      )
      .get() as { number: string; org: string; result: 'success' | 'failure' | 'terminated' | null } | undefined;
    if (dispute) {
      const d = rowOf(ws, dispute.number);
      expect(own(ws, d, 25)).toBe(dispute.org);
      const said = { success: '调解成功', failure: '调解不成', terminated: '终止调解' } as const;
      expect(own(ws, d, 26) ?? '').toBe(dispute.result === null ? '' : said[dispute.result]);
    }
  });

  it("prints every case's 处置结果, 回访结果 and 督办 as the latest of its timeline says", () => {
    const { ws } = clerkSheet;
    // The oracle: one correlated lookup per case and fact, as plain as SQL says it.
    const facts = t.core.deps.conn.sqlite
      .prepare(
        `SELECT c.number, c.supervision_level AS level,
           (SELECT json_extract(e.payload, '$.result') FROM case_events e WHERE e.case_id = c.id AND e.action = 'resolve'
             AND e.deleted_at IS NULL ORDER BY e.created_at DESC LIMIT 1) AS result,
           (SELECT coalesce(json_extract(e.payload, '$.satisfaction'), json_extract(e.payload, '$.performance'))
             FROM case_events e WHERE e.case_id = c.id AND e.action = 'followUp'
             AND e.deleted_at IS NULL ORDER BY e.created_at DESC LIMIT 1) AS rating,
           (SELECT count(*) FROM case_events e WHERE e.case_id = c.id AND e.action = 'supervise' AND e.deleted_at IS NULL) AS times
         FROM cases c WHERE c.deleted_at IS NULL AND c.created_at >= '2025-12-31T16:00:00Z' ORDER BY c.number`,
      )
      .all() as { number: string; level: string | null; result: string | null; rating: string | null; times: number }[];
    expect(facts).toHaveLength(total);
    expect(facts.filter((f) => f.rating !== null).length).toBeGreaterThan(10);
    expect(facts.some((f) => f.times === 2 && f.level === 'red')).toBe(true);
    facts.forEach((f, i) => {
      const r = FIRST_BODY + i;
      expect(own(ws, r, 2)).toBe(f.number);
      expect(own(ws, r, 22) ?? '').toBe(f.result ?? '');
      expect(own(ws, r, 27) ?? '').toBe(f.rating === null ? '' : FOLLOW_UP_SAID[f.rating]);
      const supervision = String(own(ws, r, 28) ?? '');
      if (f.times === 0 && !f.level) expect(supervision).toBe('');
      else if (f.times > 1) expect(supervision).toMatch(new RegExp(`${f.times}次`));
      else expect(supervision).not.toBe('');
    });
    expect(facts.map((f, i) => (f.times > 1 ? own(ws, FIRST_BODY + i, 28) : null)).filter(Boolean)).toContain(
      '红牌督办（2次）',
    );
  });

  it('prints the full phone for a 审核人 who asks, with a history row and one audit entry', async () => {
    const run = await runJob(t.sessions.reviewer, { form: 'case-ledger', period: '2026', reveal: true });
    expect(run.job).toMatchObject({ state: 'done', total });
    const sheet = await sheetOf(run.job!, 'shen');
    expect(own(sheet.ws, rowOf(sheet.ws, known.number), 15)).toBe(known.contact);
    const history = t.ok<{ id: string; revealed: boolean; sha256: string; size: number; formId: string }[]>(
      'reports.history',
      {},
      t.sessions.clerk,
    );
    const h = history.find((x) => x.id === run.job!.historyId);
    expect(h).toMatchObject({ formId: 'case-ledger', revealed: true, size: sheet.bytes.length });
    expect(h!.sha256).toBe(createHash('sha256').update(sheet.bytes).digest('hex'));
    const audit = t.ok<{ method: string; username: string; detail: string }[]>(
      'audit.list',
      { recordId: h!.id },
      t.sessions.admin,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ method: 'reports.ledgerStart', username: 'shen' });
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ form: 'case-ledger', reveal: true });
  });

  it('refuses full numbers to a 录入员, and another user cannot see the job', async () => {
    const before = t.count('report_exports');
    const run = await runJob(t.sessions.clerk, { form: 'case-ledger', period: '2026', reveal: true });
    expect(run.start).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(t.count('report_exports')).toBe(before);
    const other = await dispatchAny(t.core.dispatch, {
      method: 'reports.ledgerProgress',
      input: { jobId: clerkRun.job!.id },
      session: t.sessions.reviewer,
    });
    expect(other).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('leaves no history row and no partial file when the file cannot be written', async () => {
    const before = t.count('report_exports');
    const dir = path.join(tempDir(), 'gone');
    const jobs = ledgerJobsOf(t.core.deps);
    const admin = userOf('admin');
    const job = jobs.start({ form: 'case-ledger', period: '2026', reveal: false }, admin, path.join(dir, 'x.xlsx'));
    const done = await jobs.wait(job.id, admin);
    expect(done.state).toBe('failed');
    expect(done.error).toMatch(/^导出失败/);
    expect(fs.existsSync(dir)).toBe(false);
    expect(t.count('report_exports')).toBe(before);
  });

  it('previews the first 200 rows and says how many there are', () => {
    const p = t.ok<{ html: string; rowCount: number }>(
      'reports.preview',
      { form: 'case-ledger', period: '2026' },
      t.sessions.clerk,
    );
    expect(p.rowCount).toBe(total);
    expect(p.html).toContain(`共 ${total} 条`);
    expect(p.html.match(/<tr>/g)).toHaveLength(2 + 200);
  });

  it('downloads from the host only with the run token and the session that ran the job', async () => {
    const staticDir = tempDir();
    const host = await startHost({
      dispatch: t.core.dispatch,
      staticDir,
      ledgerFile: (jobId, session) => ledgerFileForSession(t.core.deps, jobId, session),
    });
    try {
      const url = `${host.url}api/reports/ledger/${clerkRun.job!.id}`;
      const get = (headers: Record<string, string>) => fetch(url, { headers });
      expect((await get({ 'X-Zongzhi-Session': t.sessions.clerk })).status).toBe(401);
      expect((await get({ 'X-Zongzhi-Token': host.token })).status).toBe(401);
      const other = await get({ 'X-Zongzhi-Token': host.token, 'X-Zongzhi-Session': t.sessions.reviewer });
      expect(other.status).toBe(404);
      const ok = await get({ 'X-Zongzhi-Token': host.token, 'X-Zongzhi-Session': t.sessions.clerk });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-disposition')).toBe(
        `attachment; filename*=UTF-8''${encodeURIComponent('2026年度玉井镇事件台账.xlsx')}`,
      );
      expect(Buffer.from(await ok.arrayBuffer())).toEqual(clerkSheet.bytes);
    } finally {
      await host.close();
    }
  });

  it('is not exported through the one-shot export', async () => {
    const r = await dispatchAny(t.core.dispatch, {
      method: 'reports.export',
      input: { form: 'case-ledger', period: '2026' },
      session: t.sessions.clerk,
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('keeps finished workbooks in the data folder; a start clears those of a run that did not close', async () => {
    const jobs = ledgerJobsOf(t.core.deps);
    const admin = userOf('admin');
    const job = await jobs.wait(jobs.start({ form: 'case-ledger', period: '2026', reveal: false }, admin).id, admin);
    const { file } = jobs.finishedFile(job.id, admin);
    expect(file.startsWith(ledgerTempRoot(t.core.deps) + path.sep)).toBe(true);
    expect(fs.existsSync(file)).toBe(true);
    // As after a crash (this core never closed): the next start on the folder removes it. Last in
    // this file: it takes away the workbooks of the jobs above.
    const next = makeCore({ dataDir: t.dataDir });
    next.core.close();
    expect(fs.existsSync(file)).toBe(false);
  });
});
