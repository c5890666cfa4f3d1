/**
 * 网格事件处置情况统计表 over demo cases (fixed seed and clock) with the month holding cases in every
 * state the definitions tell apart (不予受理, 合并, 备案, 就地化解, 超期): the .xlsx read back (cells,
 * merges, print settings, borders), every figure against its definition written out as plain SQL
 * (tests/helpers/figure-oracle.ts) and against the total of the case list its filter opens, the 合计
 * invariants, and the 合计 equal to the 工作台's numbers for the same month.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCases } from '../../main/core/cases/demo';
import { loadTaxonomy } from '../../main/core/cases/taxonomy-store';
import { CASE_HANDLING_FILTERS, type CaseHandlingKey } from '../../main/core/reports/figures/case-handling';
import { dispatchAny } from '../../main/core/rpc/dispatcher';
import type { DashboardSummary } from '../../shared/api/dashboard';
import { makeCaseTownship } from '../helpers/cases';
import { tempDir } from '../helpers/core';
import { dayRange, expectedRate, oracle, seedEveryState, type OracleCounts } from '../helpers/figure-oracle';
import { expectPrintSetup, expectTableBorders, own, readXlsxBytes, rowValues } from '../helpers/report-xlsx';
import { SYSTEM_PYTHON, skipWithoutReader } from '../helpers/independent-reader';

const NOW = '2026-09-30T10:00:00+08:00';
const MONTH = { createdFrom: '2026-09-01', createdTo: '2026-09-30' };
// Columns: 序号, 事件类别, 登记, 受理, 不予受理, 交办, 办结, 按期办结, 超期, 就地化解, 办结率, 按期办结率.
const LAST_COL = 12;
const COUNT_COLS: [CaseHandlingKey, number][] = [
  ['registered', 3],
  ['accepted', 4],
  ['rejected', 5],
  ['assigned', 6],
  ['closed', 7],
  ['onTime', 8],
  ['overdue', 9],
  ['onSpot', 10],
];

let t: ReturnType<typeof makeCaseTownship>;
let ws: ExcelJS.Worksheet;
let categories: { code: string; name: string }[];
let totalRow: number;
let xlsx: { fileName: string; bytes: Buffer };

async function exportSheet(input: Record<string, unknown>) {
  const r = await dispatchAny(t.core.dispatch, { method: 'reports.export', input, session: t.sessions.clerk });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const data = r.data as { fileName: string; bytes: string };
  const bytes = Buffer.from(data.bytes, 'base64');
  return { fileName: data.fileName, bytes, ws: await readXlsxBytes(bytes) };
}

/** The case list's total for a filter, as the 事件 page shows it. */
const listTotal = (filter: object) =>
  t.ok<{ total: number }>('cases.list', { ...filter, limit: 1 }, t.sessions.clerk).total;

/** The definitions as plain SQL over September's cases, optionally of one 大类. */
function expected(categoryCode?: string): OracleCounts {
  const [start, end] = dayRange(MONTH.createdFrom, MONTH.createdTo);
  const where = `created_at >= ? AND created_at < ?${categoryCode ? ' AND category_code = ?' : ''}`;
  return oracle(t.core.deps.conn.sqlite, NOW, where, [start, end, ...(categoryCode ? [categoryCode] : [])]);
}

/** A row of the form as the definitions say it should print. */
const expectedRow = (o: OracleCounts) => [
  ...COUNT_COLS.map(([k]) => o[k]),
  expectedRate(o.closed, o.accepted),
  expectedRate(o.onTime, o.closed),
];

beforeAll(async () => {
  t = makeCaseTownship(NOW);
  seedDemoCases(t.core.deps, { count: 3000, seed: 11, years: 1, now: new Date(NOW).toISOString() });
  seedEveryState(t.core.deps.conn.sqlite, ...dayRange(MONTH.createdFrom, MONTH.createdTo));
  categories = loadTaxonomy(t.core.deps.conn.db).categories;
  totalRow = 5 + categories.length;
  const sheet = await exportSheet({ form: 'case-handling', period: '2026-09' });
  ws = sheet.ws;
  xlsx = sheet;
  expect(sheet.fileName).toBe('2026年9月玉井镇网格事件处置情况统计表.xlsx');
});
afterAll(() => t?.core.close());

