/**
 * 网格化服务管理工作情况统计表 over demo cases (every state the definitions tell apart seeded) and
 * visits/compounds registered through the 走访 service (fixed seed and clock): the .xlsx read back
 * (cells, merges, print settings, borders, the 合计 row), every cell against its definition written
 * out as plain SQL — 入户走访 method 入户 only, 电话/视频 apart, 化解 = disputes mediated successfully,
 * 办理事项 = 受理, 办结率 = 办结 / 受理 — and against the list its number opens (one number, one query).
 */
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCases } from '../../main/core/cases/demo';
import { countVisits } from '../../main/core/fieldwork/counts';
import { PUBLIC_APPEAL_SOURCES } from '../../main/core/reports/figures/fieldwork-yearly';
import { CASE_FIGURES } from '../../shared/cases/figures';
import type { DashboardSummary } from '../../shared/api/dashboard';
import { parsePeriod } from '../../main/core/reports/periods';
import { dispatchAny } from '../../main/core/rpc/dispatcher';
import { makeCaseTownship } from '../helpers/cases';
import { dayRange, expectedRate, oracle, seedEveryState } from '../helpers/figure-oracle';
import { seedFieldwork } from '../helpers/fieldwork-seed';
import { expectPrintSetup, expectTableBorders, own, readXlsxBytes, rowValues } from '../helpers/report-xlsx';

const NOW = '2026-09-30T10:00:00+08:00';
// Columns: 序号, 村（社区）, 楼院, 入户走访, 电话/视频联系, 诉求, 化解纠纷, 办理事项, 办结, 办结率.
const LAST_COL = 10;
const FIRST_BODY = 4; // title, 填报单位 line, one header row
const YEAR = { createdFrom: '2026-01-01', createdTo: '2026-12-31' };

let t: ReturnType<typeof makeCaseTownship>;
let ws: ExcelJS.Worksheet;
let villages: { id: string; code: string; name: string }[];
let fileName: string;

async function exportSheet(input: Record<string, unknown>) {
  const r = await dispatchAny(t.core.dispatch, { method: 'reports.export', input, session: t.sessions.clerk });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const data = r.data as { fileName: string; bytes: string };
  return { fileName: data.fileName, ws: await readXlsxBytes(Buffer.from(data.bytes, 'base64')) };
}

const listTotal = (filter: object) =>
  t.ok<{ total: number }>('cases.list', { ...filter, limit: 1 }, t.sessions.clerk).total;

/** Each column as its definition counts it, in plain SQL over the rows; the year by default. */
function expected(villageId: string | undefined, from = '2026-01-01', to = '2026-12-31') {
  const sqlite = t.core.deps.conn.sqlite;
  const village = villageId ? ' AND village_id = ?' : '';
  const vp = villageId ? [villageId] : [];
  const count = (sql: string, ...params: unknown[]) =>
    Number(
      sqlite
        .prepare(sql)
        .pluck()
        .get(...params),
    );
  const visits = (methods: string) =>
    count(
      `SELECT count(*) FROM household_visits WHERE deleted_at IS NULL AND visited_on BETWEEN ? AND ?
       AND method IN (${methods})${village}`,
      from,
      to,
      ...vp,
    );
  const [start, end] = dayRange(from, to);
  const cases = oracle(sqlite, NOW, `created_at >= ? AND created_at < ?${village}`, [start, end, ...vp]);
  const appeals = count(
    `SELECT count(*) FROM cases WHERE deleted_at IS NULL AND created_at >= ? AND created_at < ?
     AND source IN ('hotline','transfer12345','walkIn')${village}`,
    start,
    end,
    ...vp,
  );
  return [
    count(
      `SELECT count(*) FROM buildings WHERE deleted_at IS NULL AND collected_on BETWEEN ? AND ?${village}`,
      from,
      to,
      ...vp,
    ),
    visits(`'in_person'`),
    visits(`'phone','video'`),
    appeals,
    cases.resolved,
    cases.accepted,
    cases.closed,
    expectedRate(cases.closed, cases.accepted),
  ];
}

