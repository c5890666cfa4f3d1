/**
 * 矛盾纠纷排查化解情况表 over disputes registered here through the API — at both levels, mediated
 * successfully, not, terminated, not yet recorded, 重大 or not, across the people bands — and 集中排查
 * sessions written straight into the work log. The exported .xlsx is read back and every cell is
 * compared with a count made in this file from the list of what was seeded, and with the case list's
 * own totals for the same filters. Also: 办结 refused without a 调解结果, and cases.setMajorDispute.
 */
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchAny } from '../../main/core/rpc/dispatcher';
import disputeTypes from '../../resources/codes/dispute-types.json' with { type: 'json' };
import type { MajorDisputeGround, MediationLevel, MediationResult } from '../../shared/cases/codes';
import { caseInput, makeCaseTownship } from '../helpers/cases';
import { expectPrintSetup, expectTableBorders, own, readXlsxBytes, rowValues } from '../helpers/report-xlsx';

// Rows: 1 title, 2 填报单位, 3–5 header, 6 开展集中排查次数, 7–23 the 17 types, 24–27 the people bands,
// 28 重大矛盾纠纷, 29 合计, 30 signatures. Columns: 序号, 分类, 项目, then 本期 D–O and 本年累计 P–AA,
// each 乡镇（街道）/ 村（社区）/ 小计 × 排查数, 调处数, 化解数, 化解率.
const LAST_COL = 27;
const SCREENING_ROW = 6;
const FIRST_TYPE = 7;
const FIRST_BAND = 24;
const MAJOR_ROW = 28;
const TOTAL_ROW = 29;
const LEVEL_KEYS = ['township', 'village', 'all'] as const;
type Level = (typeof LEVEL_KEYS)[number];
const col = (period: 'p' | 'y', level: Level, measure: number) =>
  4 + (period === 'y' ? 12 : 0) + LEVEL_KEYS.indexOf(level) * 4 + measure;

interface Seed {
  /** Registered at (Shanghai time). */
  at: string;
  sub: string;
  people: number;
  village?: 'A' | 'B';
  major?: MajorDisputeGround[];
  level?: MediationLevel;
  result?: MediationResult;
  /** Walked to 已办结 after the result was recorded. */
  close?: boolean;
  /** Not a dispute at all (治安/安全隐患): never counted. */
  other?: boolean;
}

// In time order: the clock walks through them. The report is for October 2026.
const SEEDS: Seed[] = [
  { at: '2025-12-15T10:00+08:00', sub: '02', people: 2, level: 'village', result: 'success', close: true },
  { at: '2026-03-10T10:00+08:00', sub: '02', people: 3, level: 'village', result: 'success', close: true },
  { at: '2026-03-11T10:00+08:00', sub: '07', people: 60, level: 'township', result: 'failure', village: 'B' },
  { at: '2026-05-06T10:00+08:00', sub: '09', people: 500, major: ['crowd', 'stability'], level: 'township' },
  { at: '2026-06-01T10:00+08:00', sub: '01', people: 2 },
  { at: '2026-10-08T09:00+08:00', sub: '02', people: 1, level: 'village', result: 'success', close: true },
  { at: '2026-10-08T10:00+08:00', sub: '02', people: 49, level: 'village', result: 'success' },
  { at: '2026-10-09T10:00+08:00', sub: '02', people: 50, level: 'township', result: 'failure', close: true },
  { at: '2026-10-09T11:00+08:00', sub: '06', people: 99, level: 'township', result: 'success', major: ['amount'] },
  { at: '2026-10-10T10:00+08:00', sub: '06', people: 100, level: 'village', result: 'terminated', village: 'B' },
  { at: '2026-10-12T10:00+08:00', sub: '11', people: 499, level: 'township', major: ['escalation'] },
  { at: '2026-10-12T11:00+08:00', sub: '11', people: 800, level: 'township', result: 'success', close: true },
  { at: '2026-10-13T10:00+08:00', sub: '16', people: 4, major: ['amount', 'escalation'] },
  { at: '2026-10-13T11:00+08:00', sub: '16', people: 4, village: 'B' },
  { at: '2026-10-14T10:00+08:00', sub: '99', people: 2, level: 'village', result: 'success', village: 'B' },
  { at: '2026-10-15T10:00+08:00', sub: '01', people: 2, other: true },
  { at: '2026-11-02T10:00+08:00', sub: '02', people: 2, level: 'village', result: 'success' },
];

