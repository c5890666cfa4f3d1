/**
 * 网格化服务管理工作情况统计表 over demo cases and visits/compounds registered through the 走访
 * service (fixed seed and clock): the .xlsx read back (cells, merges, print settings, borders, the
 * 合计 row), and every cell equal to the function its own form or list counts with for the same
 * period and village — countBuildings, countVisits, the case list's source filter, the 矛盾纠纷
 * form's 成功数 and the 网格事件处置情况统计表's 受理数 and 办结数 (one number, one query).
 */
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCases } from '../../main/core/cases/demo';
import { countBuildings, countVisits } from '../../main/core/fieldwork/counts';
import { CASE_HANDLING_FILTERS } from '../../main/core/reports/figures/case-handling';
import { disputeCategoryCodes, disputeFigures } from '../../main/core/reports/figures/disputes';
import { PUBLIC_APPEAL_SOURCES } from '../../main/core/reports/figures/fieldwork-yearly';
import { parsePeriod } from '../../main/core/reports/periods';
import { dispatchAny } from '../../main/core/rpc/dispatcher';
import { makeCaseTownship } from '../helpers/cases';
import { seedFieldwork } from '../helpers/fieldwork-seed';
import { expectPrintSetup, expectTableBorders, own, readXlsxBytes, rowValues } from '../helpers/report-xlsx';

const NOW = '2026-09-30T10:00:00+08:00';
// Columns: 序号, 村（社区）, 楼院, 走访, 诉求, 纠纷, 办理事项, 办结, 办结率.
const LAST_COL = 9;
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

/** Each column as the function the other form or list counts it with. */
function expected(villageId: string | undefined, period = parsePeriod('2026')) {
  const db = t.core.deps.conn.db;
  const scope = { ...YEAR, ...(villageId ? { villageId } : {}) };
  const disputes = disputeFigures(
    { db, now: new Date(NOW).toISOString(), user: null },
    { categoryCodes: disputeCategoryCodes(db), villageId: villageId ?? null, from: period.start, to: period.end },
  );
  const place = { period, ...(villageId ? { villageId } : {}) };
  const received = listTotal({ ...scope, ...CASE_HANDLING_FILTERS.received });
  const closed = listTotal({ ...scope, ...CASE_HANDLING_FILTERS.closed });
  return [
    countBuildings(db, place),
    countVisits(db, place),
    PUBLIC_APPEAL_SOURCES.reduce((n, source) => n + listTotal({ ...scope, source }), 0),
    disputes.total.all.resolved,
    received,
    closed,
    received ? Math.round((closed / received) * 10000) / 10000 : null,
  ];
}

beforeAll(async () => {
  t = makeCaseTownship(NOW);
  seedDemoCases(t.core.deps, { count: 2000, seed: 3, years: 1, now: new Date(NOW).toISOString() });
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
      '序号', '村（社区）', '楼院采集\n（个）', '入户走访\n（户次）', '收集群众\n诉求（件）', '化解矛盾\n纠纷（件）',
      '办理事项\n（件）', '办结\n（件）', '办结率',
    ]); // prettier-ignore
    const totalRow = FIRST_BODY + villages.length;
    expect([...ws.model.merges]).toEqual(expect.arrayContaining(['A1:I1', `A${totalRow}:B${totalRow}`]));
  });

  it('lists every village/community in the org’s order, zeros included', () => {
    expect(villages.length).toBeGreaterThan(2);
    villages.forEach((v, i) => {
      expect(own(ws, FIRST_BODY + i, 1)).toBe(i + 1);
      expect(own(ws, FIRST_BODY + i, 2)).toBe(v.name);
    });
    const quiet = villages.findIndex((v) => v.id !== t.villageA && v.id !== t.villageB);
    expect(rowValues(ws, FIRST_BODY + quiet, LAST_COL).slice(2)).toEqual([0, 0, 0, 0, 0, 0, null]);
  });

  it('gives each village’s cells as the other forms and lists count them (one number, one query)', () => {
    for (const [i, v] of villages.entries()) {
      expect(rowValues(ws, FIRST_BODY + i, LAST_COL).slice(2), v.name).toEqual(expected(v.id));
    }
    const busy = villages.findIndex((v) => v.id === t.villageA);
    const row = rowValues(ws, FIRST_BODY + busy, LAST_COL) as number[];
    // Real figures, not zeros: the seed put visits, compounds and cases of every kind here.
    for (const col of [2, 3, 4, 5, 6, 7]) expect(row[col], String(col)).toBeGreaterThan(0);
  });

  it('totals the township in the 合计 row, 办结率 derived from the sums', () => {
    const totalRow = FIRST_BODY + villages.length;
    const total = rowValues(ws, totalRow, LAST_COL);
    expect(total[0]).toBe('合计');
    expect(total.slice(2)).toEqual(expected(undefined));
    expect(total[3]).toBe(240);
    expect(total[2]).toBe(30);
    expect(ws.getCell(totalRow, 3).font?.bold).toBe(true);
    expect(String(own(ws, totalRow + 1, 1))).toMatch(/^填报人/);
  });

  it('prints A4 landscape, fitted to the width, the header row on every page, every cell bordered', () => {
    expectPrintSetup(ws, 9, 'landscape', '3:3');
    expectTableBorders(ws, 3, FIRST_BODY + villages.length, LAST_COL);
    expect(ws.getCell(FIRST_BODY, 9).numFmt).toMatch(/%/);
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
    expect(own(q3.ws, FIRST_BODY + villages.length, 4)).toBe(countVisits(db, { period }));
    expect(own(q3.ws, FIRST_BODY + villages.length, 4)).toBeLessThan(240);
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