beforeAll(async () => {
  t = makeCaseTownship(NOW);
  seedDemoCases(t.core.deps, { count: 2000, seed: 3, years: 1, now: new Date(NOW).toISOString() });
  seedEveryState(t.core.deps.conn.sqlite, ...dayRange('2026-08-01', '2026-09-30'));
  villages = t.ok('org.listVillages', {}, t.sessions.clerk);
  const places = [
    { villageId: t.villageA, villageName: villages[0]!.name, gridId: t.gridA },
    { villageId: t.villageB, villageName: villages[1]!.name, gridId: t.gridB },
  ];
  const common = { places, workerIds: [t.worker] };
  seedFieldwork(t, t.sessions.clerk, { ...common, from: '2026-01-01', to: '2026-09-30', visits: 240, buildings: 30 });
  // The year before: not this year's.
  seedFieldwork(t, t.sessions.clerk, {
    ...common,
    from: '2025-10-01',
    to: '2025-12-31',
    visits: 40,
    buildings: 6,
    seed: 5,
    firstNumber: 100,
  });
  const sheet = await exportSheet({ form: 'fieldwork-yearly', period: '2026' });
  ws = sheet.ws;
  fileName = sheet.fileName;
}, 120_000);
afterAll(() => t?.core.close());

describe('网格化服务管理工作情况统计表', () => {
  it('titles the sheet and heads the table', () => {
    expect(fileName).toBe('2026年度玉井镇网格化服务管理工作情况统计表.xlsx');
    expect(own(ws, 1, 1)).toBe('2026年度玉井镇网格化服务管理工作情况统计表');
    expect(rowValues(ws, 2, LAST_COL).filter(Boolean)).toEqual(['填报单位（盖章）：玉井镇综治中心', '年度：2026年度']);
    expect(rowValues(ws, 3, LAST_COL)).toEqual([
      '序号', '村（社区）', '楼院采集\n（个）', '入户走访\n（户次）', '电话/视频\n联系（次）', '收集群众\n诉求（件）',
      '化解矛盾\n纠纷（件）', '办理事项\n（件）', '办结\n（件）', '办结率',
    ]); // prettier-ignore
    const totalRow = FIRST_BODY + villages.length;
    expect([...ws.model.merges]).toEqual(expect.arrayContaining(['A1:J1', `A${totalRow}:B${totalRow}`]));
  });

  it('lists every village/community in the org’s order, zeros included', () => {
    expect(villages.length).toBeGreaterThan(2);
    villages.forEach((v, i) => {
      expect(own(ws, FIRST_BODY + i, 1)).toBe(i + 1);
      expect(own(ws, FIRST_BODY + i, 2)).toBe(v.name);
    });
    const quiet = villages.findIndex((v) => v.id !== t.villageA && v.id !== t.villageB);
    expect(rowValues(ws, FIRST_BODY + quiet, LAST_COL).slice(2)).toEqual([0, 0, 0, 0, 0, 0, 0, '—']);
  });

  it('gives each village’s cells as the definitions count them', () => {
    for (const [i, v] of villages.entries()) {
      expect(rowValues(ws, FIRST_BODY + i, LAST_COL).slice(2), v.name).toEqual(expected(v.id));
    }
    const busy = villages.findIndex((v) => v.id === t.villageA);
    const row = rowValues(ws, FIRST_BODY + busy, LAST_COL) as number[];
    // Real figures, not zeros: the seed put visits, compounds and cases of every kind here.
    for (const col of [2, 3, 4, 5, 6, 7, 8]) expect(row[col], String(col)).toBeGreaterThan(0);
  });

  it('gives each number as the total of the list it opens (one number, one query)', () => {
    const totalRow = FIRST_BODY + villages.length;
    const period = parsePeriod('2026');
    const visitsList = (method: string) =>
      t.ok<{ total: number }>(
        'visits.list',
        { from: '2026-01-01', to: '2026-12-31', method, limit: 1 },
        t.sessions.clerk,
      ).total;
    expect(own(ws, totalRow, 4)).toBe(visitsList('in_person'));
    expect(own(ws, totalRow, 4)).toBe(countVisits(t.core.deps.conn.db, { period, method: 'in_person' }));
    expect(own(ws, totalRow, 5)).toBe(visitsList('phone') + visitsList('video'));
    expect(own(ws, totalRow, 6)).toBe(
      PUBLIC_APPEAL_SOURCES.reduce((n, source) => n + listTotal({ ...YEAR, source }), 0),
    );
    expect(own(ws, totalRow, 7)).toBe(listTotal({ ...YEAR, ...CASE_FIGURES.resolved }));
    expect(own(ws, totalRow, 8)).toBe(listTotal({ ...YEAR, ...CASE_FIGURES.accepted }));
    expect(own(ws, totalRow, 9)).toBe(listTotal({ ...YEAR, ...CASE_FIGURES.closed }));
  });

  it('keeps the 合计 honest and equal to the 工作台’s year', () => {
    const total = rowValues(ws, FIRST_BODY + villages.length, LAST_COL) as number[];
    const [visits, remote, , resolved, accepted, closed] = total.slice(3);
    expect(visits! + remote!).toBe(240);
    expect(remote).toBeGreaterThan(0);
    expect(closed).toBeLessThanOrEqual(accepted!);
    expect(resolved).toBeLessThanOrEqual(accepted!);
    // 办理事项 is 受理: fewer than registered, since the year holds refused, merged and filed cases.
    expect(accepted).toBeLessThan(listTotal(YEAR));
    const y = t.ok<DashboardSummary>('dashboard.summary', {}, t.sessions.clerk).year;
    expect([y.buildings, y.visits, y.appeals, y.disputesResolved, y.accepted, y.closed, y.closedRate]).toEqual([
      total[2],
      visits,
      total[5],
      resolved,
      accepted,
      closed,
      total[9],
    ]);
  });

  it('totals the township in the 合计 row, 办结率 derived from the sums', () => {
    const totalRow = FIRST_BODY + villages.length;
    const total = rowValues(ws, totalRow, LAST_COL);
    expect(total[0]).toBe('合计');
    expect(total.slice(2)).toEqual(expected(undefined));
    expect(total[2]).toBe(30);
    expect(ws.getCell(totalRow, 3).font?.bold).toBe(true);
    expect(String(own(ws, totalRow + 1, 1))).toMatch(/^填报人/);
  });

  it('prints A4 landscape, fitted to the width, the header row on every page, every cell bordered', () => {
    expectPrintSetup(ws, 9, 'landscape', '3:3');
    expectTableBorders(ws, 3, FIRST_BODY + villages.length, LAST_COL);
    expect(ws.getCell(FIRST_BODY, 10).numFmt).toMatch(/%/);
  });

  it('counts one village for a village scope, and a quarter when asked', async () => {
    const village = villages.find((v) => v.id === t.villageB)!;
    const one = await exportSheet({ form: 'fieldwork-yearly', period: '2026', villageCode: village.code });
    expect(own(one.ws, 1, 1)).toBe(`2026年度玉井镇${village.name}网格化服务管理工作情况统计表`);
    expect(rowValues(one.ws, FIRST_BODY, LAST_COL).slice(1)).toEqual([village.name, ...expected(village.id)]);
    expect(own(one.ws, FIRST_BODY + 1, 1)).toBe('合计');
    const q3 = await exportSheet({ form: 'fieldwork-yearly', period: '2026-Q3' });
    const period = parsePeriod('2026-Q3');
    const db = t.core.deps.conn.db;
    expect(own(q3.ws, FIRST_BODY + villages.length, 4)).toBe(countVisits(db, { period, method: 'in_person' }));
    expect(rowValues(q3.ws, FIRST_BODY + villages.length, LAST_COL).slice(2)).toEqual(
      expected(undefined, '2026-07-01', '2026-09-30'),
    );
  });

  it('has no 月报', async () => {
    const r = await dispatchAny(t.core.dispatch, {
      method: 'reports.preview',
      input: { form: 'fieldwork-yearly', period: '2026-09' },
      session: t.sessions.clerk,
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