describe('网格事件处置情况统计表', () => {
  it('titles the sheet and heads the table in two rows, 办结情况 over its three columns', () => {
    expect(own(ws, 1, 1)).toBe('2026年9月玉井镇网格事件处置情况统计表');
    expect(rowValues(ws, 2, LAST_COL).filter(Boolean)).toEqual(['填报单位（盖章）：玉井镇综治中心', '月份：2026年9月']);
    expect(rowValues(ws, 3, LAST_COL)).toEqual([
      '序号',
      '事件类别',
      '登记数\n（件）',
      '受理数\n（件）',
      '不予\n受理数',
      '交办数\n（件）',
      '办结情况（件）',
      null,
      null,
      '就地\n化解数',
      '办结率',
      '按期\n办结率',
    ]);
    expect(rowValues(ws, 4, LAST_COL).filter(Boolean)).toEqual(['办结数', '按期\n办结数', '超期数']);
    const merges = [...ws.model.merges];
    for (const m of ['A1:L1', 'A3:A4', 'B3:B4', 'C3:C4', 'F3:F4', 'G3:I3', 'J3:J4', 'K3:K4', 'L3:L4', 'A10:B10']) {
      expect(merges).toContain(m);
    }
  });

  it('holds cases in every state the definitions tell apart', () => {
    const states = t.core.deps.conn.sqlite
      .prepare(`SELECT DISTINCT state FROM cases WHERE created_at >= ? AND created_at < ?`)
      .pluck()
      .all(...dayRange(MONTH.createdFrom, MONTH.createdTo));
    expect(states).toEqual(
      expect.arrayContaining(['reported', 'assigned', 'handling', 'closed', 'rejected', 'merged', 'filed']),
    );
    const all = expected();
    expect(all.onSpot).toBe(2);
    expect(all.overdue).toBeGreaterThan(0);
    expect(all.onTime).toBeLessThan(all.closed);
    expect(all.resolved).toBeGreaterThan(0);
  });

  it('prints every 大类 of the taxonomy in order, each figure as its definition counts it', () => {
    expect(categories.map((c) => c.name)).toEqual(['矛盾纠纷', '治安/安全隐患', '民生服务', '突发事件', '其他']);
    categories.forEach((c, i) => {
      expect(rowValues(ws, 5 + i, LAST_COL), c.name).toEqual([i + 1, c.name, ...expectedRow(expected(c.code))]);
    });
    expect(rowValues(ws, totalRow, LAST_COL)).toEqual(['合计', null, ...expectedRow(expected())]);
    expect(ws.getCell(totalRow, 3).font?.bold).toBe(true);
    expect(ws.getCell(totalRow, 11).numFmt).toBe(ws.getCell(5, 11).numFmt);
  });

  it('prints — for a rate with nothing to divide by', async () => {
    const empty = await exportSheet({ form: 'case-handling', period: '2024-01' });
    expect(rowValues(empty.ws, 5, LAST_COL).slice(2)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, '—', '—']);
    expect(rowValues(empty.ws, totalRow, LAST_COL).slice(2)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, '—', '—']);
  });

  it('keeps the 合计 honest: 受理 ≤ 登记, 办结 ≤ 受理, 按期办结 ≤ 办结, 受理 + 不予受理 ≤ 登记', () => {
    for (let r = 5; r <= totalRow; r++) {
      const [registered, accepted, rejected, assigned, closed, onTime] = rowValues(ws, r, 8).slice(2) as number[];
      expect(accepted).toBeLessThanOrEqual(registered!);
      expect(accepted! + rejected!).toBeLessThanOrEqual(registered!);
      expect(closed).toBeLessThanOrEqual(accepted!);
      expect(assigned).toBeLessThanOrEqual(accepted!);
      expect(onTime).toBeLessThanOrEqual(closed!);
    }
    // The month's merged and filed cases are registered but neither accepted nor refused.
    const total = expected();
    expect(total.accepted + total.rejected).toBeLessThan(total.registered);
  });

  it('gives every figure as the total of the case list its filter opens (one number, one query)', () => {
    categories.forEach((c, i) => {
      for (const [key, col] of COUNT_COLS) {
        const filter = { ...MONTH, categoryCode: c.code, ...CASE_HANDLING_FILTERS[key] };
        expect(own(ws, 5 + i, col), `${c.name} ${key}`).toBe(listTotal(filter));
      }
    });
    for (const [key, col] of COUNT_COLS) {
      expect(own(ws, totalRow, col), key).toBe(listTotal({ ...MONTH, ...CASE_HANDLING_FILTERS[key] }));
    }
  });

  it('prints the 工作台’s numbers for the same month in the 合计 row', () => {
    const summary = t.ok<DashboardSummary>('dashboard.summary', {}, t.sessions.clerk);
    expect(summary.month).toEqual({ from: '2026-09-01', to: '2026-09-30' });
    expect(own(ws, totalRow, 3)).toBe(summary.tiles.monthRegistered);
    expect(own(ws, totalRow, 4)).toBe(summary.tiles.monthAccepted);
    expect(own(ws, totalRow, 7)).toBe(summary.tiles.monthClosed);
    expect(own(ws, totalRow, 10)).toBe(summary.tiles.monthOnSpot);
    expect(own(ws, totalRow, 11)).toBe(summary.rate);
    expect(summary.tiles.monthResolved).toBe(expected().resolved);
  });

  it('borders every table cell and prints A4 landscape, one page wide, header rows repeated', () => {
    expectTableBorders(ws, 3, totalRow, LAST_COL);
    expectPrintSetup(ws, 9, 'landscape', '3:4');
  });

  it('takes one village as scope: its cases only, every 大类 still listed', async () => {
    const village = t.core.deps.conn.sqlite.prepare('SELECT code, name FROM villages WHERE id = ?').get(t.villageA) as {
      code: string;
      name: string;
    };
    const one = await exportSheet({ form: 'case-handling', period: '2026-Q3', villageCode: village.code });
    expect(own(one.ws, 1, 1)).toBe(`2026年第三季度玉井镇${village.name}网格事件处置情况统计表`);
    expect(own(one.ws, totalRow, 1)).toBe('合计');
    const quarter = { createdFrom: '2026-07-01', createdTo: '2026-09-30', villageId: t.villageA };
    const received = listTotal(quarter);
    expect(received).toBeGreaterThan(0);
    expect(received).toBeLessThan(listTotal({ createdFrom: '2026-07-01', createdTo: '2026-09-30' }));
    expect(own(one.ws, totalRow, 3)).toBe(received);
    expect(own(one.ws, totalRow, 9)).toBe(listTotal({ ...quarter, late: true }));
    expect(own(one.ws, totalRow, 4)).toBe(listTotal({ ...quarter, ...CASE_HANDLING_FILTERS.accepted }));
  });

  it('is on the 报表 page’s list of forms', () => {
    const forms = t.ok<{ forms: { id: string; name: string; scopes: string[] }[] }>(
      'reports.list',
      {},
      t.sessions.clerk,
    );
    expect(forms.forms.find((f) => f.id === 'case-handling')).toMatchObject({
      name: '网格事件处置情况统计表',
      scopes: ['township', 'village'],
    });
  });

  const python = SYSTEM_PYTHON;

  it.skipIf(skipWithoutReader('openpyxl'))(
    'reads the same cells and print settings in openpyxl, an independent reader',
    () => {
      const file = path.join(tempDir('case-handling-'), xlsx.fileName);
      fs.writeFileSync(file, xlsx.bytes);
      const script = path.resolve(import.meta.dirname, '../helpers/read_report_openpyxl.py');
      const r = spawnSync(python, [script, file, String(totalRow)], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout)).toMatchObject({
        paperSize: 9,
        orientation: 'landscape',
        fitToWidth: 1,
        printTitleRows: '$3:$4',
        title: '2026年9月玉井镇网格事件处置情况统计表',
        total: rowValues(ws, totalRow, LAST_COL),
      });
    },
  );
});