/** 集中排查 sessions as the work log holds them; only live 矛盾纠纷集中排查 entries count. */
const LOGS = [
  { day: '2025-12-20', village: 'A', kind: 'disputeScreening' },
  { day: '2026-03-05', village: 'A', kind: 'disputeScreening' },
  { day: '2026-10-09', village: 'A', kind: 'disputeScreening' },
  { day: '2026-10-21', village: 'A', kind: 'disputeScreening' },
  { day: '2026-10-31', village: 'B', kind: 'disputeScreening' },
  { day: '2026-10-12', village: 'B', kind: 'publicity' },
  { day: '2026-10-13', village: 'B', kind: 'disputeScreening', deleted: true },
  { day: '2026-11-01', village: 'A', kind: 'disputeScreening' },
] as const;

let t: ReturnType<typeof makeCaseTownship>;
let ws: ExcelJS.Worksheet;
let villageWs: ExcelJS.Worksheet;
const ids: string[] = [];

async function exportSheet(input: Record<string, unknown>) {
  const r = await dispatchAny(t.core.dispatch, { method: 'reports.export', input, session: t.sessions.clerk });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return readXlsxBytes(Buffer.from((r.data as { bytes: string }).bytes, 'base64'));
}

const step = (action: string, payload: Record<string, unknown> = {}) => ({ action, payload });

function seedCase(s: Seed): string {
  t.at(s.at);
  const sessions = t.fresh();
  const toFedBack = [
    step('report'),
    step('accept'),
    step('assign', { assignee: { kind: 'gridWorker', id: t.worker, name: '王网格' } }),
    step('resolve', { result: '已调解' }),
    step('feedback', { note: '已告知双方' }),
  ];
  const input = caseInput(s.village === 'B' ? t.gridB : t.gridA, {
    occurredAt: new Date(+new Date(s.at) - 3_600_000).toISOString(),
    subcategoryCode: s.sub,
    peopleInvolved: s.people,
    then: s.close ? toFedBack : [],
    ...(s.other ? { categoryCode: '02', subcategoryCode: '01' } : {}),
    ...(s.major ? { majorDispute: true, majorGrounds: s.major } : {}),
  });
  const id = t.ok<{ case: { id: string } }>('cases.create', input, sessions.clerk).case.id;
  if (s.level) {
    const mediation = { id, method: 'people', organisation: '调委会', responsible: '赵调解', outcome: null };
    t.ok('cases.setMediation', { ...mediation, level: s.level, result: s.result ?? null }, sessions.clerk);
  }
  if (s.close) t.ok('cases.act', { id, action: 'close', payload: {} }, sessions.reviewer);
  return id;
}

// The independent count: what was seeded, filtered in plain code.
const inPeriod = (s: Seed, from: string, village?: 'A' | 'B') =>
  !s.other &&
  s.at.slice(0, 10) >= from &&
  s.at.slice(0, 10) <= '2026-10-31' &&
  (!village || (s.village ?? 'A') === village);
const atLevel = (s: Seed, level: Level) => level === 'all' || s.level === level;
// As the sheet holds a rate: the fraction rounded to 0.01 %, and `—` when nothing was found to rate.
const rate = (n: number, d: number) => (d > 0 ? Math.round((n * 10_000) / d) / 10_000 : '—');

/** The twelve cells of one period for the seeds a row takes. */
function periodCells(rowTakes: (s: Seed) => boolean, from: string, village?: 'A' | 'B') {
  return LEVEL_KEYS.flatMap((level) => {
    const found = SEEDS.filter((s) => inPeriod(s, from, village) && rowTakes(s) && atLevel(s, level));
    const mediated = found.filter((s) => s.result).length;
    const resolved = found.filter((s) => s.result === 'success').length;
    return [found.length, mediated, resolved, rate(resolved, found.length)];
  });
}
const expectedRow = (rowTakes: (s: Seed) => boolean, village?: 'A' | 'B') => [
  ...periodCells(rowTakes, '2026-10-01', village),
  ...periodCells(rowTakes, '2026-01-01', village),
];
const BANDS: [number, number][] = [
  [1, 49],
  [50, 99],
  [100, 499],
  [500, Infinity],
];

beforeAll(async () => {
  t = makeCaseTownship('2025-12-01T09:00:00+08:00');
  for (const s of SEEDS) ids.push(seedCase(s));
  const insert = t.core.deps.conn.sqlite.prepare(
    `INSERT INTO work_logs (id, created_at, updated_at, updated_by, deleted_at, worked_on, village_id, grid_id,
       worker_id, worker_name, kind, content, people_reached)
     VALUES (?, ?, ?, 'test', ?, ?, ?, ?, NULL, '王网格', ?, '矛盾纠纷集中排查', 12)`,
  );
  LOGS.forEach((l, i) => {
    const at = `${l.day}T02:00:00.000Z`;
    const [village, grid] = l.village === 'A' ? [t.villageA, t.gridA] : [t.villageB, t.gridB];
    const deleted = 'deleted' in l ? at : null;
    insert.run(`00000000-0000-7000-8000-${String(i).padStart(12, '0')}`, at, at, deleted, l.day, village, grid, l.kind);
  });
  t.at('2026-11-02T10:00+08:00');
  t.fresh();
  ws = await exportSheet({ form: 'disputes', period: '2026-10', signatures: { date: '2026-11-02' } });
  const { code } = t.core.deps.conn.sqlite.prepare('SELECT code FROM villages WHERE id = ?').get(t.villageB) as {
    code: string;
  };
  villageWs = await exportSheet({ form: 'disputes', period: '2026-10', villageCode: code });
});
afterAll(() => t?.core.close());

describe('矛盾纠纷排查化解情况表', () => {
  it('heads 本期 and 本年累计, each by 乡镇（街道）, 村（社区） and 小计, over 排查 / 调处 / 化解 / 化解率', () => {
    expect(own(ws, 1, 1)).toBe('2026年10月玉井镇矛盾纠纷排查化解情况表');
    const blank = (n: number) => Array(n).fill(null);
    expect(rowValues(ws, 3, LAST_COL)).toEqual([
      '序号',
      '分类',
      '项目',
      '本期',
      ...blank(11),
      '本年累计',
      ...blank(11),
    ]);
    const levels = ['乡镇（街道）', ...blank(3), '村（社区）', ...blank(3), '小计', ...blank(3)];
    expect(rowValues(ws, 4, LAST_COL)).toEqual([null, null, null, ...levels, ...levels]);
    const four = ['排查数\n（件）', '调处数\n（件）', '化解数\n（件）', '化解率'];
    expect(rowValues(ws, 5, LAST_COL)).toEqual([null, null, null, ...Array(6).fill(four).flat()]);
    const merges = [...ws.model.merges];
    for (const m of ['A3:A5', 'B3:B5', 'C3:C5', 'D3:O3', 'P3:AA3', 'D4:G4', 'H4:K4', 'L4:O4', 'X4:AA4']) {
      expect(merges).toContain(m);
    }
    expect(merges).toContain(`A${TOTAL_ROW}:C${TOTAL_ROW}`);
    expect(merges).toContain(`B${FIRST_TYPE}:B${FIRST_BAND - 1}`);
    expect(merges).toContain(`B${FIRST_BAND}:B${MAJOR_ROW - 1}`);
  });

  it('numbers the rows: 集中排查, every GB/T 31000 type, the people bands, 重大矛盾纠纷', () => {
    expect(rowValues(ws, SCREENING_ROW, 3)).toEqual([1, '集中排查', '开展集中排查次数（次）']);
    const types = disputeTypes.types.map((d) => d.name);
    expect(types).toHaveLength(17);
    types.forEach((name, i) => {
      expect(rowValues(ws, FIRST_TYPE + i, 3)).toEqual([i + 2, i === 0 ? '按纠纷类型' : null, name]);
    });
    expect([0, 1, 2, 3].map((i) => own(ws, FIRST_BAND + i, 3))).toEqual([
      '50人以下',
      '50—99人',
      '100—499人',
      '500人以上',
    ]);
    expect(rowValues(ws, MAJOR_ROW, 3)).toEqual([23, '其中', '重大矛盾纠纷']);
    expect(own(ws, TOTAL_ROW, 1)).toBe('合计');
  });

  it('counts 开展集中排查次数 from the work log under 小计 only, with no rate', () => {
    const row = rowValues(ws, SCREENING_ROW, LAST_COL);
    // October: 9th, 21st (A) and 31st (B); the year adds 5 March. Deleted, other kinds, Dec and Nov do not count.
    expect(row[col('p', 'all', 0) - 1]).toBe(3);
    expect(row[col('y', 'all', 0) - 1]).toBe(4);
    const others = row.slice(3).filter((_, i) => i + 4 !== col('p', 'all', 0) && i + 4 !== col('y', 'all', 0));
    // Counts left empty; the rate columns say there is nothing to rate.
    expect(others.every((v) => v === null || v === '—')).toBe(true);
    expect(own(villageWs, SCREENING_ROW, col('p', 'all', 0))).toBe(1);
    expect(own(villageWs, SCREENING_ROW, col('y', 'all', 0))).toBe(1);
  });

  it('counts every cell of every case row as the seeded list says', () => {
    disputeTypes.types.forEach((d, i) => {
      expect(rowValues(ws, FIRST_TYPE + i, LAST_COL).slice(3), d.name).toEqual(expectedRow((s) => s.sub === d.code));
    });
    BANDS.forEach(([lo, hi], i) => {
      const takes = (s: Seed) => s.people >= lo && s.people <= hi;
      expect(rowValues(ws, FIRST_BAND + i, LAST_COL).slice(3), `${lo}–${hi}`).toEqual(expectedRow(takes));
    });
    expect(rowValues(ws, MAJOR_ROW, LAST_COL).slice(3)).toEqual(expectedRow((s) => s.major !== undefined));
    expect(rowValues(ws, TOTAL_ROW, LAST_COL).slice(3)).toEqual(expectedRow(() => true));
  });

  it('spells out the October totals (a check on the check)', () => {
    // 本期 乡镇: 50人 failure, 99人 success, 499人 (no result), 800人 success → 4 / 3 / 2 / 50.00 %.
    // 村: 1 and 49 success, 100 terminated, 99 其他 success → 4 / 4 / 3 / 75.00 %; 小计 adds the two unmediated 16s.
    expect(rowValues(ws, TOTAL_ROW, 15).slice(3)).toEqual([4, 3, 2, 0.5, 4, 4, 3, 0.75, 10, 7, 5, 0.5]);
    // The year: March's 2 (村 success) and 7 (乡镇 failure), May's 9 (乡镇, 重大) and June's 01 (no level).
    expect(rowValues(ws, TOTAL_ROW, LAST_COL).slice(15)).toEqual([6, 4, 2, 0.3333, 5, 5, 4, 0.8, 14, 9, 6, 0.4286]);
  });

  it('takes one village as scope', () => {
    for (const [r, takes] of [
      [TOTAL_ROW, () => true],
      [MAJOR_ROW, (s: Seed) => s.major !== undefined],
      [FIRST_TYPE + 5, (s: Seed) => s.sub === '06'],
    ] as const) {
      expect(rowValues(villageWs, r, LAST_COL).slice(3)).toEqual(expectedRow(takes, 'B'));
    }
  });

  it('gives the numbers the case list shows for the same filters', () => {
    const list = (filter: Record<string, unknown>) =>
      t.ok<{ total: number }>('cases.list', { categoryCode: '01', ...filter, limit: 1 }, t.sessions.clerk).total;
    const month = { createdFrom: '2026-10-01', createdTo: '2026-10-31' };
    const year = { createdFrom: '2026-01-01', createdTo: '2026-10-31' };
    const all = ['success', 'failure', 'terminated'];
    expect(own(ws, MAJOR_ROW, col('p', 'all', 0))).toBe(list({ ...month, majorDispute: true }));
    expect(own(ws, MAJOR_ROW, col('y', 'township', 0))).toBe(
      list({ ...year, majorDispute: true, mediationLevel: 'township' }),
    );
    expect(own(ws, TOTAL_ROW, col('p', 'village', 1))).toBe(
      list({ ...month, mediationLevel: 'village', mediationResults: all }),
    );
    expect(own(ws, TOTAL_ROW, col('y', 'all', 2))).toBe(list({ ...year, mediationResults: ['success'] }));
    expect(own(ws, FIRST_BAND + 1, col('p', 'township', 0))).toBe(
      list({ ...month, peopleFrom: 50, peopleTo: 99, mediationLevel: 'township' }),
    );
    expect(own(ws, FIRST_BAND + 3, col('y', 'all', 0))).toBe(list({ ...year, peopleFrom: 500 }));
  });

  it('borders every cell, prints A3 landscape one page wide with the three header rows repeated', () => {
    expectTableBorders(ws, 3, TOTAL_ROW, LAST_COL);
    expectPrintSetup(ws, 8, 'landscape', '3:5');
    expect(ws.getCell(TOTAL_ROW, 4).font?.bold).toBe(true);
    expect(ws.getCell(FIRST_TYPE, col('p', 'all', 3)).numFmt).toContain('%');
    expect(rowValues(ws, TOTAL_ROW + 1, LAST_COL).filter(Boolean)).toContain('填报日期：2026年11月02日');
  });
});

describe('调解结果 and 办结', () => {
  it('refuses to close a dispute without a 调解结果, writing nothing', () => {
    const s = t.fresh();
    const id = seedCase({ at: '2026-11-02T11:00+08:00', sub: '02', people: 2 });
    for (const a of ['report', 'accept']) t.ok('cases.act', { id, action: a, payload: {} }, s.clerk);
    const assignee = { kind: 'gridWorker', id: t.worker, name: '王网格' };
    t.ok('cases.act', { id, action: 'assign', payload: { assignee } }, s.clerk);
    t.ok('cases.act', { id, action: 'resolve', payload: { result: '已调解' } }, s.clerk);
    t.ok('cases.act', { id, action: 'feedback', payload: { note: '已告知' } }, s.clerk);
    const audit = t.count('audit_log');
    const events = t.count('case_events');
    expect(t.call('cases.act', { id, action: 'close', payload: {} }, s.reviewer)).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: '矛盾纠纷须先登记调解结果（调解成功、调解不成或终止调解），才能办结',
      },
    });
    expect([t.count('audit_log'), t.count('case_events')]).toEqual([audit, events]);
    const mediation = { id, method: 'people', organisation: '调委会', responsible: '赵调解', outcome: null };
    // A result needs the level it was mediated at: the form counts 调处 and 化解 by level.
    expect(t.call('cases.setMediation', { ...mediation, level: null, result: 'success' }, s.clerk)).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        issues: [{ path: ['level'], message: '登记调解结果时请选择调解层级（乡镇（街道） 或 村（社区））' }],
      },
    });
    t.ok('cases.setMediation', { ...mediation, level: 'village', result: 'success' }, s.clerk);
    const closed = t.ok<{ case: { state: string } }>('cases.act', { id, action: 'close', payload: {} }, s.reviewer);
    expect(closed.case.state).toBe('closed');
  });
});

describe('cases.setMajorDispute', () => {
  const row = (id: string) =>
    t.core.deps.conn.sqlite.prepare('SELECT major_dispute, major_grounds FROM cases WHERE id = ?').get(id);

  it('needs grounds when flagged and none when not, naming the field', () => {
    const s = t.fresh();
    const id = seedCase({ at: '2026-11-02T12:00+08:00', sub: '02', people: 2 });
    for (const [input, message] of [
      [{ majorDispute: true, majorGrounds: [] }, '请选择重大矛盾纠纷的认定依据（至少一项）'],
      [{ majorDispute: false, majorGrounds: ['amount'] }, '未认定为重大矛盾纠纷时不应填写认定依据'],
    ] as const) {
      expect(t.call('cases.setMajorDispute', { id, ...input }, s.clerk)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', issues: [{ path: ['majorGrounds'], message }] },
      });
    }
    expect(t.call('cases.setMajorDispute', { id, majorDispute: true, majorGrounds: ['big'] }, s.clerk)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: ['majorGrounds', 0] }] },
    });
    expect(row(id)).toEqual({ major_dispute: 0, major_grounds: null });
  });

  it('flags an open dispute with a timeline row and an audit entry, and clears it again', () => {
    const s = t.fresh();
    const id = seedCase({ at: '2026-11-02T13:00+08:00', sub: '02', people: 2 });
    const audit = t.count('audit_log');
    const flagged = t.ok<{ case: { majorDispute: boolean; majorGrounds: string[] }; events: { text: string }[] }>(
      'cases.setMajorDispute',
      { id, majorDispute: true, majorGrounds: ['stability', 'amount', 'amount'] },
      s.clerk,
    );
    // Kept once each, in the code list's order.
    expect(flagged.case).toMatchObject({ majorDispute: true, majorGrounds: ['amount', 'stability'] });
    expect(flagged.events.at(-1)!.text).toBe('认定为重大矛盾纠纷（涉及金额较大、影响社会稳定）');
    expect(row(id)).toEqual({ major_dispute: 1, major_grounds: '["amount","stability"]' });
    const entry = t.core.deps.conn.sqlite
      .prepare('SELECT method, record_id AS recordId FROM audit_log ORDER BY rowid DESC LIMIT 1')
      .get();
    expect(entry).toEqual({ method: 'cases.setMajorDispute', recordId: id });
    expect(t.count('audit_log')).toBe(audit + 1);
    const list = t.ok<{ rows: { id: string }[] }>('cases.list', { majorDispute: true, limit: 500 }, s.clerk);
    expect(list.rows.map((r) => r.id)).toContain(id);

    const cleared = t.ok<{ case: { majorDispute: boolean; majorGrounds: string[] }; events: { text: string }[] }>(
      'cases.setMajorDispute',
      { id, majorDispute: false, majorGrounds: [] },
      s.clerk,
    );
    expect(cleared.case).toMatchObject({ majorDispute: false, majorGrounds: [] });
    expect(cleared.events.at(-1)!.text).toBe('取消重大矛盾纠纷认定');
    expect(row(id)).toEqual({ major_dispute: 0, major_grounds: null });
  });

  it('refuses a case that is not a dispute, and a dispute that has ended', () => {
    const s = t.fresh();
    const other = seedCase({ at: '2026-11-02T14:00+08:00', sub: '01', people: 2, other: true });
    const flag = { majorDispute: true, majorGrounds: ['escalation'] };
    expect(t.call('cases.setMajorDispute', { id: other, ...flag }, s.clerk)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '只有矛盾纠纷类事件才能认定为重大矛盾纠纷' },
    });
    const input = caseInput(t.gridA, { categoryCode: '02', subcategoryCode: '01', ...flag });
    expect(t.call('cases.create', input, s.clerk)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: ['majorDispute'] }] },
    });
    const closed = ids[0]!; // the first seed was closed
    expect(t.call('cases.setMajorDispute', { id: closed, ...flag }, s.clerk)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '事件已结束，不能再修改重大矛盾纠纷认定' },
    });
  });
});
